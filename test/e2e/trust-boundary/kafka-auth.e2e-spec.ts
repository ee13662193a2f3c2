import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Kafka, Partitioners } from 'kafkajs';
import { ALL_EVENTS, dltOf, EventDefinition, Events, Headers, kafkaAccess, sourceOf, toKafkaHeaders } from '@filing/contracts';
import { TopicRecorder, waitFor } from '@filing/testing';
import { validSamples } from '../../../libs/contracts/test/event-samples';
import { changchunEnterprise, submitApplication, tokenFor, toolmakerOccupation } from '../fixtures';
import { changedTables, Credentials, schemaState, SecuredPlatform } from './secured-platform';

/**
 * Kafka authenticates and authorises (issue 11 §4, ADR 0013): a broker of this spec's own with SASL/SCRAM-SHA-512
 * and the catalogue's ACLs, intake and publication running on it with their own SCRAM users. The broker refuses a
 * client without valid credentials and a producer writing a topic it does not own; a consumer dead-letters an event
 * whose ce_source is not the topic's producer, and a city review instance's event about another jurisdiction's case.
 */
describe('Kafka authentication and authorisation', () => {
  let platform: SecuredPlatform;
  let db: Client;
  let dlt: TopicRecorder;
  const schemas = ['intake', 'publication'];

  beforeAll(async () => {
    platform = new SecuredPlatform();
    await platform.boot(['intake', 'publication']);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    dlt = await new TopicRecorder(platform.kafka(), [dltOf(Events.caseApproved.topic), dltOf(Events.caseStageChanged.topic)]).start();
    await waitFor(
      'intake and publication in their groups',
      async () => (await platform.consumerJoined('intake')) && (await platform.consumerJoined('publication')),
      120000,
    );
  }, 600000);

  afterAll(async () => {
    await dlt?.stop();
    await db?.end();
    await platform?.close();
  });

  /** Sends one record as `user`; resolves, or rejects with the client's error. */
  async function send(kafka: Kafka, topic: string, value: string, headers: Record<string, string> = {}, key: string = randomUUID()): Promise<void> {
    const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 1 } });
    try {
      await producer.connect();
      await producer.send({ topic, acks: -1, messages: [{ key, value, headers }] });
    } finally {
      await producer.disconnect().catch(() => undefined);
    }
  }

  /** Sends, and answers the broker's error code (kafkajs wraps it in retry errors), or 'accepted'. */
  async function outcome(kafka: Kafka, topic: string): Promise<string> {
    try {
      await send(kafka, topic, '{}');
      return 'accepted';
    } catch (err) {
      let e = err as { type?: string; cause?: unknown; name?: string };
      for (let i = 0; i < 5 && !e.type && e.cause; i++) e = e.cause as typeof e;
      return e.type ?? e.name ?? 'unknown';
    }
  }

  /** Messages on a topic, summed over its partitions (read as the super user). */
  async function endOffsets(topic: string): Promise<number> {
    const admin = platform.kafka().admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
    } finally {
      await admin.disconnect();
    }
  }

  function event(def: EventDefinition<any>, payload: object, source: string) {
    const id = randomUUID();
    const key = def.keyOf(payload);
    const headers = toKafkaHeaders({ id, type: def.type, source, time: new Date().toISOString(), subject: key, correlationId: id });
    return { id, key, value: JSON.stringify(payload), headers };
  }

  async function produceAs(user: Credentials, def: EventDefinition<any>, e: ReturnType<typeof event>): Promise<void> {
    await send(platform.kafka(user, `as-${user.username}`), def.topic, e.value, e.headers, e.key);
  }

  const deadLetterOf = (id: string, group: string) => dlt.find((m) => m.headers[Headers.id] === id && m.headers[Headers.dltConsumerGroup] === group)[0];

  it('refuses a client without credentials, and one with a wrong password', async () => {
    const topic = Events.applicationSubmitted.topic;
    const before = await endOffsets(topic);
    await expect(send(platform.kafka(null), topic, '{}')).rejects.toThrow();
    await expect(send(platform.kafka({ username: 'intake', password: 'not-the-password' }), topic, '{}')).rejects.toMatchObject({
      name: 'KafkaJSSASLAuthenticationError',
    });
    await expect(send(platform.kafka({ username: 'nobody', password: 'whatever' }), topic, '{}')).rejects.toMatchObject({
      name: 'KafkaJSSASLAuthenticationError',
    });
    expect(await endOffsets(topic)).toBe(before);
  });

  it('lets every service write only its own topics and the dead-letter twins of what it consumes: anything else is TOPIC_AUTHORIZATION_FAILED', async () => {
    const tried: string[] = [];
    for (const principal of platform.principals) {
      const user = platform.as(principal.user);
      const kafka = platform.kafka(user, `acl-${principal.user}`);
      const access = kafkaAccess(principal.service, principal.jurisdiction);
      const writable = new Set(access.acls.filter((a) => a.resource === 'topic' && a.operations.includes('Write')).map((a) => a.name));
      // The notification service produces nothing: it has no topic of its own to try as a control.
      const own = ALL_EVENTS.find((e) => e.producer === principal.service);
      const foreign = ALL_EVENTS.filter((e) => e.producer !== principal.service && !writable.has(e.topic));
      const foreignDlt = ALL_EVENTS.map((e) => dltOf(e.topic)).find((t) => !writable.has(t))!;
      // Its own topic, as a control: the same client is allowed there.
      if (own) expect(await outcome(kafka, own.topic)).toBe('accepted');
      for (const topic of [...foreign.map((e) => e.topic), foreignDlt]) {
        const before = await endOffsets(topic);
        expect(`${principal.user}→${topic}: ${await outcome(kafka, topic)}`).toBe(`${principal.user}→${topic}: TOPIC_AUTHORIZATION_FAILED`);
        expect(await endOffsets(topic)).toBe(before);
        tried.push(`${principal.user}→${topic}`);
      }
    }
    // Changchun's review user writes what a review instance produces, nothing of the province's other services.
    const city = platform.kafka(platform.as('review-220100'), 'acl-city');
    expect(await outcome(city, Events.caseApproved.topic)).toBe('accepted');
    expect(await outcome(city, Events.filingIssued.topic)).toBe('TOPIC_AUTHORIZATION_FAILED');
    process.stdout.write(`[kafka-auth] ${platform.aclCount} ACL entries; ${tried.length} foreign writes tried, all refused\n`);
    expect(tried.length).toBeGreaterThan(platform.principals.length * 10);
  });

  it('dead-letters an event whose ce_source is not the topic producer, and changes nothing', async () => {
    const payload = { ...validSamples.caseApproved, caseId: randomUUID() };
    const before = await schemaState(db, schemas);
    // Written with review's own credentials (the broker lets review write there), but claiming to be intake.
    const forged = event(Events.caseApproved, payload, sourceOf('intake'));
    await produceAs(platform.as('review-220000'), Events.caseApproved, forged);
    for (const group of ['intake', 'publication']) {
      const dead = await waitFor(`the forged event in ${group}'s dead letters`, () => deadLetterOf(forged.id, group), 60000);
      expect(dead.headers[Headers.dltErrorKind]).toBe('untrusted-source');
      expect(dead.headers[Headers.dltError]).toContain('/services/intake');
    }
    expect(changedTables(before, await schemaState(db, schemas))).toEqual([]);

    // The same event from the producer the catalogue names is taken: publication records the approved case.
    const genuine = event(Events.caseApproved, payload, sourceOf('review'));
    await produceAs(platform.as('review-220000'), Events.caseApproved, genuine);
    await waitFor('publication takes the genuine event', async () => changedTables(before, await schemaState(db, ['publication'])).length > 0, 60000);
    expect(deadLetterOf(genuine.id, 'publication')).toBeUndefined();
  });

  it("dead-letters a city review instance's event about another jurisdiction's case, and changes nothing", async () => {
    // A real case of 吉林市 (220200), which has no review instance of its own: the province serves it.
    const institution = changchunEnterprise('吉林市某某职业技能培训学校');
    const applicant = await tokenFor('applicant', '220200', { creditCode: institution.creditCode });
    const { id: caseId } = await submitApplication(platform.url('intake'), applicant, {
      applicationKind: 'new-filing',
      jurisdiction: '220200',
      institution,
      occupations: [toolmakerOccupation],
    });
    const city = platform.as('review-220100');
    const cityName = sourceOf('review', '220100');
    const stage = (jurisdiction: string) => ({
      ...validSamples.caseStageChanged,
      caseId,
      jurisdiction,
      from: 'SUBMITTED' as const,
      to: 'ACCEPTED' as const,
      at: new Date().toISOString(),
    });
    // Published under intake's own SCRAM user: every outbox row of the case is sent — the submission and the
    // applicant's 'received' notification request — and the state settled before it is measured.
    await waitFor(
      'intake published the submission',
      async () => {
        const { rows } = await db.query(
          `SELECT count(*) FILTER (WHERE topic = $2 AND sent_at IS NOT NULL)::int AS sent, count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent
           FROM intake.outbox WHERE key = $1`,
          [caseId, Events.applicationSubmitted.topic],
        );
        return rows[0].sent === 1 && rows[0].unsent === 0;
      },
      60000,
    );
    const before = await schemaState(db, schemas);

    // Changchun's instance speaks of the case under its real jurisdiction: refused by every consumer from the payload.
    const open = event(Events.caseApproved, { ...validSamples.caseApproved, caseId, jurisdiction: '220200' }, cityName);
    await produceAs(city, Events.caseApproved, open);
    // ... or claims it for Changchun: intake knows the case is 吉林市's.
    const claimed = event(Events.caseStageChanged, stage('220100'), cityName);
    await produceAs(city, Events.caseStageChanged, claimed);
    for (const group of ['intake', 'publication']) {
      const dead = await waitFor(`the city's approval in ${group}'s dead letters`, () => deadLetterOf(open.id, group), 60000);
      expect(dead.headers[Headers.dltErrorKind]).toBe('untrusted-source');
      expect(dead.headers[Headers.dltError]).toContain('220200');
    }
    const dead = await waitFor("the city's stage change in intake's dead letters", () => deadLetterOf(claimed.id, 'intake'), 60000);
    expect(dead.headers[Headers.dltErrorKind]).toBe('unprocessable');
    expect(dead.headers[Headers.dltError]).toContain('jurisdiction 220200');
    expect(changedTables(before, await schemaState(db, schemas))).toEqual([]);

    // The province instance, which serves 吉林市, is heard.
    const province = event(Events.caseStageChanged, stage('220200'), sourceOf('review'));
    await produceAs(platform.as('review-220000'), Events.caseStageChanged, province);
    await waitFor(
      'intake records the province stage change',
      async () => (await db.query(`SELECT 1 FROM intake.case_event WHERE event_id = $1`, [province.id])).rowCount === 1,
      60000,
    );
    expect(deadLetterOf(province.id, 'intake')).toBeUndefined();
  });
});
