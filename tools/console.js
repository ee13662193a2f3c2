// The console process of a local platform (beside tools/services.js): its port (3000 + PORT_OFFSET), entry and the
// settings that point it at every service, review by jurisdiction from the same process list `npm start` runs.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const OFFSET = Number(process.env.PORT_OFFSET ?? 0);

/** Settings for a console server in front of `processes` ({ name, dir, port, env } as in tools/services.js). */
function consoleEnv(processes, host = '127.0.0.1') {
  const url = (p) => `http://${host}:${p.port}`;
  const one = (dir) => processes.find((p) => p.dir === dir);
  const review = Object.fromEntries(processes.filter((p) => p.dir === 'review').map((p) => [p.env.REVIEW_JURISDICTION ?? '220000', url(p)]));
  return {
    INTAKE_URL: url(one('intake')),
    EXPERT_POOL_URL: url(one('expert-pool')),
    ASSESSMENT_URL: url(one('assessment')),
    PUBLICATION_URL: url(one('publication')),
    NOTIFICATION_URL: url(one('notification')),
    REVIEW_INSTANCES: JSON.stringify(review),
  };
}

/** The newest modification time under a directory (the console's sources), in ms. */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds the console (vite) when dist/console is missing or older than its sources; returns whether it built. */
function buildIfStale(say = () => undefined) {
  const index = path.join(ROOT, 'dist', 'console', 'index.html');
  const src = path.join(ROOT, 'apps', 'console');
  const stale =
    !fs.existsSync(index) || fs.statSync(index).mtimeMs < Math.max(newest(path.join(src, 'src')), fs.statSync(path.join(src, 'index.html')).mtimeMs);
  if (!stale) return false;
  say('console: building the web console (vite)...');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'apps', 'console', 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`console build failed (exit ${r.status})`);
  return true;
}

module.exports = {
  name: 'console',
  port: 3000 + OFFSET,
  entry: path.join('apps', 'console', 'server', 'main.ts'),
  consoleEnv,
  buildIfStale,
};
