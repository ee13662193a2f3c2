import { Admin } from 'kafkajs';
import { Client } from 'pg';
import { ALL_EVENTS, CASE_STAGES, CaseStage, dltOf, Events, Headers } from '@filing/contracts';
import { TopicRecorder, waitFor } from '@filing/testing';
import { FaultCase, FaultDriver } from './fault-driver';
import { FaultPlatform, SERVICES } from './fault-platform';

/** The stages a city case passes on the way to its filing notice (no return, no refusal): every stage but those. */
const CITY_STAGES: CaseStage[] = CASE_STAGES.filter((s) => !['RETURNED', 'NOT_PASSED', 'CLOSED'].includes(s));
const PROVINCE_STAGES = CITY_STAGES.filter((s) => !s.startsWith('PROVINCIAL_RECHECK'));

/** Every step a case takes at its review instance, each exactly once (two re-check passes for a city case). */
function expectedActions(c: FaultCase): string[] {
  const common = [
    'open',
    'accept',
    'request-experts',
    'group-formed',
    'leader-elected',
    'technical-opinion',
    'comprehensive-pass',
    'draw-seed-revealed',
    'approve',
    'notice-opened',
    'notice-passed',
    'filing-issued',
  ];
  const city = ['preliminary-opinion', 'recheck-pass', 'recheck-pass'];
  const atProvince = ['recheck-queued', 'recheck-queued', 'recheck-decided', 'recheck-decided'];
  if (c.kind === 'province') return [...common, 'preliminary-pass'].sort();
  // A city case's re-checks are queued and decided at the province instance, whichever instance owns the case.
  return [...common, ...city, ...atProvince].sort();
}

const schemasOf = (service: string) => SERVICES.filter((s) => s.service === service);

export interface Verdict {
  problems: string[];
  figures: Record<string, number>;
}

/**
 * What the platform must show after the faults: every case complete, no event lost (every outbox row published,
 * every published event in the inbox of every consumer group of its topic, nothing deferred or dead-lettered), no
 * effect doubled (stage changes, audit steps, notices, filing numbers, national events per case), audit chains intact.
 */
/**
 * Reads the broker with a fresh admin client, again after a dropped connection: the suite's own reads must not fail
 * the verdict on a connection the broker closed (seen on a heavily loaded machine), only on what they find.
 */
async function withAdmin<T>(p: FaultPlatform, read: (admin: Admin) => Promise<T>): Promise<T> {
  return withRetry(async () => {
    const admin = p.kafka().admin();
    try {
      await admin.connect();
      return await read(admin);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  });
}

async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= 5 || !/^KafkaJS/.test((err as Error).name)) throw err;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

export async function verify(p: FaultPlatform, d: FaultDriver, cases: FaultCase[]): Promise<Verdict> {
  const problems: string[] = [];
  const figures: Record<string, number> = {};
  const db = new Client({ connectionString: p.databaseUrl });
  await db.connect();
  const q = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
  try {
    const unfinished = cases.filter((c) => !c.done);
    if (unfinished.length)
      problems.push(
        `${unfinished.length} case(s) did not complete: ${unfinished.map((c) => `${c.caseId || '(no id)'} at "${c.step}"${c.error ? `: ${c.error}` : ''}`).join('; ')}`,
      );
    const ids = cases.map((c) => c.caseId);

    // No event lost.
    let published = 0;
    for (const s of SERVICES) {
      const [o] = await q(
        `SELECT count(*)::int AS all, count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent, count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked FROM ${s.schema}.outbox`,
      );
      published += o.all;
      if (o.unsent || o.parked) problems.push(`${s.schema}.outbox: ${o.unsent} row(s) unsent, ${o.parked} parked`);
      const [deferred] = await q(`SELECT count(*)::int AS n FROM ${s.schema}.deferred_event`);
      if (deferred.n) problems.push(`${s.schema}.deferred_event: ${deferred.n} event(s) still waiting for a predecessor`);
    }
    figures.eventsPublished = published;
    // What each consumer group subscribes to, as the broker knows it (the topics it committed offsets on).
    const subscribed = new Map<string, Set<string>>();
    await withAdmin(p, async (admin) => {
      for (const s of SERVICES) {
        const offsets = await admin.fetchOffsets({ groupId: s.groupId, topics: ALL_EVENTS.map((e) => e.topic) });
        subscribed.set(s.groupId, new Set(offsets.filter((t) => t.partitions.some((x) => Number(x.offset) >= 0)).map((t) => t.topic)));
      }
    });
    let deliveries = 0;
    for (const e of ALL_EVENTS) {
      const producers = schemasOf(e.producer).map((s) => s.schema);
      for (const consumer of SERVICES.filter((s) => subscribed.get(s.groupId)?.has(e.topic))) {
        const [r] = await q(
          `SELECT count(*)::int AS expected, count(i.event_id)::int AS seen FROM (${producers.map((s) => `SELECT id::text FROM ${s}.outbox WHERE topic = $1`).join(' UNION ALL ')}) o
             LEFT JOIN ${consumer.schema}.inbox i ON i.consumer_group = $2 AND i.event_id = o.id`,
          [e.topic, consumer.groupId],
        );
        deliveries += r.seen;
        if (r.seen !== r.expected) problems.push(`${e.topic}: ${r.expected - r.seen} of ${r.expected} event(s) never reached ${consumer.groupId}`);
      }
    }
    figures.deliveries = deliveries;
    const dead = await withAdmin(p, async (admin) => {
      let n = 0;
      for (const e of ALL_EVENTS) for (const o of await admin.fetchTopicOffsets(dltOf(e.topic))) n += Number(o.high) - Number(o.low);
      return n;
    });
    figures.deadLetters = dead;
    if (dead) problems.push(`${dead} message(s) dead-lettered`);

    // No effect doubled, every expected one there.
    for (const c of cases.filter((x) => x.caseId)) {
      const home = c.kind === 'changchun' ? 'review_220100' : 'review_220000';
      const stages = (
        await q(`SELECT payload->>'to' AS to FROM ${home}.outbox WHERE topic = $1 AND key = $2 ORDER BY seq`, [Events.caseStageChanged.topic, c.caseId])
      ).map((r) => r.to);
      const want = c.kind === 'province' ? PROVINCE_STAGES : CITY_STAGES;
      if (JSON.stringify(stages) !== JSON.stringify(want)) problems.push(`case ${c.caseId}: stage changes ${stages.join(' → ')}`);
      const timeline = (
        await q(`SELECT stage_to FROM intake.case_event WHERE application_id = $1 AND kind = 'stage-changed' ORDER BY occurred_at`, [c.caseId])
      ).map((r) => r.stage_to);
      if (JSON.stringify([...timeline].sort()) !== JSON.stringify([...want].sort()))
        problems.push(`case ${c.caseId}: intake's timeline has ${timeline.join(', ')}`);
      const actions = (
        await q(`SELECT action FROM review_220000.audit_log WHERE case_id = $1 UNION ALL SELECT action FROM review_220100.audit_log WHERE case_id = $1`, [
          c.caseId,
        ])
      )
        .map((r) => r.action)
        .sort();
      if (JSON.stringify(actions) !== JSON.stringify(expectedActions(c)))
        problems.push(`case ${c.caseId} (${c.kind}): review audit steps ${actions.join(', ')}`);
    }
    const counts = async (sql: string) => Object.fromEntries((await q(sql, [ids])).map((r) => [r.case_id, r.n]));
    const perCase: [string, string, number][] = [
      ['draws', `SELECT case_id::text, count(*)::int AS n FROM expert_pool.draw WHERE case_id::text = ANY($1) GROUP BY 1`, 1],
      ['opinions', `SELECT case_id, count(*)::int AS n FROM assessment.opinion WHERE case_id = ANY($1) GROUP BY 1`, 3],
      ['notices', `SELECT case_id::text, count(*)::int AS n FROM publication.notice WHERE case_id::text = ANY($1) GROUP BY 1`, 1],
      ['filings', `SELECT case_id::text, count(*)::int AS n FROM publication.filing WHERE case_id::text = ANY($1) GROUP BY 1`, 1],
    ];
    for (const [what, sql, want] of perCase) {
      const n = await counts(sql);
      const off = ids.filter((id) => (n[id] ?? 0) !== want);
      if (off.length) problems.push(`${what}: ${off.length} case(s) without exactly ${want}: ${off.map((id) => `${id}=${n[id] ?? 0}`).join(', ')}`);
    }
    const filings = await q(`SELECT id, case_id::text, filing_number, notice_number, feed_sequence::int FROM publication.filing ORDER BY feed_sequence`);
    figures.filings = filings.length;
    if (new Set(filings.map((f) => f.filing_number)).size !== filings.length) problems.push('filing numbers (备案编号) are not unique');
    if (new Set(filings.map((f) => f.notice_number)).size !== filings.length) problems.push('filing notice numbers (备案通知文号) are not unique');
    if (filings.some((f, i) => f.feed_sequence !== i + 1))
      problems.push(`the national feed's sequence has gaps: ${filings.map((f) => f.feed_sequence).join(',')}`);
    // Read as the national platform would after the faults: a fresh subscriber from the beginning of the topic (one
    // that lived through the broker outage would test kafkajs's recovery, not ours), given time to catch up with the
    // relay of the filings just issued.
    const national = await withRetry(() => new TopicRecorder(p.kafka(), [Events.filingIssued.topic]).start());
    try {
      await waitFor('the national platform to have every filing', () => national.messages.length >= filings.length, 60000, 500);
    } catch {
      // The check below names each filing that did not arrive.
    } finally {
      await national.stop();
    }
    const byCase = new Map<string, Set<string>>();
    for (const m of national.find((x) => x.topic === Events.filingIssued.topic)) {
      const caseId = JSON.parse(m.value).caseId;
      byCase.set(caseId, (byCase.get(caseId) ?? new Set()).add(m.headers[Headers.id]));
    }
    figures.nationalMessages = national.find((x) => x.topic === Events.filingIssued.topic).length;
    for (const f of filings) {
      const seen = byCase.get(f.case_id);
      if (!seen || seen.size !== 1 || !seen.has(f.id))
        problems.push(`case ${f.case_id}: national events with ids ${[...(seen ?? [])].join(', ') || 'none'} (filing ${f.id})`);
    }

    // Audit chains.
    for (const [name, jurisdiction] of [
      ['review-220000', '220000'],
      ['review-220100', '220100'],
      ['expert-pool', '220000'],
      ['assessment', '220000'],
      ['publication', '220000'],
    ]) {
      const v = await d.read(`verify the audit chain of ${name}`, `${p.url(name)}/audit/verify`, await d.token('admin', jurisdiction));
      if (v.ok !== true) problems.push(`${name}: audit chain broken: ${JSON.stringify(v)}`);
    }
  } finally {
    await db.end();
  }
  return { problems, figures };
}
