import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * One persistence convention (docs/architecture.md §2): a module's SQL and TypeORM calls live in its
 * `<module>/infrastructure/*.repository.ts` (or a `*.store.ts` there, the persistence of one thing: idempotency keys,
 * material bytes) and in the migrations; handlers, controllers, consumers and command-line tools go through them.
 * A textual check: raw SQL (`.query(`), query builders and repositories, and the EntityManager's reads and writes
 * on the names a manager goes by in this code base (`manager`, `m`, `em`, `tx`, `ctx.manager`, `dataSource`).
 */
const ROOT = join(__dirname, '..', '..');
const CALL =
  /\.(query|createQueryBuilder|getRepository)\(|\b(manager|m|em|tx|ctx\.manager|dataSource|this\.dataSource)\.(find\w*|save|insert|update|delete|upsert|remove|softDelete|count\w*|exists\w*|increment|decrement|sum|average|minimum|maximum)\(/;
const ALLOWED = [/\/infrastructure\/[^/]+\.(repository|store)\.ts$/, /\/infrastructure\/migrations\//, /\.spec\.ts$/];

// Deliberate exceptions, each with its reason (none today).
const EXCEPTIONS: Record<string, string> = {};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

function persistenceCalls(source: string): number[] {
  return source.split('\n').flatMap((line, i) => (CALL.test(line) ? [i + 1] : []));
}

describe('persistence in repositories', () => {
  it('recognises SQL and TypeORM calls, and leaves other calls alone', () => {
    for (const probe of [
      'await this.dataSource.query(`SELECT 1`);',
      'await manager.query(sql, [id]);',
      "const d = await m.createQueryBuilder(Draw, 'd').getOne();",
      'await ctx.manager.insert(ReviewCase, c);',
      'await m.save(expert);',
      'const e = await m.findOne(Expert, { where: { id } });',
      'return this.dataSource.getRepository(ImportJob).findOneBy({ id });',
    ]) {
      expect({ probe, found: persistenceCalls(probe).length }).toEqual({ probe, found: 1 });
    }
    for (const other of [
      'await this.cases.updateAtVersion(manager, c, changes);',
      'const found = rows.find((r) => r.id === id);',
      'await this.draws.save(m, d);',
    ]) {
      expect({ other, found: persistenceCalls(other).length }).toEqual({ other, found: 0 });
    }
  });

  it('finds none in services/*/src outside infrastructure/*.repository.ts, *.store.ts and the migrations', () => {
    const services = readdirSync(join(ROOT, 'services'), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(services.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const service of services) {
      const src = join(ROOT, 'services', service.name, 'src');
      let files: string[];
      try {
        files = tsFiles(src);
      } catch {
        continue;
      }
      for (const file of files) {
        const path = relative(ROOT, file);
        if (ALLOWED.some((a) => a.test(path)) || EXCEPTIONS[path]) continue;
        for (const line of persistenceCalls(readFileSync(file, 'utf8'))) found.push(`${path}:${line}`);
      }
    }
    expect(found).toEqual([]);
  });
});
