#!/usr/bin/env node
// `npm run build`: compiles every workspace package (libs, services, the console's server, tools/kafka) to JavaScript
// with swc into dist/app, keeping the repository layout and rewriting each package's `main` from .ts to .js, and
// builds the console's single-page application (Vite) into dist/app/dist/console, where its server looks for it. The
// container image copies dist/app and runs `node services/<name>/src/main.js` (or `node apps/console/server/main.js`):
// no TypeScript tooling at run time.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const swc = require('@swc/core');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'app');
/** Browser code and build scripts: the SPA build bundles them; nothing of them runs in node. */
const NOT_COMPILED = new Set(['src', 'scripts'].map((d) => path.join(ROOT, 'apps', 'console', d)));
const SWC = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    // Nest's dependency injection needs the design-time type metadata that tsc's emitDecoratorMetadata gives.
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: true,
};

function packages() {
  const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return rootPkg.workspaces
    .flatMap((pattern) => {
      if (!pattern.endsWith('/*')) return [pattern];
      const dir = pattern.slice(0, -2);
      return fs.readdirSync(path.join(ROOT, dir)).map((d) => `${dir}/${d}`);
    })
    .filter((p) => fs.existsSync(path.join(ROOT, p, 'package.json')));
}

function copyTree(srcDir, outDir, counts) {
  for (const entry of fs.readdirSync(srcDir, { withFileTypes: true })) {
    const src = path.join(srcDir, entry.name);
    const out = path.join(outDir, entry.name);
    if (entry.isDirectory()) {
      if (['node_modules', 'test', 'dist'].includes(entry.name) || NOT_COMPILED.has(src)) continue;
      copyTree(src, out, counts);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      if (/\.(spec|e2e-spec)\.ts$/.test(entry.name)) continue;
      const { code, map } = swc.transformFileSync(src, { ...SWC, filename: src, sourceFileName: path.relative(path.dirname(out), src) });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const js = out.replace(/\.ts$/, '.js');
      fs.writeFileSync(js, `${code}\n//# sourceMappingURL=${path.basename(js)}.map\n`);
      fs.writeFileSync(`${js}.map`, map);
      counts.ts++;
    } else if (/\.(json|js|yaml|html|csv|properties|xml)$/.test(entry.name) && !/^(jest\.config\.js|tsconfig.*\.json)$/.test(entry.name)) {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.copyFileSync(src, out);
      counts.other++;
    }
  }
}

function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  const counts = { ts: 0, other: 0 };
  const pkgs = packages();
  for (const p of pkgs) {
    copyTree(path.join(ROOT, p), path.join(OUT, p), counts);
    const pkgFile = path.join(OUT, p, 'package.json');
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    for (const k of ['main', 'types']) if (typeof pkg[k] === 'string') pkg[k] = pkg[k].replace(/\.ts$/, '.js');
    delete pkg.types;
    fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  for (const f of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(ROOT, f), path.join(OUT, f));
  const web = spawnSync(process.execPath, [path.join(ROOT, 'apps', 'console', 'scripts', 'build.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (web.status !== 0) throw new Error(`console build failed (exit ${web.status})`);
  fs.cpSync(path.join(ROOT, 'dist', 'console'), path.join(OUT, 'dist', 'console'), { recursive: true });
  console.log(
    `built ${pkgs.length} packages into ${path.relative(ROOT, OUT)}: ${counts.ts} TypeScript files compiled, ${counts.other} data files copied; the console into ${path.relative(ROOT, path.join(OUT, 'dist', 'console'))}`,
  );
}

main();
