#!/usr/bin/env node
// docker compose: the `secrets` step. At the first start it generates what the compose platform must not ship —
// Keycloak's administrator password, the TLS key and certificate Keycloak serves its JWKS with (services verify
// tokens over https only) and expert-pool's draw-seed key — into the `secrets` volume; later starts find them there
// and change nothing.
//   node tools/keycloak/compose-secrets.js [dir] [--hosts keycloak,localhost]
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** uid/gid of both images' users: `node` in the service image, `keycloak` in quay.io/keycloak/keycloak. */
const OWNER = 1000;

function write(file, content, mode) {
  fs.writeFileSync(file, content, { mode });
  fs.chmodSync(file, mode);
  if (process.getuid?.() === 0) fs.chownSync(file, OWNER, OWNER);
}

/** Writes the missing secrets into `dir`; returns the names it generated (none when all were there). */
async function generateSecrets(dir, hosts = ['keycloak', 'localhost']) {
  fs.mkdirSync(dir, { recursive: true });
  const made = [];
  const password = path.join(dir, 'keycloak-admin-password');
  if (!fs.existsSync(password)) {
    write(password, crypto.randomBytes(24).toString('base64url'), 0o400);
    made.push('keycloak-admin-password');
  }
  const seedKey = path.join(dir, 'draw-seed-key');
  if (!fs.existsSync(seedKey)) {
    // expert-pool encrypts draw seeds at rest with it (DRAW_SEED_KEY_FILE).
    write(seedKey, crypto.randomBytes(32).toString('hex'), 0o400);
    made.push('draw-seed-key');
  }
  const cert = path.join(dir, 'keycloak.crt');
  const key = path.join(dir, 'keycloak.key');
  if (!fs.existsSync(cert) || !fs.existsSync(key)) {
    const selfsigned = require('selfsigned');
    const now = new Date();
    const pems = await selfsigned.generate([{ name: 'commonName', value: hosts[0] }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now.getTime() - 60_000),
      notAfterDate: new Date(now.getTime() + 825 * 86_400_000),
      extensions: [
        // Self-signed and its own trust anchor: the services trust exactly this certificate (NODE_EXTRA_CA_CERTS).
        { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
        { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [...hosts.map((value) => ({ type: 2, value })), { type: 7, ip: '127.0.0.1' }] },
      ],
    });
    write(key, pems.private, 0o400);
    write(cert, pems.cert, 0o444);
    made.push('keycloak.key', 'keycloak.crt');
  }
  return made;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const hostsAt = args.indexOf('--hosts');
  const hosts =
    hostsAt >= 0
      ? args
          .splice(hostsAt, 2)[1]
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean)
      : undefined;
  const dir = args[0] ?? '/run/filing-secrets';
  generateSecrets(dir, hosts).then(
    (made) => console.log(made.length ? `generated ${made.join(', ')} in ${dir}` : `secrets already in ${dir}; nothing generated`),
    (err) => {
      console.error(`compose-secrets: ${err.message}`);
      process.exit(1);
    },
  );
}

module.exports = { generateSecrets };
