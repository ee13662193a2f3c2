// The console's own small server: the built single-page application, and a reverse proxy so the browser sees one
// origin: `/api/<service>/…` goes to that service, review calls to the instance serving the jurisdiction. Outside
// production it also serves the development sign-in (`/api/dev/…`) unless an identity provider is configured
// (OIDC_ISSUER), whose issuer and client id the SPA reads at run time from `/api/console/settings`.
import * as fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import * as path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { issueDevToken } from '@filing/auth';
import { JURISDICTIONS, PROVINCE_CODE } from '@filing/contracts';
import { applicantIdentity, expertIdentity, FIXED_IDENTITIES, officialIdentity, type DemoIdentity } from './demo-identities';
import { reviewInstanceFor, tokenJurisdiction, type ReviewRouting } from './review-routing';
import { securityHeaders, type OidcSettings } from './sign-in-settings';

export interface ConsoleServerOptions {
  /** The built console (index.html and assets/). */
  staticDir: string;
  services: { intake: string; 'expert-pool': string; assessment: string; publication: string; notification: string };
  review: ReviewRouting;
  /** Development sign-in: never in production, nor beside an identity provider. */
  devSignIn: boolean;
  /** OpenID Connect: the provider's issuer and the console's public client (code + PKCE), given to the SPA at run time. */
  oidc?: OidcSettings;
  log?: (line: string) => void;
}

export function createConsoleServer(opts: ConsoleServerOptions): Express {
  const log = opts.log ?? (() => undefined);
  const app = express();
  app.disable('x-powered-by');
  // Client addresses reach the services in X-Forwarded-For (publication limits objections per address).
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  const headers = securityHeaders(opts.oidc);
  app.use((_req, res, next) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    next();
  });

  app.get('/health/live', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/health/ready', (_req, res) => {
    const ok = fs.existsSync(path.join(opts.staticDir, 'index.html'));
    res
      .status(ok ? 200 : 503)
      .json({ status: ok ? 'ok' : 'error', checks: { staticFiles: ok ? 'ok' : `no index.html in ${opts.staticDir} (run npm run console:build)` } });
  });

  app.get('/api/console/settings', (_req, res) => {
    res.json({
      signIn: opts.oidc ? { kind: 'oidc', ...opts.oidc } : opts.devSignIn ? { kind: 'development' } : { kind: 'none' },
      province: PROVINCE_CODE,
      jurisdictions: JURISDICTIONS.map((j) => ({
        code: j.code,
        name: j.name,
        level: j.level,
        ownReviewInstance: j.code === PROVINCE_CODE || !!opts.review.cities[j.code],
      })),
    });
  });

  if (opts.devSignIn && !opts.oidc) mountDevSignIn(app, opts);

  // Mounted under its prefix, so Express hands the proxy the path without it: /api/intake/applications → /applications.
  const proxy = (target: string, service: string) =>
    createProxyMiddleware<IncomingMessage>({
      target,
      changeOrigin: true,
      xfwd: true,
      on: {
        error: (err, _req, res) => {
          log(`proxy ${service} → ${target}: ${err.message}`);
          const r = res as unknown as Response;
          if (typeof r.status === 'function' && !r.headersSent) {
            r.status(502)
              .type('application/problem+json')
              .json({
                type: 'urn:filing:problem:service-unavailable',
                title: 'Service unavailable',
                status: 502,
                code: 'SERVICE_UNAVAILABLE',
                detail: `${service} is not answering`,
                statusCode: 502,
                message: `${service} is not answering`,
              });
          }
        },
      },
    });
  for (const [name, url] of Object.entries(opts.services)) app.use(`/api/${name}`, proxy(url, name));

  // Review: /api/review/<jurisdiction>/… names the instance; /api/review/… goes to the caller's own.
  const reviewProxies = new Map<string, ReturnType<typeof proxy>>();
  for (const url of [opts.review.province, ...Object.values(opts.review.cities)]) reviewProxies.set(url, proxy(url, 'review'));
  app.use('/api/review', (req: Request, res: Response, next: NextFunction) => {
    const named = /^\/(\d{6})(\/|$)/.exec(req.url)?.[1];
    if (named) req.url = req.url.slice(7) || '/';
    const target = reviewInstanceFor(opts.review, named ?? tokenJurisdiction(req.header('authorization')));
    return reviewProxies.get(target)!(req, res, next);
  });

  app.use('/api', (_req, res) => {
    res.status(404).type('application/problem+json').json({
      type: 'urn:filing:problem:not-found',
      title: 'Not found',
      status: 404,
      code: 'NOT_FOUND',
      detail: 'no such API',
      statusCode: 404,
      message: 'no such API',
    });
  });

  // The application: hashed assets cached for good, every other path answers index.html (client-side routes).
  app.use('/assets', express.static(path.join(opts.staticDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(opts.staticDir, { index: false, maxAge: 0 }));
  app.get('/{*path}', (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(path.join(opts.staticDir, 'index.html'), (err) => {
      if (err && !res.headersSent) res.status(503).type('text/plain; charset=utf-8').send('控制台尚未构建：请先运行 npm run console:build');
    });
  });
  return app;
}

/** Development sign-in: the demo identities and a development token for one of them. */
function mountDevSignIn(app: Express, opts: ConsoleServerOptions): void {
  let experts: { at: number; list: DemoIdentity[] } = { at: 0, list: [] };
  const demoExperts = async (): Promise<DemoIdentity[]> => {
    if (Date.now() - experts.at < 30_000 && experts.list.length) return experts.list;
    const list: DemoIdentity[] = [];
    for (const level of [PROVINCE_CODE, '220100']) {
      const token = await issueDevToken({ roles: ['center-staff'], jurisdiction: level, sub: 'console-demo-identities', ttl: '5m' });
      const r = await fetch(`${opts.services['expert-pool']}/experts?limit=4&status=active`, { headers: { authorization: `Bearer ${token}` } }).catch(
        () => undefined,
      );
      if (!r?.ok) continue;
      const body = (await r.json()) as { items: { id: string; name: string; employer?: { name?: string } }[] };
      const levelName = JURISDICTIONS.find((j) => j.code === level)?.name ?? level;
      for (const e of body.items.slice(0, 4)) list.push(expertIdentity({ id: e.id, name: e.name, level, levelName, employer: e.employer?.name }));
    }
    experts = { at: Date.now(), list };
    return list;
  };
  // `expert:<expert id>:<level>`: any expert of a database, as expert-pool keeps them (an invited expert signs in as
  // themselves; only four per level are listed).
  const anyExpert = async (id: string): Promise<DemoIdentity | undefined> => {
    const m = /^expert:([0-9a-f-]{36}):(\d{6})$/.exec(id);
    const level = m && JURISDICTIONS.find((j) => j.code === m[2]);
    if (!m || !level) return undefined;
    const token = await issueDevToken({ roles: ['center-staff'], jurisdiction: level.code, sub: 'console-demo-identities', ttl: '5m' });
    const r = await fetch(`${opts.services['expert-pool']}/experts/${m[1]}`, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
    if (!r?.ok) return undefined;
    const e = (await r.json()) as { id: string; name: string; level: string; employer?: { name?: string } };
    return e.level === level.code
      ? expertIdentity({ id: e.id, name: e.name, level: level.code, levelName: level.name, employer: e.employer?.name })
      : undefined;
  };
  const find = async (id: string) =>
    FIXED_IDENTITIES.find((i) => i.id === id) ??
    applicantIdentity(id) ??
    officialIdentity(id, JURISDICTIONS) ??
    (await demoExperts()).find((i) => i.id === id) ??
    (await anyExpert(id));

  app.get('/api/dev/identities', async (_req, res) => {
    const all = [...FIXED_IDENTITIES, ...(await demoExperts())];
    res.json({ items: all.map(({ claims, ...i }) => ({ ...i, roles: claims.roles, jurisdiction: claims.jurisdiction })) });
  });
  app.post('/api/dev/sign-in', express.json({ limit: '2kb' }), async (req, res) => {
    const id = typeof req.body?.identity === 'string' ? req.body.identity : '';
    const found = await find(id);
    if (!found) {
      res
        .status(400)
        .type('application/problem+json')
        .json({
          type: 'urn:filing:problem:validation-failed',
          title: 'Validation failed',
          status: 400,
          code: 'VALIDATION_FAILED',
          detail: `unknown demo identity ${id}`,
          errors: [{ field: 'identity', code: 'NOT_ALLOWED', message: `unknown demo identity ${id}` }],
          statusCode: 400,
          message: `unknown demo identity ${id}`,
        });
      return;
    }
    res.json({ token: await issueDevToken({ ...found.claims, ttl: '8h' }), expiresIn: 8 * 3600 });
  });
}
