// `npm run asyncapi` writes libs/contracts/asyncapi.yaml and schemas/*.schema.json from the catalogue;
// `npm run asyncapi -- --check` only compares, and fails naming each file that is out of date (for CI).
import 'reflect-metadata';
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { renderArtifacts, SCHEMAS_DIR } from './asyncapi.generator';

const LIB_DIR = join(__dirname, '..', '..');

/** Files that differ from what the generator produces now, including stale schema files of removed events. */
export function staleFiles(root = LIB_DIR): { path: string; problem: 'missing' | 'differs' | 'obsolete' }[] {
  const files = renderArtifacts();
  const out: { path: string; problem: 'missing' | 'differs' | 'obsolete' }[] = [];
  for (const f of files) {
    const abs = join(root, f.path);
    if (!existsSync(abs)) out.push({ path: f.path, problem: 'missing' });
    else if (readFileSync(abs, 'utf8') !== f.content) out.push({ path: f.path, problem: 'differs' });
  }
  const expected = new Set(files.map((f) => f.path));
  const schemasDir = join(root, SCHEMAS_DIR);
  if (existsSync(schemasDir)) {
    for (const name of readdirSync(schemasDir).sort()) {
      const path = `${SCHEMAS_DIR}/${name}`;
      if (name.endsWith('.schema.json') && !expected.has(path)) out.push({ path, problem: 'obsolete' });
    }
  }
  return out;
}

function main(argv: string[]): number {
  const shown = (p: string) => relative(process.cwd(), join(LIB_DIR, p));
  if (argv.includes('--check')) {
    const stale = staleFiles();
    for (const s of stale) console.error(`${s.problem}: ${shown(s.path)}`);
    if (stale.length) {
      console.error('The published event contract is out of date: run `npm run asyncapi` and commit the result.');
      return 1;
    }
    console.log('asyncapi.yaml and schemas/ are up to date.');
    return 0;
  }
  for (const s of staleFiles().filter((s) => s.problem === 'obsolete')) {
    unlinkSync(join(LIB_DIR, s.path));
    console.log(`removed ${shown(s.path)}`);
  }
  for (const f of renderArtifacts()) {
    const abs = join(LIB_DIR, f.path);
    mkdirSync(dirname(abs), { recursive: true });
    if (existsSync(abs) && readFileSync(abs, 'utf8') === f.content) continue;
    writeFileSync(abs, f.content);
    console.log(`wrote ${shown(f.path)}`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
