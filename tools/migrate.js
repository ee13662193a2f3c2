#!/usr/bin/env node
// `npm run migrate`: runs every service's pending migrations against DATABASE_URL (each in its own schema).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const services = require('./services');

const ROOT = path.resolve(__dirname, '..');
let failed = 0;
for (const s of services) {
  const res = spawnSync(process.execPath, ['-r', '@swc-node/register', path.join('services', s.dir, 'src', 'migrate.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...s.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  console.log(`${res.status === 0 ? 'ok    ' : 'FAILED'} ${s.name}`);
  if (res.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
