// The console server process: `node -r @swc-node/register apps/console/server/main.ts` (npm start runs it), or the
// compiled `apps/console/server/main.js` in the container image.
// The shared libraries' contract classes carry decorators that read design-time metadata.
import 'reflect-metadata';
import * as path from 'node:path';
import { createConsoleServer } from './console-server';
import { parseOidcSettings } from './sign-in-settings';
import { parseReviewRouting } from './review-routing';

function required(name: string): string {
  const v = process.env[name]?.trim();
  if (!v) throw new Error(`configuration: ${name} is required`);
  return v;
}

function main(): void {
  const production = process.env.NODE_ENV === 'production';
  const oidc = parseOidcSettings(process.env);
  // With an identity provider the console signs in there only; the development sign-in never exists in production.
  const devSignIn = !production && !oidc && process.env.CONSOLE_DEV_SIGN_IN !== 'false';
  const app = createConsoleServer({
    staticDir: path.resolve(process.env.CONSOLE_STATIC_DIR ?? path.join(__dirname, '..', '..', '..', 'dist', 'console')),
    services: {
      intake: required('INTAKE_URL'),
      'expert-pool': required('EXPERT_POOL_URL'),
      assessment: required('ASSESSMENT_URL'),
      publication: required('PUBLICATION_URL'),
      notification: required('NOTIFICATION_URL'),
    },
    review: parseReviewRouting(required('REVIEW_INSTANCES')),
    devSignIn,
    oidc,
    log: (line) => process.stdout.write(`${JSON.stringify({ level: 'warn', service: 'console', message: line, time: new Date().toISOString() })}\n`),
  });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const server = app.listen(port, host, () => {
    process.stdout.write(
      `${JSON.stringify({ level: 'log', service: 'console', message: `console listening on http://${host}:${port}${oidc ? ` (sign-in at ${oidc.issuer}, client ${oidc.clientId})` : devSignIn ? ' (development sign-in on)' : ''}`, time: new Date().toISOString() })}\n`,
    );
  });
  // As the services do (libs/messaging hybrid-service): idle connections outlive the clients' own keep-alive.
  server.keepAliveTimeout = Number(process.env.HTTP_KEEP_ALIVE_TIMEOUT_MS ?? 65000);
  server.headersTimeout = server.keepAliveTimeout + 1000;
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

try {
  main();
} catch (err) {
  process.stderr.write(`console failed to start: ${(err as Error).message}\n`);
  process.exit(1);
}
