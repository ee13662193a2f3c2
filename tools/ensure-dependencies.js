// Installs the npm dependencies when node_modules is missing or older than package-lock.json, so `npm start` and
// `npm test` work right after `git clone`. Uses nothing from node_modules itself. `npm ci` installs exactly the
// lockfile; afterwards the lockfile's hash is kept in node_modules, so a checkout that only touched the file's
// time does not reinstall.
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const LOCK = path.join(ROOT, 'package-lock.json');
const INSTALLED = path.join(ROOT, 'node_modules', '.package-lock.json');
const MARKER = path.join(ROOT, 'node_modules', '.installed-lock-sha256');

function lockHash() {
  return crypto.createHash('sha256').update(fs.readFileSync(LOCK)).digest('hex');
}

/** Why an install is needed, or undefined when node_modules matches the lockfile. */
function staleness() {
  if (!fs.existsSync(INSTALLED)) return 'node_modules is missing';
  if (fs.existsSync(MARKER)) return fs.readFileSync(MARKER, 'utf8').trim() === lockHash() ? undefined : 'package-lock.json changed since the last install';
  // Installed by hand (npm ci / npm install): npm writes its hidden lockfile when the install ends.
  return fs.statSync(INSTALLED).mtimeMs >= fs.statSync(LOCK).mtimeMs ? undefined : 'node_modules is older than package-lock.json';
}

function ensureDependencies() {
  const why = staleness();
  if (why) {
    process.stdout.write(`Installing npm dependencies (${why}): npm ci...\n`);
    const res = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
    if (res.status !== 0) {
      process.stderr.write(`npm ci failed (exit ${res.status}); fix the install and run the command again\n`);
      process.exit(res.status || 1);
    }
  }
  if (!fs.existsSync(MARKER) || why) fs.writeFileSync(MARKER, `${lockHash()}\n`);
}

module.exports = { ensureDependencies, staleness };
