// npm run dev-token -- --role center-staff --jurisdiction 220100  → prints a development bearer token.
// Entry point: the contracts' decorators need reflect-metadata before they load.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ROLES, Role } from '@filing/contracts';
import { issueDevToken } from './dev-token';

export const USAGE = `Usage: npm run dev-token -- --role <role> --jurisdiction <code> [options]

Prints a development bearer token (HS256, signed with AUTH_HS256_SECRET or the dev default secret).

  --role <role>          required; repeat or comma-separate for several: ${ROLES.join(', ')}
  --jurisdiction <code>  required; 6 digits: 220000 province, 220100 长春, 220200 吉林市, ...
  --sub <id>             subject (default dev-<roles>-<jurisdiction>)
  --credit-code <code>   统一社会信用代码; required with --role applicant
  --expert-id <id>       required with --role expert
  --name <name>          display name
  --ttl <span>           lifetime, e.g. 30m, 8h (default), 7d
  -h, --help

Example: curl -H "Authorization: Bearer $(npm run -s dev-token -- --role center-staff --jurisdiction 220100)" ...`;

interface Output {
  write(text: string): unknown;
}

/** Returns the exit code: 0 token printed, 1 refused (production), 2 bad arguments. */
export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  const usageError = (message: string) => {
    err.write(`dev-token: ${message}\n\n${USAGE}\n`);
    return 2;
  };

  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string', multiple: true },
        jurisdiction: { type: 'string' },
        sub: { type: 'string' },
        'credit-code': { type: 'string' },
        'expert-id': { type: 'string' },
        name: { type: 'string' },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usageError((error as Error).message);
  }
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }

  const roles = (values.role ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter(Boolean);
  if (roles.length === 0) return usageError('--role is required');
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) return usageError(`unknown role ${unknown.join(', ')}`);
  if (!values.jurisdiction) return usageError('--jurisdiction is required');

  if (process.env.NODE_ENV === 'production') {
    err.write('dev-token: refusing to issue development tokens with NODE_ENV=production\n');
    return 1;
  }
  try {
    const token = await issueDevToken({
      roles: roles as Role[],
      jurisdiction: values.jurisdiction,
      sub: values.sub,
      creditCode: values['credit-code'],
      expertId: values['expert-id'],
      name: values.name,
      ttl: values.ttl,
    });
    out.write(`${token}\n`);
    return 0;
  } catch (error) {
    // Invalid claims (unknown jurisdiction, applicant without credit code, ...) or a bad --ttl.
    return usageError((error as Error).message);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
