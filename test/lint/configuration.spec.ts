import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConfigVariable } from '@filing/runtime';
import { ASSESSMENT_VARIABLES } from '../../services/assessment/src/infrastructure/assessment.config';
import { EXPERT_POOL_VARIABLES } from '../../services/expert-pool/src/infrastructure/expert-pool.config';
import { INTAKE_VARIABLES } from '../../services/intake/src/infrastructure/intake.config';
import { PUBLICATION_VARIABLES } from '../../services/publication/src/infrastructure/publication.config';
import { REVIEW_VARIABLES } from '../../services/review/src/infrastructure/review.config';
import { NOTIFICATION_VARIABLES } from '../../services/notification/src/infrastructure/notification.config';

/**
 * Each service declares the variables it reads once (`infrastructure/<service>.config.ts`: name, default, meaning),
 * reads no other, and the README's configuration table lists every one with the same default.
 */
describe('configuration', () => {
  const root = path.resolve(__dirname, '..', '..');
  const declared: Record<string, readonly ConfigVariable[]> = {
    assessment: ASSESSMENT_VARIABLES,
    'expert-pool': EXPERT_POOL_VARIABLES,
    intake: INTAKE_VARIABLES,
    publication: PUBLICATION_VARIABLES,
    review: REVIEW_VARIABLES,
    notification: NOTIFICATION_VARIABLES,
  };
  // Platform-wide switches and the shared libraries' variables (runtime, messaging, auth) are not a service's own.
  const platformWide = new Set(['NODE_ENV']);

  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return sources(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [full] : [];
    });

  /** Names a service's code reads: `env('X')`, `intEnv('X')`, `settings.int('X')`, `process.env.X`, `env.X`. */
  const readBy = (service: string): Map<string, string> => {
    const found = new Map<string, string>();
    for (const file of sources(path.join(root, 'services', service, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      const patterns = [
        /\b(?:env|intEnv|boolEnv)\(\s*'([A-Z][A-Z0-9_]+)'/g,
        /\bsettings\.\w+\(\s*'([A-Z][A-Z0-9_]+)'/g,
        /\b(?:process\.env|env)\.([A-Z][A-Z0-9_]+)/g,
      ];
      for (const re of patterns) for (const m of text.matchAll(re)) found.set(m[1], path.relative(root, file));
    }
    return found;
  };

  /** The README's configuration table: variable cell → default cell. */
  const readme = (): { names: string; defaults: string }[] => {
    const text = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = text.slice(text.indexOf('## Configuration'), text.indexOf('\n## ', text.indexOf('## Configuration') + 1));
    return section
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split('|').map((c) => c.trim()))
      .map((cells) => ({ names: cells[1], defaults: cells[2] }));
  };

  it.each(Object.keys(declared))('%s reads only variables it declares', (service) => {
    const names = new Set(declared[service].map((v) => v.name));
    const undeclared = [...readBy(service)].filter(([name]) => !names.has(name) && !platformWide.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(undeclared).toEqual([]);
  });

  it.each(Object.keys(declared))('%s declares each variable once, with a meaning', (service) => {
    const names = declared[service].map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    expect(declared[service].filter((v) => v.meaning.trim().length < 10).map((v) => v.name)).toEqual([]);
  });

  it('finds every declared variable in the README table with its default', () => {
    const rows = readme();
    expect(rows.length).toBeGreaterThan(20); // the table is found at all
    const problems = Object.values(declared)
      .flat()
      .flatMap((v) => {
        const row = rows.find((r) => r.names.includes(`\`${v.name}\``));
        if (!row) return [`${v.name}: no row in the README's configuration table`];
        const shown = v.shown ?? v.default;
        return shown === undefined || row.defaults.replace(/`/g, '').includes(shown.replace(/`/g, ''))
          ? []
          : [`${v.name}: README says "${row.defaults}", the code "${shown}"`];
      });
    expect(problems).toEqual([]);
  });
});
