import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { Client } from 'pg';
import { AssignerProtocol, Kafka, Partitioners } from 'kafkajs';
import { dltOf, EventName, Events, Headers, sourceOf, toKafkaHeaders } from '@filing/contracts';
import { TopicRecorder, waitFor } from '@filing/testing';
import { validSamples } from '../../../libs/contracts/test/event-samples';
import { changchunEnterprise, submitApplication, tokenFor, toolmakerOccupation } from '../fixtures';
import { aboutKnownCasesOnly, ACCUMULATING_CONSUMERS, arbitraryMessage, arbitraryUnknownCase, contractGaps, expectedOutcome, FuzzMessage } from './kafka-fuzz';
import { changedTables, PLATFORM, schemaState, SecuredPlatform } from './secured-platform';

/**
 * The Kafka half of the fuzz suite (issue 11 §2): for every consumed topic of the catalogue, malformed envelopes and
 * payloads generated with fast-check, written with the topic producer's own SCRAM user to the whole platform (every
 * service and Changchun's review instance, each as its own Kafka user). Each one must land in the topic's DLT once per
 * consumer group, with the kind the consumer's own checks predict; no table of any schema changes; every partition
 * moves on (no lag); no deferred event is left; and good messages afterwards are processed. Beside them, schema-valid
 * events about a case nobody knows, on every topic but those whose event opens a case somewhere: each is dead-lettered
 * at once (unprocessable) or once its deferral expires (predecessor-missing, ADR 0008), or taken without effect by a
 * consumer with nothing to do for it (a review instance not serving the case's jurisdiction, expert-pool with no draw
 * to cancel): only its inbox row is written; assessment, which takes a case's facts in any order, keeps them (its rows
 * of those cases are left out of the comparison, nothing else).
 * KAFKA_FUZZ_PER_TOPIC sets the count per topic (CI default 8; KAFKA_FUZZ_MODE=full: 60), KAFKA_FUZZ_SEED the seed.
 */
const FULL = process.env.KAFKA_FUZZ_MODE === 'full';
const PER_TOPIC = Number(process.env.KAFKA_FUZZ_PER_TOPIC ?? (FULL ? 60 : 8));
const UNKNOWN_PER_TOPIC = FULL ? 10 : 2;
const SEED = Number(process.env.KAFKA_FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUN = randomUUID();

/** The consumer groups of a catalogue consumer: one per review instance, the service name otherwise. */
const groupsOf = (service: string) => PLATFORM.filter((p) => p.service === service).map((p) => p.user);

describe('Kafka fuzz: malformed messages on every consumed topic', () => {
  let platform: SecuredPlatform;
  let db: Client;
  let dlt: TopicRecorder;
  const schemas = PLATFORM.map((p) => p.schema);
  const names = (Object.keys(Events) as EventName[]).filter((n) => Events[n].consumers.length > 0);

  beforeAll(async () => {
    // Deferred events expire into the DLT within seconds here (a day by default).
    platform = new SecuredPlatform();
    await platform.boot(
      PLATFORM.map((p) => p.name),
      { EVENT_DEFER_MAX_MS: '3000', EVENT_DEFER_POLL_MS: '300', EVENT_MAX_ATTEMPTS: '2' },
    );
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    dlt = await new TopicRecorder(
      platform.kafka(),
      names.map((n) => dltOf(Events[n].topic)),
    ).start();
    await waitFor(
      'every consumer in its group',
      async () => (await Promise.all(PLATFORM.map((p) => platform.consumerJoined(p.name)))).every(Boolean),
      180000,
      500,
    );
    // Six processes starting on two cores may take longer than a test's default budget.
  }, 600000);

  afterAll(async () => {
    await dlt?.stop();
    await db?.end();
    await platform?.close();
  });

  /** The topics each group is subscribed to, as the broker assigned them. */
  async function subscriptions(): Promise<Map<string, Set<string>>> {
    const admin = platform.kafka().admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups(PLATFORM.map((p) => p.user));
      return new Map(
        groups.map((g) => [
          g.groupId,
          new Set(g.members.flatMap((m) => Object.keys(AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment ?? {}))),
        ]),
      );
    } finally {
      await admin.disconnect();
    }
  }

  async function lag(subscribed: Map<string, Set<string>>): Promise<string[]> {
    const admin = platform.kafka().admin();
    await admin.connect();
    try {
      const behind: string[] = [];
      for (const [groupId, topics] of subscribed) {
        for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: [...topics] })) {
          const ends = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
          for (const p of partitions) {
            const end = ends.get(p.partition)!;
            if (end > 0 && Number(p.offset) < end) behind.push(`${groupId} ${topic}[${p.partition}] at ${p.offset} of ${end}`);
          }
        }
      }
      return behind;
    } finally {
      await admin.disconnect();
    }
  }

  async function sendAll(kafkaFor: (m: FuzzMessage) => Kafka, messages: FuzzMessage[]): Promise<void> {
    const byProducer = new Map<Kafka, FuzzMessage[]>();
    for (const m of messages) byProducer.set(kafkaFor(m), [...(byProducer.get(kafkaFor(m)) ?? []), m]);
    for (const [kafka, batch] of byProducer) {
      const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      try {
        for (const m of batch) await producer.send({ topic: m.def.topic, acks: -1, messages: [{ key: m.key, value: m.value, headers: m.headers }] });
      } finally {
        await producer.disconnect();
      }
    }
  }

  it('dead-letters each one in its topic DLT for every consumer, changes nothing, and the platform goes on', async () => {
    const all: (FuzzMessage & { seq: number })[] = [];
    const describe = (e: string) => {
      const [s, group, kind] = e.split('|');
      const m = all.find((x) => String(x.seq) === s)!;
      return `${m.def.topic} (${m.how}) → ${group}: ${kind}`;
    };
    const subscribed = await subscriptions();
    // Pairs the catalogue names but no process subscribes to: reported, and expected nowhere.
    const unsubscribed = names.flatMap((n) =>
      Events[n].consumers.flatMap((c) =>
        groupsOf(c)
          .filter((g) => !subscribed.get(g)?.has(Events[n].topic))
          .map((g) => `${Events[n].topic} → ${g}`),
      ),
    );

    const sent: (FuzzMessage & { seq: number; expected: string })[] = [];
    let skipped = 0;
    let seq = 0;
    for (const [i, name] of names.entries()) {
      for (const m of fc.sample(arbitraryMessage(name), { numRuns: PER_TOPIC * 3, seed: SEED + i })) {
        if (sent.filter((s) => s.name === name).length >= PER_TOPIC) break;
        const expected = expectedOutcome(m);
        if (expected === 'valid') {
          skipped++;
          continue;
        }
        sent.push({ ...m, headers: { ...m.headers, 'fuzz-run': RUN, 'fuzz-seq': String(++seq) }, seq, expected });
      }
    }
    for (const name of names) expect(`${name}: ${sent.filter((s) => s.name === name).length}`).toBe(`${name}: ${PER_TOPIC}`);
    const unknown: (FuzzMessage & { seq: number })[] = [];
    for (const [i, name] of names.filter(aboutKnownCasesOnly).entries()) {
      for (const m of fc.sample(arbitraryUnknownCase(name), { numRuns: UNKNOWN_PER_TOPIC, seed: SEED + 1000 + i })) {
        expect(expectedOutcome(m)).toBe('valid');
        unknown.push({ ...m, headers: { ...m.headers, 'fuzz-run': RUN, 'fuzz-seq': String(++seq) }, seq });
      }
    }

    // Quiet first: the shared broker still holds good events other specs left for these consumer groups (stage changes
    // for the province's oversight, notification requests); the services take them on joining. Compare only once no
    // table moves for a few seconds, so what changes after is the fuzz's doing.
    let before = await schemaState(db, schemas);
    await waitFor(
      'the platform at rest before the fuzz',
      async () => {
        await new Promise((r) => setTimeout(r, 4000));
        const now = await schemaState(db, schemas);
        const still = changedTables(before, now).length === 0;
        before = now;
        return still ? true : undefined;
      },
      180_000,
    );
    const clients = new Map<string, Kafka>();
    const kafkaOf = (m: FuzzMessage) => {
      // The topic's own producer writes the garbage (a producer with a bug), through its own SCRAM user.
      const user = m.def.producer === 'review' ? 'review-220000' : m.def.producer;
      if (!clients.has(user)) clients.set(user, platform.kafka(platform.as(user), `fuzz-${user}`));
      return clients.get(user)!;
    };
    all.push(...sent, ...unknown);
    await sendAll(kafkaOf, all);

    const groupsFor = (m: FuzzMessage) => m.def.consumers.flatMap((c) => groupsOf(c).filter((g) => subscribed.get(g)?.has(m.def.topic)));
    const expected = sent.flatMap((m) => groupsFor(m).map((g) => `${m.seq}|${g}|${m.expected}`));
    const unknownExpected = unknown.flatMap((m) => groupsFor(m).map((g) => `${m.seq}|${g}`));
    const entries = () =>
      dlt
        .find((d) => d.headers['fuzz-run'] === RUN)
        .map((d) => `${d.headers['fuzz-seq']}|${d.headers[Headers.dltConsumerGroup]}|${d.headers[Headers.dltErrorKind]}`);
    const seen = () => new Set(entries());
    const unknownIds = unknown.map((m) => m.headers[Headers.id]);
    /** `seq|group` of the unknown-case events a consumer took without use: an inbox row and nothing else. */
    const ignored = async () => {
      const rows = await db.query<{ g: string; id: string }>(
        schemas.map((sch) => `SELECT consumer_group AS g, event_id AS id FROM "${sch}".inbox WHERE event_id = ANY($1)`).join(' UNION ALL '),
        [unknownIds],
      );
      return new Set(rows.rows.map((r) => `${unknown.find((u) => u.headers[Headers.id] === r.id)!.seq}|${r.g}`));
    };
    const unknownSettled = async () => {
      const dead = new Set(entries().map((e) => e.split('|').slice(0, 2).join('|')));
      const took = await ignored();
      return unknownExpected.every((e) => dead.has(e) || took.has(e));
    };
    const unknownSeqs = new Set(unknown.map((m) => String(m.seq)));
    const malformedSeen = () => [...seen()].filter((e) => !unknownSeqs.has(e.split('|')[0])).length;
    await waitFor(
      `${expected.length + unknownExpected.length} dead letters or skips`,
      async () => malformedSeen() >= expected.length && (await unknownSettled()),
      240000,
      500,
    ).catch(() => undefined);
    const got = seen();
    const missing = expected.filter((e) => !got.has(e));
    const unexpected = [...got].filter((e) => !unknownSeqs.has(e.split('|')[0]) && !expected.includes(e));

    // Unknown cases: dead-lettered at once or after their deferral expired, or taken without use (inbox row only).
    const took = await ignored();
    const unknownOutcomes = new Map<string, number>();
    const unknownWrong: string[] = [];
    for (const e of unknownExpected) {
      const dead = [...got].filter((g) => g.startsWith(`${e}|`));
      const kind =
        dead.length === 1 && !took.has(e)
          ? dead[0].split('|')[2]
          : took.has(e) && dead.length === 0
            ? 'ignored'
            : `${dead.length} DLT entries, ${took.has(e) ? '' : 'no '}inbox row`;
      unknownOutcomes.set(kind, (unknownOutcomes.get(kind) ?? 0) + 1);
      // Taken without effect (nothing to do for a case it does not know: no draw to cancel, not its jurisdiction) is
      // fine as long as nothing but the inbox row is written: the comparison below says so.
      if (!['unprocessable', 'predecessor-missing', 'ignored'].includes(kind)) unknownWrong.push(describe(`${e}|${kind}`));
    }
    expect(missing.map(describe)).toEqual([]);
    expect(unexpected.map(describe)).toEqual([]);
    expect(unknownWrong).toEqual([]);

    await waitFor('every partition consumed past the fuzz', async () => (await lag(subscribed)).length === 0, 60000, 500).catch(() => undefined);
    expect(await lag(subscribed)).toEqual([]);
    const deferred = await db.query(`SELECT count(*)::int AS n FROM (${schemas.map((s) => `SELECT 1 FROM "${s}".deferred_event`).join(' UNION ALL ')}) d`);
    expect(deferred.rows[0].n).toBe(0);
    // Every table as before, the inbox rows of unknown-case events taken without use left aside (counted above).
    const excluded = {
      eventIds: unknownIds,
      caseIds: unknown.map((m) => (JSON.parse(m.value as string) as { caseId: string }).caseId),
      caseSchemas: [...ACCUMULATING_CONSUMERS].map((c) => c.replace('-', '_')),
    };
    const after = await schemaState(db, schemas, excluded);
    // Read models that take any well-formed event without a case of their own to check it against — the province's
    // oversight (stage changes, heartbeats) and the notification inbox — and the heartbeats' own outbox and inbox rows
    // move by design; their specs (oversight, notification) check what they record.
    const BY_DESIGN = /^(review_\d+\.(oversight_\w+|outbox|inbox)|notification\.\w+)$/;
    const changed = changedTables(before, after).filter((t) => !BY_DESIGN.test(t));

    const kinds = new Map<string, number>();
    for (const m of sent) kinds.set(m.expected, (kinds.get(m.expected) ?? 0) + 1);
    process.stdout.write(
      [
        `[kafka-fuzz] seed ${SEED}, ${PER_TOPIC} per topic, ${names.length} consumed topics${FULL ? ' (full mode)' : ''}`,
        `[kafka-fuzz] messages sent: ${sent.length} (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}); valid mutations not sent: ${skipped}`,
        `[kafka-fuzz] valid events about unknown cases: ${unknown.length}, per consumer group: ${[...unknownOutcomes].map(([k, n]) => `${k === 'ignored' ? 'taken without effect (inbox only; assessment keeps the facts)' : k} ${n}`).join(', ')}`,
        `[kafka-fuzz] DLT entries: ${got.size} (${expected.length} for malformed messages, the rest for unknown cases); tables compared: ${after.size}; rows changed: ${changed.length ? changed.join(', ') : 0}`,
        `[kafka-fuzz] catalogue consumers not subscribed: ${unsubscribed.length ? unsubscribed.join('; ') : 'none'}`,
        `[kafka-fuzz] contract gaps, nested objects a producer may leave out (not sent): ${contractGaps(names).join('; ') || 'none'}`,
        '',
      ].join('\n'),
    );
    expect(changed).toEqual([]);

    // Good messages after the fuzz are processed: an application reaches review, review's stage change reaches intake.
    const institution = changchunEnterprise('吉林市某某职业技能培训学校');
    const applicant = await tokenFor('applicant', '220200', { creditCode: institution.creditCode });
    const { id: caseId } = await submitApplication(platform.url('intake'), applicant, {
      applicationKind: 'new-filing',
      jurisdiction: '220200',
      institution,
      occupations: [toolmakerOccupation],
    });
    await waitFor(
      'the case opened at the province review',
      async () => (await db.query(`SELECT 1 FROM review_220000.review_case WHERE id = $1`, [caseId])).rowCount === 1,
      60000,
    );
    const id = randomUUID();
    const stage = { ...validSamples.caseStageChanged, caseId, jurisdiction: '220200', at: new Date().toISOString() };
    const producer = platform.kafka(platform.as('review-220000'), 'fuzz-good').producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic: Events.caseStageChanged.topic,
      acks: -1,
      messages: [
        {
          key: caseId,
          value: JSON.stringify(stage),
          headers: toKafkaHeaders({
            id,
            type: Events.caseStageChanged.type,
            source: sourceOf('review'),
            time: new Date().toISOString(),
            subject: caseId,
            correlationId: id,
          }),
        },
      ],
    });
    await producer.disconnect();
    await waitFor(
      'intake records the stage change',
      async () => (await db.query(`SELECT 1 FROM intake.case_event WHERE event_id = $1`, [id])).rowCount === 1,
      60000,
    );
  }, 900000);
});
