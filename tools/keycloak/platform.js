// `npm start -- --idp keycloak` (or IDP=keycloak): the platform signs in through a real Keycloak instead of the
// development tokens. This module is all npm start needs: start Keycloak, the services' auth settings, a token per
// demo role for the demo loader, the demo experts' accounts (created at Keycloak and linked at expert-pool, the way
// the province provisions them), the demo users to print, and stop.
'use strict';
const keycloak = require('./server');

/** The idp chosen on the command line (`--idp keycloak`) or in IDP; undefined means development tokens. */
function chosenIdp(argv = process.argv.slice(2), env = process.env) {
  const i = argv.indexOf('--idp');
  const idp = i >= 0 ? argv[i + 1] : env.IDP;
  if (idp === undefined || idp === '' || idp === 'dev') return undefined;
  if (idp !== 'keycloak') throw new Error(`--idp must be keycloak or dev, got ${idp}`);
  return idp;
}

/** Levels whose demo experts get Keycloak accounts (their records come from the demo data). */
const DEMO_EXPERT_LEVELS = (process.env.KEYCLOAK_DEMO_EXPERT_LEVELS ?? '220000,220100')
  .split(',')
  .map((c) => c.trim())
  .filter(Boolean);

async function startKeycloakIdp(say) {
  say('Keycloak: starting the identity provider (the first run fetches Keycloak from Maven Central)...');
  const kc = await keycloak.start();
  say(`Keycloak: ${kc.startedNow ? `started in ${(kc.startMs / 1000).toFixed(1)} s` : 'already running'} at ${kc.url} (${kc.mode} mode)`);
  // The realm names the console of this start; an instance kept from another start (production mode) learns it here.
  await keycloak.allowConsole(kc, kc.adminPassword, { consoleUrl: kc.consoleUrl });
  const users = keycloak.demoUsers();

  /** A token of the demo user who holds `claims.roles[0]` in `claims.jurisdiction` (what the demo loader asks for). */
  async function tokenFor(claims) {
    const user = users.find(
      (u) => u.roles.includes(claims.roles[0]) && u.jurisdiction === claims.jurisdiction && (!claims.creditCode || u.creditCode === claims.creditCode),
    );
    if (!user) throw new Error(`the realm has no demo user with role ${claims.roles[0]} in ${claims.jurisdiction}`);
    return keycloak.passwordToken(kc, { username: user.username });
  }

  /**
   * Provisions an account for every demo expert of DEMO_EXPERT_LEVELS, as the province would: a Keycloak user with
   * role expert, attribute jurisdiction = the level and expertId = the record, then the centre links the record to the
   * user (PUT /experts/:id/account). Idempotent: a user that exists is updated.
   */
  async function provisionDemoExperts(expertPoolUrl) {
    const made = [];
    for (const level of DEMO_EXPERT_LEVELS) {
      const staff = { authorization: `Bearer ${await tokenFor({ roles: ['center-staff'], jurisdiction: level })}` };
      const listed = await fetch(`${expertPoolUrl}/experts?limit=100&status=active`, { headers: staff });
      if (listed.status !== 200) throw new Error(`expert-pool: GET /experts for ${level} answered ${listed.status}`);
      const { items } = await listed.json();
      for (const [i, expert] of items.entries()) {
        const username = `expert-${level}-${String(i + 1).padStart(2, '0')}`;
        const subject = await keycloak.provisionExpertAccount(kc, kc.adminPassword, { username, name: expert.name, level, expertId: expert.id });
        const link = await fetch(`${expertPoolUrl}/experts/${expert.id}/account`, {
          method: 'PUT',
          headers: { ...staff, 'content-type': 'application/json' },
          body: JSON.stringify({ subject, username }),
        });
        if (link.status !== 200) throw new Error(`expert-pool: linking ${username} answered ${link.status} ${await link.text()}`);
        made.push({ username, level, name: expert.name });
      }
    }
    return made;
  }

  function printUsers(experts) {
    say(`\nSign in through Keycloak (${kc.issuer}; console client jl-filing-console; password of every demo user: ${keycloak.DEMO_PASSWORD}, local use only):`);
    for (const u of users)
      say(
        `  ${u.username.padEnd(22)} ${u.roles.join(',').padEnd(20)} ${(u.jurisdiction ?? '(none)').padEnd(7)} ${u.name}${u.creditCode ? ` ${u.creditCode}` : ''}`,
      );
    const byLevel = DEMO_EXPERT_LEVELS.map((l) => `${experts.filter((e) => e.level === l).length} in ${l}`).join(', ');
    if (experts.length) say(`  expert-<level>-NN        expert              ${byLevel} (e.g. ${experts[0].username} = ${experts[0].name})`);
    say(
      `A token from the shell: curl -s -d grant_type=password -d client_id=jl-filing-test -d username=staff-220100 -d password=${keycloak.DEMO_PASSWORD} ${kc.tokenUrl}`,
    );
    say(`Keycloak admin console: ${kc.url}/admin/ (user ${keycloak.ADMIN_USER}, password in ${kc.home}/admin-password)`);
  }

  return {
    url: kc.url,
    issuer: kc.issuer,
    /** The console server signs in at this realm as the console's public client. */
    consoleEnv: { OIDC_ISSUER: kc.issuer, OIDC_CLIENT_ID: 'jl-filing-console' },
    /** What the services need to verify this realm's tokens; experts act only through linked records. */
    serviceEnv: { AUTH_JWKS_URL: kc.jwksUrl, AUTH_ISSUER: kc.issuer, AUTH_AUDIENCE: 'jl-filing', EXPERT_ACCOUNT_LINK_REQUIRED: 'true' },
    tokenFor,
    provisionDemoExperts,
    printUsers,
    stop: () => (kc.startedNow ? keycloak.stop(kc) : Promise.resolve(false)),
  };
}

module.exports = { chosenIdp, startKeycloakIdp };
