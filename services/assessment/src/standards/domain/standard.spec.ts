import employer from '../data/attachment-1-employer.json';
import socialOrg from '../data/attachment-2-social-org.json';
import { scoringScope, StandardDocument, standardInForce } from './standard';
import { validateStandard } from './standard-validation';

const defaults = [employer, socialOrg] as StandardDocument[];

describe('the default standards (docs/domain.md §1.2)', () => {
  it.each(defaults.map((d) => [d.standardId, d]))('%s is valid, 100 points, pass at 70, marked provisional pending the official attachment', (_id, d) => {
    expect(validateStandard(d)).toEqual([]);
    expect(d).toMatchObject({ total: 100, passLine: 70, provisional: true, version: '1' });
    expect(d.provenance).toMatch(/附件[12]/);
    expect(d.vetoes.map((v) => v.title)).toEqual(expect.arrayContaining(['提供虚假材料或弄虚作假', '无固定考核场所或无视频监控']));
  });

  it('the enterprise add-occupation scope is items 2–5 and 7 (70 points)', () => {
    const scope = scoringScope(employer as StandardDocument, 'add-occupation');
    expect(scope.items.map((i) => i.id)).toEqual(['2', '3', '4', '5', '7']);
    expect(scope.scopeMax).toBe(70);
    expect(scope.scale).toBeCloseTo(100 / 70);
  });

  it('the social-org standard carries the profit-oriented veto', () => {
    expect((socialOrg as StandardDocument).vetoes.map((v) => v.id)).toContain('V7');
  });
});

describe('validateStandard', () => {
  const broken = (): StandardDocument => JSON.parse(JSON.stringify(employer));

  it('names every problem: sums, duplicate ids, pass line, date', () => {
    const s = broken();
    s.items[0].subItems[0].maxPoints = 5; // item 1 sub-items: 16 ≠ 15; items: 100 unchanged
    s.items[1].maxPoints = 12; // items add up to 102; item 2 sub-items 10 ≠ 12
    s.items[2].subItems[1].id = '3.1';
    s.passLine = 120;
    s.effectiveFrom = '2026-13-45';
    s.vetoes.push({ id: 'V1', title: 'dup' });
    const problems = validateStandard(s);
    expect(problems).toEqual(
      expect.arrayContaining([
        "item 1 (组织保障): sub-item points add up to 16, not the item's 15",
        "item 2 (认定职业与需求): sub-item points add up to 10, not the item's 12",
        'item points add up to 102, not the total 100',
        'id "3.1" is used twice (sub-item 3.1 of item 3 and sub-item 3.1 of item 3)',
        'passLine 120 is outside 0..100 (the total)',
        'effectiveFrom "2026-13-45" is not a calendar date YYYY-MM-DD',
        'id "V1" is used twice (veto V1 and veto V1)',
      ]),
    );
  });

  it('refuses a standard with no occupation-related item', () => {
    const s = broken();
    s.items.forEach((i) => (i.occupationRelated = false));
    expect(validateStandard(s)).toEqual(['no item is occupation-related: an add-occupation case (增加认定职业) could not be scored']);
  });
});

describe('standardInForce', () => {
  const v = (version: string, effectiveFrom: string, kind: 'employer' | 'social-org' = 'employer') =>
    ({ ...(employer as StandardDocument), version, effectiveFrom, institutionKind: kind }) as StandardDocument;
  const loaded = [
    { document: v('1', '2022-10-21'), loadedSeq: 1 },
    { document: v('1', '2022-10-21', 'social-org'), loadedSeq: 2 },
    { document: v('2', '2026-01-01'), loadedSeq: 3 },
    { document: v('2b', '2026-01-01'), loadedSeq: 4 },
    { document: v('3', '2027-01-01'), loadedSeq: 5 },
  ];

  it('takes the latest effective date not after the day, the last loaded on a tie', () => {
    expect(standardInForce(loaded, 'employer', '2025-12-31')?.document.version).toBe('1');
    expect(standardInForce(loaded, 'employer', '2026-06-01')?.document.version).toBe('2b');
    expect(standardInForce(loaded, 'employer', '2027-01-01')?.document.version).toBe('3');
    expect(standardInForce(loaded, 'social-org', '2027-01-01')?.document.version).toBe('1');
    expect(standardInForce(loaded, 'employer', '2022-10-20')).toBeUndefined();
  });
});
