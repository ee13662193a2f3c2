#!/usr/bin/env node
// Usage: npm run keycloak -- <fetch|start|stop|status|users> [--port N] [--mode dev|prod] [--home DIR] [--database-url URL]
'use strict';
const keycloak = require('./server');

const USAGE = 'usage: keycloak.js <fetch|start|stop|status|users> [--port N] [--mode dev|prod] [--home DIR] [--database-url URL]';

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') opts.port = Number(argv[++i]);
    else if (a === '--mode') opts.mode = argv[++i];
    else if (a === '--home') opts.home = argv[++i];
    else if (a === '--database-url') opts.databaseUrl = argv[++i];
    else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  return opts;
}

async function main() {
  const [cmd, ...rest] = process.argv.slice(2);
  const opts = parseArgs(rest);
  switch (cmd) {
    case 'fetch':
      keycloak.fetchDistribution(keycloak.settings(opts));
      console.log(`Java for Keycloak: ${keycloak.javaHome()}`);
      break;
    case 'start': {
      const r = await keycloak.start(opts);
      console.log(`${r.startedNow ? `started in ${(r.startMs / 1000).toFixed(1)} s` : 'already running'}: ${r.url} pid ${r.pid}`);
      console.log(`  issuer      ${r.issuer}`);
      console.log(`  JWKS        ${r.jwksUrl}`);
      console.log(`  admin       ${r.url}/admin/  user ${keycloak.ADMIN_USER}, password in ${r.home}/admin-password`);
      console.log(`  demo users  npm run keycloak -- users   (password ${keycloak.DEMO_PASSWORD}, local use only)`);
      break;
    }
    case 'stop':
      await keycloak.stop(opts);
      break;
    case 'status': {
      const s = keycloak.settings(opts);
      const ok = await keycloak.answers(s);
      console.log(`${s.issuer}: ${ok ? 'answers its OpenID configuration' : 'not reachable'}`);
      process.exitCode = ok ? 0 : 1;
      break;
    }
    case 'users':
      for (const u of keycloak.demoUsers()) {
        console.log(`${u.username.padEnd(22)} ${u.roles.join(',').padEnd(20)} ${(u.jurisdiction ?? '-').padEnd(7)} ${u.creditCode ?? ''} ${u.name}`);
      }
      console.log(`password of every demo user: ${keycloak.DEMO_PASSWORD} (local use only)`);
      break;
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main().catch((err) => {
  console.error(`[keycloak] ${err.message}`);
  process.exit(1);
});
