// `npm run console:build`: builds the console with Vite into dist/console and prints the bundle budget — what a
// visitor's browser downloads (gzip) on the first load of each public page: the entry with its static imports, the
// page's own chunk with its static imports, and the CSS. The aim for a public page is under 350 KB.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const here = fileURLToPath(new URL('..', import.meta.url));
const out = fileURLToPath(new URL('../../../dist/console', import.meta.url));
const BUDGET_KB = 350;
// Always a production build (React's production bundle), whatever NODE_ENV the caller runs under (tests set `test`).
process.env.NODE_ENV = 'production';

await build({ configFile: join(here, 'vite.config.mts'), logLevel: 'warn', build: { manifest: true } });

const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);

/** A chunk and everything it imports statically (what loads before it can run), with their CSS. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const i of manifest[key].imports ?? []) closure(i, seen);
  return seen;
}
function files(keys) {
  const set = new Set();
  for (const k of keys) {
    set.add(manifest[k].file);
    for (const c of manifest[k].css ?? []) set.add(c);
  }
  return set;
}

const pages = {
  '公示列表 /notices': 'src/pages/public/notices/index.tsx',
  '公示详情 /notices/:id': 'src/pages/public/notice/index.tsx',
  '备案机构查询 /register': 'src/pages/public/register/index.tsx',
  '就近就地覆盖 /register/coverage': 'src/pages/public/coverage/index.tsx',
  '抽取验证 /draws/:id/verify': 'src/pages/public/draw-verification/index.tsx',
  '申报向导 /applicant/apply': 'src/pages/applicant/apply/index.tsx',
};
const base = closure(entryKey);
const baseFiles = files(base);
const baseKb = [...baseFiles].reduce((n, f) => n + gz(f), 0) / 1024;
const html = gz('index.html') / 1024;
let over = false;
process.stdout.write(
  `\nconsole bundle (dist/console), first load per page, gzip:\n  shared entry ${baseKb.toFixed(1)} KB + index.html ${html.toFixed(1)} KB\n`,
);
for (const [label, src] of Object.entries(pages)) {
  if (!manifest[src]) throw new Error(`bundle budget: ${src} is not a chunk of the build`);
  const own = [...files(closure(src, new Set(base)))].filter((f) => !baseFiles.has(f));
  const kb = baseKb + html + own.reduce((n, f) => n + gz(f), 0) / 1024;
  const isPublic = src.includes('/public/');
  if (isPublic && kb > BUDGET_KB) over = true;
  process.stdout.write(
    `  ${label.padEnd(34)} ${kb.toFixed(1).padStart(7)} KB${isPublic ? (kb > BUDGET_KB ? `  OVER the ${BUDGET_KB} KB aim` : `  (aim < ${BUDGET_KB} KB)`) : ''}\n`,
  );
}
const total = Object.values(manifest).reduce((n, m) => n + statSync(join(out, m.file)).size, 0);
process.stdout.write(`  all JavaScript, uncompressed: ${(total / 1024).toFixed(0)} KB in ${Object.keys(manifest).length} chunks\n`);
if (over) process.stdout.write('  a public page is over its aim: see which chunk grew (npx vite build --config apps/console/vite.config.mts)\n');
