import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startServiceProcess } from '@filing/testing';

/**
 * The container image runs the compiled bundle (`npm run build` → dist/app), not TypeScript. Without a Docker engine
 * here, this builds the bundle the Dockerfile copies and boots every service from it with plain node, against the
 * real broker and database.
 */
const root = path.resolve(__dirname, '..', '..');
const app = path.join(root, 'dist', 'app');

/** dist/app/node_modules: the installed packages, with the workspace packages pointing at their compiled copies. */
function linkNodeModules() {
  const nm = path.join(app, 'node_modules');
  fs.mkdirSync(path.join(nm, '@filing'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '@filing' || entry === '.bin') continue;
    fs.symlinkSync(path.join(root, 'node_modules', entry), path.join(nm, entry));
  }
  for (const pkg of fs.readdirSync(path.join(root, 'node_modules', '@filing'))) {
    const real = fs.realpathSync(path.join(root, 'node_modules', '@filing', pkg));
    fs.symlinkSync(path.join(app, path.relative(root, real)), path.join(nm, '@filing', pkg));
  }
}

describe('the compiled bundle the Dockerfile copies', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'tools', 'build.js')], { cwd: root, stdio: 'pipe' });
    linkNodeModules();
  });

  it('contains compiled JavaScript and no TypeScript entry points', () => {
    for (const svc of ['intake', 'review', 'expert-pool', 'assessment', 'publication', 'notification']) {
      expect(fs.existsSync(path.join(app, 'services', svc, 'src', 'main.js'))).toBe(true);
      expect(fs.existsSync(path.join(app, 'services', svc, 'src', 'migrate.js'))).toBe(true);
      expect(JSON.parse(fs.readFileSync(path.join(app, 'services', svc, 'package.json'), 'utf8')).main ?? 'src/main.js').toMatch(/\.js$/);
    }
    expect(JSON.parse(fs.readFileSync(path.join(app, 'libs', 'contracts', 'package.json'), 'utf8')).main).toBe('src/index.js');
  });

  it.each(['intake', 'review', 'expert-pool', 'assessment', 'publication', 'notification'])('boots %s from the bundle to ready', async (svc) => {
    const proc = await startServiceProcess({
      entry: path.join('services', svc, 'src', 'main.js'),
      name: `bundle-${svc}`,
      cwd: app,
      typescript: false,
    });
    try {
      const ready = (await (await fetch(`${proc.url}/health/ready`)).json()) as { status: string };
      expect(ready.status).toBe('ready');
    } finally {
      await proc.stop();
    }
  });

  it("runs compose's secrets step from the bundle: generates Keycloak's admin password and TLS pair once, then keeps them", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-secrets-'));
    try {
      const run = () => execFileSync(process.execPath, [path.join(app, 'tools', 'keycloak', 'compose-secrets.js'), dir], { cwd: app, encoding: 'utf8' });
      expect(run()).toContain('generated keycloak-admin-password, draw-seed-key, keycloak.key, keycloak.crt');
      expect(fs.readFileSync(path.join(dir, 'draw-seed-key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
      const cert = fs.readFileSync(path.join(dir, 'keycloak.crt'), 'utf8');
      expect(cert).toMatch(/^-----BEGIN CERTIFICATE-----/);
      expect(new X509Certificate(cert).subjectAltName).toBe('DNS:keycloak, DNS:localhost, IP Address:127.0.0.1');
      expect(fs.statSync(path.join(dir, 'keycloak.key')).mode & 0o077).toBe(0);
      expect(run()).toContain('nothing generated');
      expect(fs.readFileSync(path.join(dir, 'keycloak.crt'), 'utf8')).toBe(cert);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('boots the console server from the bundle in production mode: the built pages, and no development sign-in', async () => {
    expect(fs.existsSync(path.join(app, 'apps', 'console', 'server', 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(app, 'apps', 'console', 'src'))).toBe(false);
    const upstream = 'http://127.0.0.1:9';
    const proc = await startServiceProcess({
      entry: path.join('apps', 'console', 'server', 'main.js'),
      name: 'bundle-console',
      cwd: app,
      typescript: false,
      env: {
        NODE_ENV: 'production',
        INTAKE_URL: upstream,
        EXPERT_POOL_URL: upstream,
        ASSESSMENT_URL: upstream,
        PUBLICATION_URL: upstream,
        NOTIFICATION_URL: upstream,
        REVIEW_INSTANCES: JSON.stringify({ '220000': upstream }),
      },
    });
    try {
      const page = await fetch(`${proc.url}/notices`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root"></div>');
      expect((await fetch(`${proc.url}/api/dev/identities`)).status).toBe(404);
      expect(await (await fetch(`${proc.url}/api/console/settings`)).json()).toMatchObject({ signIn: { kind: 'none' } });
      // A service that does not answer is a 502 problem document, not a hang or a stack trace.
      const down = await fetch(`${proc.url}/api/intake/applications`);
      expect(down.status).toBe(502);
      expect(await down.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 502 });
    } finally {
      await proc.stop();
    }
  });
});
