import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Every comment that cites the design documents (`docs/architecture.md §5.1`, `docs/domain.md §1.2`) names a file
 * that is in the repository and a section that file has, so a newcomer following a reference lands somewhere.
 */
describe('references to the design documents', () => {
  const root = path.resolve(__dirname, '..', '..');
  const skip = new Set(['node_modules', '.git', 'dist', 'tmp', '.nx', 'coverage']);
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|json|md|ya?ml)$/.test(entry.name)) files.push(full);
    }
  };
  ['libs', 'services', 'apps', 'tools', 'test', 'deploy', 'docs'].forEach((d) => walk(path.join(root, d)));
  files.push(path.join(root, 'eslint.config.js'), path.join(root, 'README.md'));

  /** Section numbers a document has: `## 5. …` gives 5; a numbered item `1. …` under it gives 5.1; `### 0.4 …` 0.4. */
  const sections = (doc: string): Set<string> => {
    const found = new Set<string>();
    let current = '';
    for (const line of fs.readFileSync(path.join(root, 'docs', doc), 'utf8').split('\n')) {
      const heading = /^#{2,3} (\d+(?:\.\d+)?)[. ]/.exec(line);
      if (heading) {
        current = heading[1];
        found.add(current);
        continue;
      }
      const item = /^(\d+)\. /.exec(line);
      if (item && current && !current.includes('.')) found.add(`${current}.${item[1]}`);
    }
    return found;
  };
  const known: Record<string, Set<string>> = { 'architecture.md': sections('architecture.md'), 'domain.md': sections('domain.md') };

  const citations = files.flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(/docs\/(architecture\.md|domain\.md)`? §(\d+(?:\.\d+)?)(?:[–-](\d+))?/g)].map((m) => ({
      where: path.relative(root, file),
      doc: m[1],
      numbers: m[3] ? [m[2], m[3]] : [m[2]],
    }));
  });

  it('finds the citations (the scan itself works)', () => {
    expect(citations.length).toBeGreaterThan(30);
  });

  it('cites only sections the documents have', () => {
    const broken = citations.flatMap((c) => c.numbers.filter((n) => !known[c.doc].has(n)).map((n) => `${c.where}: ${c.doc} §${n}`));
    expect(broken).toEqual([]);
  });

  it('keeps no reference to a design document outside the repository', () => {
    const outside = files
      .filter((f) => !f.includes(`${path.sep}publication${path.sep}`)) // publication is being rebuilt separately
      .filter((f) => /(?<![\w/])(architecture|domain)(\.md)? §|shared\/docs\//.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f))
      .filter((f) => f !== 'test/lint/design-references.spec.ts');
    expect(outside).toEqual([]);
  });

  it('names in the traceability table only files and folders that exist', () => {
    const text = fs.readFileSync(path.join(root, 'docs', 'procedure-traceability.md'), 'utf8');
    const section = text.slice(text.indexOf('## Down to file and function'));
    const named = [...section.matchAll(/`([a-z][\w.-]*\/[\w./-]+)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(30);
    const missing = named.filter((p) => !fs.existsSync(path.join(root, p.startsWith('libs/') ? p : path.join('services', p))));
    expect(missing).toEqual([]);
  });

  it('keeps the procedure text itself in the repository', () => {
    expect(fs.readFileSync(path.join(root, 'docs', 'procedure.zh.txt'), 'utf8')).toContain('吉人社规〔2022〕7号');
  });
});
