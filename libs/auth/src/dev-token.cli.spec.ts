import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { decodeJwt } from 'jose';
import { main } from './dev-token.cli';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { write: (t: string) => (out += t) }, { write: (t: string) => (err += t) });
  return { code, out, err };
}

describe('dev-token CLI', () => {
  it('prints a token for the given role and jurisdiction', async () => {
    const { code, out, err } = await run(['--role', 'center-staff', '--jurisdiction', '220100', '--sub', 'staff-7', '--ttl', '1h']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(decodeJwt(out.trim())).toMatchObject({ sub: 'staff-7', roles: ['center-staff'], jurisdiction: '220100' });
  });

  it('takes several roles, repeated or comma-separated, and the bound ids', async () => {
    const { code, out } = await run([
      '--role',
      'expert,center-staff',
      '--role',
      'applicant',
      '--jurisdiction',
      '220000',
      '--expert-id',
      'EXP-9',
      '--credit-code',
      '91220101MA0Y2K3X4L',
    ]);
    expect(code).toBe(0);
    expect(decodeJwt(out.trim())).toMatchObject({ roles: ['expert', 'center-staff', 'applicant'], expertId: 'EXP-9' });
  });

  it.each([
    [[]],
    [['--jurisdiction', '220100']],
    [['--role', 'center-staff']],
    [['--role', 'boss', '--jurisdiction', '220100']],
    [['--role', 'applicant', '--jurisdiction', '220100']],
    [['--role', 'admin', '--jurisdiction', '123456']],
    [['--role', 'admin', '--jurisdiction', '220000', '--ttl', 'soon']],
    [['--role', 'admin', '--jurisdiction', '220000', '--colour', 'red']],
    [['--role', 'admin', '--jurisdiction', '220000', 'extra']],
  ])('prints usage and exits 2 for %j', async (argv) => {
    const { code, out, err } = await run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('Usage: npm run dev-token');
  });

  it('runs as the root "npm run dev-token" script does', async () => {
    const root = resolve(__dirname, '../../..');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        process.execPath,
        ['-r', '@swc-node/register', 'libs/auth/src/dev-token.cli.ts', '--role', 'nobody', '--jurisdiction', '220100'],
        { cwd: root },
        (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown role nobody');
  }, 30_000);
});
