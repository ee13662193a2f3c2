import { execFileSync } from 'node:child_process';
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
    for (const svc of ['intake', 'review', 'expert-pool', 'assessment', 'publication']) {
      expect(fs.existsSync(path.join(app, 'services', svc, 'src', 'main.js'))).toBe(true);
      expect(fs.existsSync(path.join(app, 'services', svc, 'src', 'migrate.js'))).toBe(true);
      expect(JSON.parse(fs.readFileSync(path.join(app, 'services', svc, 'package.json'), 'utf8')).main ?? 'src/main.js').toMatch(/\.js$/);
    }
    expect(JSON.parse(fs.readFileSync(path.join(app, 'libs', 'contracts', 'package.json'), 'utf8')).main).toBe('src/index.js');
  });

  it.each(['intake', 'review', 'expert-pool', 'assessment', 'publication'])('boots %s from the bundle to ready', async (svc) => {
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
});
