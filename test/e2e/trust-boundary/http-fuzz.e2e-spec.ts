import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { issueDevToken } from '@filing/auth';
import { startServiceProcess, ServiceProcess, waitFor } from '@filing/testing';
import { changchunEnterprise, submitApplication, tokenFor, toolmakerOccupation } from '../fixtures';
import { FuzzRequest, JURISDICTIONS, operationsOf, requestsFor } from './http-fuzz';
import type { ServiceRoutes } from './route-catalogue';
import { changedTables, rowFingerprints, settledFingerprints } from './row-fingerprints';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// `FUZZ_PROFILE=full` (npm run fuzz:http): at least 10,000 requests, a fresh seed each run unless FUZZ_SEED is set.
// The CI profile sends a bounded number with a fixed seed, so a run is repeatable.
const FULL = process.env.FUZZ_PROFILE === 'full';
const BUDGET = Number(process.env.FUZZ_REQUESTS ?? (FULL ? 10_000 : 3_000));
const SEED = Number(process.env.FUZZ_SEED ?? (FULL ? Date.now() % 2 ** 31 : 20261202));
const CONCURRENCY = 6;

interface Outcome {
  request: FuzzRequest;
  status: number;
  contentType: string;
  /** The problem document's code, when the body is one. */
  code?: string;
  body: string;
}

/**
 * The HTTP fuzz suite: malformed requests for every route of every service, generated from their OpenAPI documents,
 * with a valid token of a role the route allows (so they get past sign-in). No answer may be a 5xx, every 4xx must be
 * problem details with a code, and no row of any service schema may change.
 */
describe('HTTP fuzzing from the OpenAPI documents', () => {
  const services: Record<string, ServiceProcess> = {};
  let routes: ServiceRoutes[];

  beforeAll(async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'routes-')), 'routes.json');
    execFileSync(process.execPath, ['-r', '@swc-node/register', path.join('test', 'e2e', 'trust-boundary', 'route-catalogue.ts'), out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    routes = JSON.parse(fs.readFileSync(out, 'utf8'));
    const started = await Promise.all(
      routes.map((r) =>
        startServiceProcess({
          service: r.service,
          name: `${r.service}-fuzz`,
          timeoutMs: 300_000,
          // No heartbeat or overdue check of review's during the run: they write on their own clock, and the
          // spec compares every row before and after.
          env: {
            EVENT_MAX_ATTEMPTS: '2',
            EVENT_RETRY_BACKOFF_MS: '50',
            REVIEW_HEARTBEAT_INTERVAL_MS: '86400000',
            REVIEW_OVERDUE_CHECK_INTERVAL_MS: '86400000',
            REVIEW_OVERSIGHT_STALE_AFTER_MS: '172800000',
          },
        }),
      ),
    );
    routes.forEach((r, i) => (services[r.service] = started[i]));
    // Five services starting at once on a busy two-core machine: more than the default hook time.
  }, 600_000);

  afterAll(async () => {
    await Promise.all(Object.values(services).map((s) => s.stop()));
  });

  it(`sends ${BUDGET} malformed requests: no 5xx, every refusal a problem document, no row changed`, async () => {
    // Records that exist, so ids in paths sometimes name one (only where the body's defect guarantees a refusal).
    const institution = changchunEnterprise();
    const applicant = await tokenFor('applicant', '220100', { creditCode: institution.creditCode });
    const submitted = await submitApplication(services.intake.url, applicant, {
      applicationKind: 'new-filing',
      jurisdiction: '220100',
      institution,
      occupations: [toolmakerOccupation],
    });
    const draft = await fetch(`${services.intake.url}/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${applicant}`, 'content-type': 'application/json' },
      body: JSON.stringify({ applicationKind: 'new-filing', jurisdiction: '220100', institution, occupations: [toolmakerOccupation] }),
    });
    expect(draft.status).toBe(201);
    const draftId = ((await draft.json()) as { id: string }).id;
    const staff = await tokenFor('center-staff', '220100');
    await waitFor('the case at review', async () =>
      (await fetch(`${services.review.url}/cases/${submitted.id}`, { headers: { authorization: `Bearer ${staff}` } })).status === 200 ? true : undefined,
    );
    // Let the events of the set-up (and of earlier spec files on the shared broker) settle before the rows are
    // fingerprinted.
    const before = await settledFingerprints(process.env.DATABASE_URL!);

    const tokens = new Map<string, string>();
    for (const role of ['applicant', 'center-staff', 'discipline-officer', 'expert', 'approver', 'admin']) {
      for (const j of JURISDICTIONS) {
        tokens.set(
          `${role}/${j}`,
          await issueDevToken({
            roles: [role],
            jurisdiction: j,
            ...(role === 'applicant' ? { creditCode: institution.creditCode } : {}),
            ...(role === 'expert' ? { expertId: '6f1c1a56-9d5e-4a8e-9d89-0d3f8c1b2a10' } : {}),
          } as never),
        );
      }
    }
    const components = Object.fromEntries(routes.map((r) => [r.service, r.document.components?.schemas ?? {}]));
    const ctx = {
      components,
      existingIds: [submitted.id, draftId],
      tokenFor: (role: string | null, j: string) => (role ? tokens.get(`${role}/${j}`) : undefined),
    };
    const operations = operationsOf(routes);
    const perOperation = Math.ceil(BUDGET / operations.length);
    const batches = operations.map((op, i) => fc.sample(requestsFor(op, ctx), { numRuns: perOperation, seed: SEED + i }));
    // Round-robin over the operations, so every service is busy throughout.
    const requests: FuzzRequest[] = [];
    for (let k = 0; k < perOperation; k++) for (const b of batches) if (b[k]) requests.push(b[k]);

    const started = Date.now();
    const outcomes: Outcome[] = [];
    const transportErrors: { request: FuzzRequest; error: string }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++];
          try {
            const res = await fetch(`${services[request.service].url}${request.url}`, {
              method: request.method,
              headers: request.headers,
              body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
              redirect: 'manual',
              signal: AbortSignal.timeout(60_000),
            });
            const text = await res.text();
            let code: string | undefined;
            try {
              code = (JSON.parse(text) as { code?: string }).code;
            } catch {
              code = undefined;
            }
            outcomes.push({ request, status: res.status, contentType: res.headers.get('content-type') ?? '', code, body: text.slice(0, 600) });
          } catch (err) {
            transportErrors.push({ request, error: String((err as Error).cause ?? err) });
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 1500));
    const after = await rowFingerprints(process.env.DATABASE_URL!);
    const changed = changedTables(before, after);

    const errors = outcomes.filter((o) => o.status >= 500);
    const notProblems = outcomes.filter(
      (o) => o.status >= 400 && o.status < 500 && !(/^application\/problem\+json/.test(o.contentType) && /^[A-Z][A-Z0-9_]*$/.test(o.code ?? '')),
    );
    const accepted = outcomes.filter((o) => o.status < 400);
    const byStatus = new Map<number, number>();
    for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
    const summary = [
      `HTTP fuzz (${FULL ? 'full' : 'ci'} profile, seed ${SEED}): ${operations.length} operations in ${routes.length} services`,
      `requests tried: ${requests.length} (answered ${outcomes.length}, transport errors ${transportErrors.length}) in ${seconds.toFixed(1)} s (${(outcomes.length / seconds).toFixed(0)}/s)`,
      `5xx seen: ${errors.length}; 4xx without problem details: ${notProblems.length}; 2xx/3xx: ${accepted.length}`,
      `rows changed: ${changed.length} table(s)${changed.length ? ` (${changed.join(', ')})` : ''} of ${Object.keys(after).length} (every service schema; the consumers' inbox and deferred_event aside)`,
      `by status: ${[...byStatus]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    ];
    const show = (o: Outcome) =>
      `${o.status} ${o.request.method} ${o.request.service}${o.request.url.slice(0, 200)} [${o.request.role ?? 'public'}] ${o.request.defect} → ${o.body.slice(0, 300)}`;
    for (const o of errors.slice(0, 15)) summary.push(`  5xx: ${show(o)}`);
    for (const o of notProblems.slice(0, 10)) summary.push(`  not a problem document: ${show(o)}`);
    for (const o of accepted.filter((x) => x.request.method !== 'GET').slice(0, 10)) summary.push(`  write accepted: ${show(o)}`);
    for (const t of transportErrors.slice(0, 10))
      summary.push(`  transport: ${t.request.method} ${t.request.service}${t.request.url.slice(0, 200)} ${t.request.defect}: ${t.error}`);
    process.stdout.write(`\n${summary.join('\n')}\n`);

    expect(requests.length).toBeGreaterThanOrEqual(BUDGET);
    expect(errors.map(show)).toEqual([]);
    expect(transportErrors.map((t) => `${t.request.method} ${t.request.url.slice(0, 200)}: ${t.error}`)).toEqual([]);
    expect(notProblems.map(show)).toEqual([]);
    expect(changed).toEqual([]);
    // Reads may answer (health, lists with junk ignored); nothing that writes may accept a malformed request.
    expect(accepted.filter((o) => o.request.method !== 'GET').map(show)).toEqual([]);
  }, 1_800_000);
});
