import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASE_ACTION_NAMES, JURISDICTIONS, STAGE_NAMES, stageReasonText, yearsText } from './vocabulary';

const contracts = fileURLToPath(new URL('../../../../libs/contracts/src/vocabulary/', import.meta.url));

describe('the console’s vocabulary follows the contracts', () => {
  it('lists the same jurisdictions as libs/contracts', () => {
    const data = JSON.parse(readFileSync(`${contracts}jurisdictions.json`, 'utf8'));
    expect(JURISDICTIONS).toEqual(data.jurisdictions.map((j: any) => ({ code: j.code, name: j.name, level: j.level })));
  });

  it('names every case stage in Chinese', () => {
    const source = readFileSync(`${contracts}case-stage.ts`, 'utf8');
    const stages = [...source.slice(source.indexOf('CASE_STAGES'), source.indexOf('] as const')).matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(stages.length).toBeGreaterThan(10);
    expect(Object.keys(STAGE_NAMES).sort()).toEqual(stages.sort());
  });
});

describe('stage reasons the services write in English', () => {
  it('reads in Chinese; people’s own words stay as written', () => {
    expect(stageReasonText('public notice closed: objections-dismissed')).toBe('公示期满，公示结果：异议不成立');
    expect(stageReasonText('public notice closed: no-objection')).toBe('公示期满，公示结果：无异议');
    expect(stageReasonText('objection upheld during the public notice (公示异议成立)')).toBe('公示期间异议成立');
    expect(stageReasonText('材料齐全，予以受理')).toBe('材料齐全，予以受理');
  });
});

describe('covered years', () => {
  it('reads as runs of consecutive years', () => {
    expect(yearsText([2026, 2004, 2005, 2006, 2028, 2025])).toBe('2004–2006、2025–2026、2028');
    expect(yearsText([])).toBe('');
  });
});

describe('the case’s audit trail', () => {
  it('names in Chinese every step and fact review records', () => {
    const root = fileURLToPath(new URL('../../../../services/review/src/', import.meta.url));
    const sources = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
      .map((f) => readFileSync(`${root}${f}`, 'utf8'));
    const recorded = new Set(sources.flatMap((src) => [...src.matchAll(/(?:action|what): '([a-z-]+)'/g)].map((m) => m[1])));
    const lifecycle = readFileSync(`${root}cases/domain/case-lifecycle.ts`, 'utf8');
    for (const m of lifecycle.slice(lifecycle.indexOf('CASE_ACTIONS'), lifecycle.indexOf('] as const')).matchAll(/'([a-z-]+)'/g)) recorded.add(m[1]);
    expect(recorded.size).toBeGreaterThan(20);
    expect([...recorded].filter((a) => !CASE_ACTION_NAMES[a]).sort()).toEqual([]);
  });
});
