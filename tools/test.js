#!/usr/bin/env node
// `npm test`: type-check, lint (module boundaries included), then every Jest spec against a real Kafka broker and a
// fresh PostgreSQL database. Specs run one file at a time: end-to-end specs start several service processes each,
// and the machine has two cores.
'use strict';
// Right after `git clone` there is no node_modules yet: install first.
require('./ensure-dependencies').ensureDependencies();
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

function step(title, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${title}\n`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  process.stdout.write(`=== ${title}: ${res.status === 0 ? 'ok' : `FAILED (exit ${res.status})`} in ${Math.round((Date.now() - started) / 1000)} s\n`);
  return res.status === 0;
}

const results = path.join(ROOT, '.local', 'jest-results.json');
const vitestResults = path.join(ROOT, '.local', 'vitest-results.json');
fs.mkdirSync(path.dirname(vitestResults), { recursive: true });
fs.rmSync(vitestResults, { force: true });
fs.rmSync(results, { force: true });

let ok = true;
if (extra.length === 0) {
  ok = step('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']) && ok;
  ok = step('typecheck console', bin('tsc'), ['-p', 'apps/console/tsconfig.json', '--noEmit']) && ok;
  ok = step('lint', bin('nx'), ['run-many', '-t', 'lint', '--output-style=stream'], { NX_DAEMON: 'false' }) && ok;
  ok = step('formatted (prettier --check)', bin('prettier'), ['--check', '--log-level=warn', '.']) && ok;
  ok = step('contracts up to date', process.execPath, ['-r', '@swc-node/register', 'libs/contracts/src/asyncapi/asyncapi.cli.ts', '--check']) && ok;
  ok = step('console API types up to date', process.execPath, ['-r', '@swc-node/register', 'tools/console/openapi-types.ts', '--check']) && ok;
  ok =
    step('console unit tests (vitest)', bin('vitest'), [
      'run',
      '--config',
      'apps/console/vite.config.mts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestResults}`,
    ]) && ok;
}
// --forceExit: a spec whose start-up failed half-way (a service not ready in time) can leave a handle open, and a run
// that never ends would hold CI until its limit; the failure itself is reported either way.
ok = step('tests', bin('jest'), ['--runInBand', '--forceExit', '--json', `--outputFile=${results}`, ...extra], { KAFKAJS_NO_PARTITIONER_WARNING: '1' }) && ok;

let summary = 'no test results';
try {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  // The console's Vitest specs count beside the Jest ones when they ran (a full run).
  const v = fs.existsSync(vitestResults) ? JSON.parse(fs.readFileSync(vitestResults, 'utf8')) : { numPassedTests: 0, numFailedTests: 0 };
  summary = `${r.numPassedTests + v.numPassedTests} passed, ${r.numFailedTests + v.numFailedTests} failed`;
  if (r.numTotalTests === 0) ok = false;
} catch {
  ok = false;
}
process.stdout.write(`\n${summary}\n`);
process.exit(ok ? 0 : 1);
