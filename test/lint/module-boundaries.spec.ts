import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The module-boundary rule really forbids a service importing another service (architecture §2). */
describe('module boundaries', () => {
  const root = path.resolve(__dirname, '..', '..');

  beforeAll(() => {
    // The rule reads Nx's project graph; make sure it is computed.
    execFileSync(path.join(root, 'node_modules', '.bin', 'nx'), ['show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' } });
  });

  // The ESLint CLI on stdin: nothing is written into the source tree.
  const lint = async (file: string, code: string): Promise<string[]> => {
    const res = spawnSync(path.join(root, 'node_modules', '.bin', 'eslint'), ['--format', 'json', '--stdin', '--stdin-filename', path.join(root, file)], {
      cwd: root,
      input: code,
      encoding: 'utf8',
    });
    const [result] = JSON.parse(res.stdout) as { messages: { ruleId: string; message: string }[] }[];
    return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
  };

  it('refuses a service importing another service by package name', async () => {
    const errors = await lint('services/intake/src/probe.ts', "import { ReviewCase } from '@filing/review';\nexport const x = ReviewCase;\n");
    expect(errors).toHaveLength(1);
  });

  it('refuses a service importing another service by relative path', async () => {
    const errors = await lint('services/publication/src/probe.ts', "import { AppModule } from '../../review/src/app.module';\nexport const x = AppModule;\n");
    expect(errors).toHaveLength(1);
  });

  it('refuses a shared library importing a service', async () => {
    const errors = await lint('libs/contracts/src/probe.ts', "import { AppModule } from '@filing/intake';\nexport const x = AppModule;\n");
    expect(errors).toHaveLength(1);
  });

  it('allows a service to use the shared libraries', async () => {
    const errors = await lint('services/intake/src/probe.ts', "import { Events } from '@filing/contracts';\nimport { OutboxWriter } from '@filing/messaging';\nexport const x = [Events, OutboxWriter];\n");
    expect(errors).toEqual([]);
  });
});
