import { Events } from '@filing/contracts';
import { waitFor } from '@filing/testing';
import { demoExperts } from '../../tools/demo/demo-experts';
import { verify } from './fault-checks';
import { CaseKind, FaultCase, FaultDriver } from './fault-driver';
import { FaultPlatform, SERVICES } from './fault-platform';

export interface FaultProfile {
  name: string;
  /** Cases that run the whole procedure side by side. */
  cases: number;
  /** Their starts are spread over this long, so cases are in flight during every fault. */
  spreadMs: number;
  kafkaOutageMs: number;
  changchunOutageMs: number;
  /** How long one step may wait (an outage included). */
  waitMs: number;
}

export const PROFILES: Record<string, FaultProfile> = {
  ci: { name: 'ci', cases: 20, spreadMs: 210000, kafkaOutageMs: 45000, changchunOutageMs: 30000, waitMs: 600000 },
  full: { name: 'full', cases: 200, spreadMs: 300000, kafkaOutageMs: 90000, changchunOutageMs: 60000, waitMs: 2400000 },
};

export function profileFromEnv(): FaultProfile {
  const base = PROFILES[process.env.FAULT_PROFILE ?? 'ci'];
  if (!base) throw new Error(`FAULT_PROFILE must be one of ${Object.keys(PROFILES).join(', ')}`);
  const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
  return {
    ...base,
    cases: num('FAULT_CASES', base.cases),
    kafkaOutageMs: num('FAULT_KAFKA_OUTAGE_MS', base.kafkaOutageMs),
    changchunOutageMs: num('FAULT_CHANGCHUN_OUTAGE_MS', base.changchunOutageMs),
  };
}

export interface Recovery {
  fault: string;
  /** What "recovered" means for this fault, and how long it took from the end of the fault. */
  measure: string;
  seconds: number;
}

export interface FaultReport {
  profile: FaultProfile;
  problems: string[];
  figures: Record<string, number>;
  recoveries: Recovery[];
  durationSeconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const KINDS: CaseKind[] = ['changchun', 'province', 'changchun', 'province', 'jilin'];
/** The topics Changchun's instance consumes (every topic review consumes). */
const REVIEW_TOPICS = [
  Events.applicationSubmitted,
  Events.applicationResubmitted,
  Events.groupFormed,
  Events.groupMemberReplaced,
  Events.groupLeaderElected,
  Events.drawSeedRevealed,
  Events.opinionSubmitted,
  Events.recheckRequested,
  Events.recheckDecided,
  Events.noticeOpened,
  Events.noticeAwaitingCalendar,
  Events.noticeClosed,
  Events.objectionReceived,
  Events.objectionResolved,
  Events.filingIssued,
  Events.calendarOverridesLoaded,
].map((e) => e.topic);

/**
 * The fault suite: cases run the whole procedure side by side while (a) every service is killed -9 in turn and
 * started again, (d) Changchun's review instance is stopped for a while, (b) the broker is stopped and started
 * again, (c) PostgreSQL is restarted; then every case must complete with nothing lost or doubled (fault-checks).
 */
export async function runFaultScenario(profile: FaultProfile, log: (line: string) => void): Promise<FaultReport> {
  const started = Date.now();
  const problems: string[] = [];
  const recoveries: Recovery[] = [];
  let faultsInjected = 0;
  const since = (t: number) => Math.round((Date.now() - t) / 100) / 10;
  log(
    `fault suite (${profile.name}): ${profile.cases} cases, broker outage ${profile.kafkaOutageMs / 1000} s, Changchun away ${profile.changchunOutageMs / 1000} s`,
  );
  const p = await FaultPlatform.start();
  log(
    `private PostgreSQL on :${p.pg.port}, private Kafka on ${p.brokers.join(',')}, services on ${SERVICES.map((s) => p.url(s.name).split(':').pop()).join(', ')}`,
  );
  try {
    const d = new FaultDriver(p.urls(), profile.waitMs);
    await waitFor('every service ready', () => p.allHealthy(), 180000, 500);
    for (const [level, name, base] of [
      ['220000', '吉林省', 0],
      ['220100', '长春市', 1000],
      ['220200', '吉林市', 2000],
    ] as const)
      await d.importExperts(level, demoExperts(level, name, 36, base));

    const cases: FaultCase[] = [];
    const runCase = async (kind: CaseKind, n: number): Promise<FaultCase | undefined> => {
      let c: FaultCase | undefined;
      try {
        const created = await d.submitCase(kind, n, (x) => {
          c = x;
          cases.push(x);
        });
        await d.throughApprovalResilient(created);
        return created;
      } catch (err) {
        const message = (err as Error).message;
        if (c) (c as FaultCase).error = message;
        else problems.push(`case ${n} (${kind}) could not even apply: ${message}`);
        return undefined;
      }
    };
    const inFlight: Promise<FaultCase | undefined>[] = Array.from({ length: profile.cases }, (_, i) =>
      sleep((i * profile.spreadMs) / profile.cases).then(() => runCase(KINDS[i % KINDS.length], i)),
    );
    const inFlightCount = () => cases.filter((c) => !c.error && !c.step.startsWith('public notice')).length;
    const progress = setInterval(() => {
      const at = new Map<string, number>();
      for (const c of cases) at.set(c.step, (at.get(c.step) ?? 0) + 1);
      log(`  ${since(started)} s: ${cases.length} cases: ${[...at].map(([s, n]) => `${n} ${s}`).join(', ')}`);
    }, 30000);

    const faults = (async () => {
      await sleep(15000);
      // (a) kill -9 each service in turn, mid-flight, and start it again.
      const rejoins: Promise<void>[] = [];
      for (const s of SERVICES) {
        const t = Date.now();
        const flying = inFlightCount();
        await p.kill(s.name);
        faultsInjected++;
        await sleep(1000);
        await p.startService(s.name);
        await waitFor(`${s.name} ready`, () => p.allHealthy([s.name]), 180000, 250);
        recoveries.push({ fault: `(a) kill -9 ${s.name}`, measure: `killed (${flying} cases in flight) → started again and ready`, seconds: since(t) });
        log(`(a) ${s.name} killed -9 with ${flying} cases in flight, ready again in ${since(t)} s`);
        // Its consumer rejoins once the group lets go of the dead member (the session timeout): measured meanwhile.
        rejoins.push(
          waitFor(`${s.name}'s consumer back`, () => p.consumerJoined(s.name), 180000, 500).then(() => {
            recoveries.push({ fault: `(a) kill -9 ${s.name}`, measure: 'killed → consumer back in its group', seconds: since(t) });
          }),
        );
        await sleep(2000);
      }
      await Promise.all(rejoins);

      // (d) Changchun's review instance away for a while: the others must go on.
      const stopAt = Date.now();
      const flyingOthers = cases.filter((c) => c.kind !== 'changchun' && !c.step.startsWith('public notice')).length;
      await p.stopService('review-220100');
      faultsInjected++;
      await sleep(profile.changchunOutageMs);
      const othersMoved = cases.filter((c) => c.kind !== 'changchun').reduce((n, c) => n + c.log.filter((l) => l.at > stopAt).length, 0);
      if (othersMoved === 0) problems.push(`(d) no province or other city case moved while Changchun was away (${flyingOthers} were in flight)`);
      log(`(d) Changchun away ${since(stopAt)} s; meanwhile ${othersMoved} steps of the ${flyingOthers} province and other-city cases in flight`);
      const back = Date.now();
      await p.startService('review-220100');
      await waitFor('Changchun ready', () => p.allHealthy(['review-220100']), 180000, 250);
      recoveries.push({ fault: '(d) Changchun review stopped', measure: 'started again → ready', seconds: since(back) });
      await waitFor(
        'Changchun caught up',
        async () => (await p.consumerJoined('review-220100')) && (await p.groupLag('review-220100', REVIEW_TOPICS)) === 0,
        300000,
        500,
      );
      recoveries.push({ fault: '(d) Changchun review stopped', measure: 'started again → every event of its absence consumed (lag 0)', seconds: since(back) });
      log(`(d) Changchun caught up ${since(back)} s after it started again`);

      // (b) the broker stopped: every service stays up and keeps serving HTTP; an application made meanwhile flows later.
      const outageAt = Date.now();
      log(`(b) stopping the broker with ${inFlightCount()} cases in flight`);
      await p.stopKafka();
      faultsInjected++;
      let probes = 0;
      let failed = 0;
      let canary: FaultCase | undefined;
      while (Date.now() - outageAt < profile.kafkaOutageMs) {
        probes++;
        if (!(await p.allHealthy())) failed++;
        if (!canary && Date.now() - outageAt > 10000) {
          canary = await d.submitCase('changchun', profile.cases, (created) => cases.push(created));
          log(`(b) application ${canary.caseId} submitted during the broker outage`);
        }
        await sleep(5000);
      }
      if (failed) problems.push(`(b) during the broker outage ${failed} of ${probes} health rounds found a service not live or not ready`);
      log(`(b) broker away ${since(outageAt)} s; ${probes} health rounds over all services, ${failed} failed`);
      const brokerBack = Date.now();
      await p.startKafka();
      recoveries.push({ fault: '(b) Kafka stopped', measure: 'broker start → answering metadata', seconds: since(brokerBack) });
      await d.untilStage(canary!, 'SUBMITTED');
      recoveries.push({
        fault: '(b) Kafka stopped',
        measure: 'broker start → the application made during the outage opened at review',
        seconds: since(brokerBack),
      });
      await waitFor('every consumer back', async () => (await Promise.all(SERVICES.map((s) => p.consumerJoined(s.name)))).every(Boolean), 300000, 500);
      recoveries.push({ fault: '(b) Kafka stopped', measure: 'broker start → every consumer back in its group', seconds: since(brokerBack) });
      log(`(b) broker back; the outage's application reached review, every consumer rejoined`);
      inFlight.push(
        d.throughApprovalResilient(canary!).then(
          () => canary,
          (err) => {
            canary!.error = (err as Error).message;
            return undefined;
          },
        ),
      );

      // (c) PostgreSQL restarted.
      const pgAt = Date.now();
      log(`(c) restarting PostgreSQL with ${inFlightCount()} cases in flight`);
      p.pg.restart();
      faultsInjected++;
      const pgBack = since(pgAt);
      await waitFor('every service ready after the database restart', () => p.allHealthy(), 180000, 250);
      recoveries.push({ fault: '(c) PostgreSQL restarted', measure: `restart (${pgBack} s) → every service ready again`, seconds: since(pgAt) });
      log(`(c) PostgreSQL restarted in ${pgBack} s; every service ready ${since(pgAt)} s after the restart began`);
    })();

    await faults;
    const ready = (await Promise.all(inFlight)).filter((c): c is FaultCase => c !== undefined);
    log(`${ready.length} of ${cases.length} cases on public notice; closing the notices`);
    // Close every notice: the morning after the latest last day, on every clock.
    const staff = await d.token('center-staff', '220000');
    const notices = (await d.read('the notices', `${p.url('publication')}/notices`, staff)).items as { endDate: string }[];
    const lastDay = notices
      .map((n) => n.endDate)
      .sort()
      .pop()!;
    await p.setClock(new Date(Date.parse(`${lastDay}T09:00:00+08:00`) + 86400000).toISOString());
    await Promise.all(
      ready.map((c) =>
        d.fileResilient(c).catch((err) => {
          c.error = (err as Error).message;
        }),
      ),
    );
    clearInterval(progress);
    log(`${cases.filter((c) => c.done).length} of ${cases.length} cases filed; checking`);
    const verdict = await verify(p, d, cases);
    return {
      profile,
      problems: [...problems, ...verdict.problems],
      figures: { cases: cases.length, faultsInjected, ...verdict.figures },
      recoveries,
      durationSeconds: since(started),
    };
  } finally {
    await p.close();
  }
}
