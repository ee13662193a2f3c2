import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Client } from 'pg';
import { ConfigResourceTypes, Kafka, Partitioners } from 'kafkajs';
import { issueDevToken } from '@filing/auth';
import { dltOf, EventMetadata, Headers, sourceOf, toKafkaHeaders } from '@filing/contracts';
import { ensureTopics, produceEvent, produceRaw, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { noteAmended, noteAttached, noteBulky, noteCreated, noteHanging, noteRecorded, noteWithoutDlt } from './fixture/fixture.events';

/**
 * The backbone against a real broker and database, through a small fixture service running as its own process:
 * outbox relay (one per schema, parking what the broker refuses), inbox dedupe, payload validation, deferral of
 * events that came early, retries then the dead-letter topic (by reference when too large), the operator's
 * dead-letter tools, and a consumer that dies (crashed for good, or stuck).
 */
const ENTRY = 'libs/messaging/test/fixture/fixture.main.ts';
const SCHEMA = 'messaging_fixture';
const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The broker refuses a record batch above this on the topics that test the size limits. */
const SMALL_TOPIC_BYTES = 4096;

/** The process's exit code, or 'still running' (and then it is killed) after `ms`. */
async function exitCode(proc: ServiceProcess, ms: number): Promise<number | null | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([proc.exited, new Promise<'still running'>((r) => (timer = setTimeout(() => r('still running'), ms)))]);
  clearTimeout(timer);
  if (code === 'still running') await proc.stop('SIGKILL');
  return code;
}

describe('messaging backbone', () => {
  let kafka: Kafka;
  let db: Client;

  beforeAll(async () => {
    kafka = testKafka();
    await ensureTopics(kafka, [
      noteRecorded.topic,
      dltOf(noteRecorded.topic),
      noteAmended.topic,
      dltOf(noteAmended.topic),
      noteCreated.topic,
      noteWithoutDlt.topic,
      noteHanging.topic,
      dltOf(noteHanging.topic),
    ]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTopics } = require('@filing/kafka-local');
    const small = { 'max.message.bytes': SMALL_TOPIC_BYTES };
    await createTopics((process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','), [
      { topic: noteAttached.topic, partitions: 3, config: small },
      { topic: noteBulky.topic, partitions: 3, config: small },
      { topic: dltOf(noteBulky.topic), partitions: 3, config: small },
    ]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
  });

  const notes = async (caseId: string) => (await db.query(`SELECT text FROM ${SCHEMA}.note WHERE case_id = $1`, [caseId])).rows.map((r) => r.text);

  describe('with the fixture running', () => {
    let fixture: ServiceProcess;
    let dlt: TopicRecorder;

    // Deferred events go to the DLT after 8 s here (a day by default); anything over 20 kB is never sent.
    const env = { EVENT_DEFER_MAX_MS: '8000', EVENT_DEFER_POLL_MS: '300', OUTBOX_MAX_MESSAGE_BYTES: '20000' };
    const admin = () => issueDevToken({ roles: ['admin'], jurisdiction: '220000', sub: 'operator' });
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${fixture.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${await admin()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const postNote = async (url: string, body: Record<string, string>) => {
      const res = await fetch(`${url}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { eventId: string }).eventId;
    };
    const outboxRow = async (id: string) => (await db.query(`SELECT sent_at, parked_at, last_error FROM ${SCHEMA}.outbox WHERE id = $1`, [id])).rows[0];

    beforeAll(async () => {
      fixture = await startServiceProcess({ entry: ENTRY, name: 'fixture', env });
      dlt = await new TopicRecorder(kafka, [dltOf(noteRecorded.topic), dltOf(noteBulky.topic)]).start();
    });

    afterAll(async () => {
      await dlt?.stop();
      await fixture?.stop();
    });

    it('handles an event delivered twice once', async () => {
      const caseId = randomUUID();
      const id = randomUUID();
      await produceEvent(kafka, noteRecorded, { caseId, text: 'first' }, { id });
      await produceEvent(kafka, noteRecorded, { caseId, text: 'first again' }, { id });
      await produceEvent(kafka, noteRecorded, { caseId, text: 'after' });
      await waitFor('the note after the duplicate', async () => (await notes(caseId)).includes('after'));
      expect((await notes(caseId)).sort()).toEqual(['after', 'first']);
      const metrics = await (await fetch(`${fixture.url}/metrics`)).text();
      expect(metrics).toMatch(/filing_events_consumed_total\{topic="fixture.note.recorded.v1",outcome="duplicate"\} [1-9]/);
    });

    /** Notes of noteRecorded in one produce request, so that each partition's share reaches the consumer as one batch. */
    const produceTogether = async (notesToSend: { caseId: string; text: string; id?: string }[]) => {
      const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      try {
        const messages = notesToSend.map(({ caseId, text, id }) => {
          const meta: EventMetadata = {
            id: id ?? randomUUID(),
            type: noteRecorded.type,
            source: sourceOf(noteRecorded.producer),
            time: new Date().toISOString(),
            subject: caseId,
            correlationId: randomUUID(),
          };
          return { key: caseId, value: JSON.stringify({ caseId, text }), headers: toKafkaHeaders(meta) };
        });
        await producer.send({ topic: noteRecorded.topic, acks: -1, messages });
      } finally {
        await producer.disconnect();
      }
    };
    const batches = async (mode: 'one-transaction' | 'one-by-one') => {
      const metrics = await (await fetch(`${fixture.url}/metrics`)).text();
      const line = new RegExp(`filing_event_batches_total\\{topic="${noteRecorded.topic}",mode="${mode}"\\} (\\d+)`).exec(metrics);
      return line ? Number(line[1]) : 0;
    };
    const notesInOrder = async (caseId: string) =>
      (await db.query(`SELECT text FROM ${SCHEMA}.note WHERE case_id = $1 ORDER BY at`, [caseId])).rows.map((r) => r.text);

    it("handles messages read together in one transaction: each once, in its key's order, a copy in the same batch skipped", async () => {
      const before = await batches('one-transaction');
      const keys = Array.from({ length: 5 }, () => randomUUID());
      const sent = keys.flatMap((caseId) => Array.from({ length: 6 }, (_, i) => ({ caseId, text: `step ${i}`, id: randomUUID() })));
      // The third event of the first key again, right behind itself.
      await produceTogether([...sent.slice(0, 3), { ...sent[2], text: 'step 2 copy' }, ...sent.slice(3)]);
      for (const caseId of keys) {
        await waitFor(`the six notes of ${caseId}`, async () => (await notes(caseId)).length >= 6);
        expect(await notesInOrder(caseId)).toEqual(['step 0', 'step 1', 'step 2', 'step 3', 'step 4', 'step 5']);
      }
      expect(await batches('one-transaction')).toBeGreaterThan(before);
    });

    it('takes a batch holding a poison message one message at a time: the others are handled in order, the poison goes to the DLT', async () => {
      const before = await batches('one-by-one');
      const [a, b] = [randomUUID(), randomUUID()];
      const poisonId = randomUUID();
      await produceTogether([
        { caseId: a, text: 'a1' },
        { caseId: b, text: 'b1' },
        { caseId: a, text: 'poison', id: poisonId },
        { caseId: a, text: 'a2' },
        { caseId: b, text: 'b2' },
      ]);
      await waitFor('the notes behind the poison', async () => (await notes(a)).includes('a2') && (await notes(b)).includes('b2'));
      await waitFor('the poison in the DLT', () => dlt.find((m) => m.headers[Headers.id] === poisonId)[0]);
      expect(await notesInOrder(a)).toEqual(['a1', 'a2']);
      expect(await notesInOrder(b)).toEqual(['b1', 'b2']);
      expect(await batches('one-by-one')).toBeGreaterThan(before);
    });

    it('parks a poison message in the DLT with its error, and the partition moves on', async () => {
      const caseId = randomUUID(); // same key → same partition for both messages
      const poison = await produceEvent(kafka, noteRecorded, { caseId, text: 'poison' });
      await produceEvent(kafka, noteRecorded, { caseId, text: 'healthy' });
      await waitFor('the healthy note behind the poison', async () => (await notes(caseId)).includes('healthy'));
      const parked = await waitFor('the poison in the DLT', () => dlt.find((m) => m.headers[Headers.id] === poison.id)[0]);
      expect(parked.key).toBe(caseId);
      expect(parked.headers[Headers.dltErrorKind]).toBe('handler-failed');
      expect(parked.headers[Headers.dltError]).toContain(`cannot digest note ${caseId}`);
      expect(parked.headers[Headers.dltAttempts]).toBe('4');
      expect(parked.headers[Headers.dltOriginalTopic]).toBe(noteRecorded.topic);
      expect(JSON.parse(parked.value)).toEqual({ caseId, text: 'poison' });
      expect(await notes(caseId)).toEqual(['healthy']);
    });

    it("sends a handler's domain refusal that no retry can change to the DLT at once, and retries one the state may lift", async () => {
      const refusedCase = randomUUID();
      const illegalCase = randomUUID();
      const refused = await produceEvent(kafka, noteRecorded, { caseId: refusedCase, text: 'refused' });
      const illegal = await produceEvent(kafka, noteRecorded, { caseId: illegalCase, text: 'not-yet' });
      await produceEvent(kafka, noteRecorded, { caseId: refusedCase, text: 'after the refusal' });
      const parkedRefusal = await waitFor('the rule refusal in the DLT', () => dlt.find((m) => m.headers[Headers.id] === refused.id)[0]);
      expect(parkedRefusal.headers[Headers.dltErrorKind]).toBe('unprocessable');
      expect(parkedRefusal.headers[Headers.dltAttempts]).toBe('1');
      expect(parkedRefusal.headers[Headers.dltError]).toContain(`note ${refusedCase} breaks a rule`);
      const parkedIllegal = await waitFor('the illegal step in the DLT', () => dlt.find((m) => m.headers[Headers.id] === illegal.id)[0]);
      expect(parkedIllegal.headers[Headers.dltErrorKind]).toBe('handler-failed');
      expect(parkedIllegal.headers[Headers.dltAttempts]).toBe('4');
      await waitFor('the note behind the refusal', async () => (await notes(refusedCase)).includes('after the refusal'));
      expect(await notes(refusedCase)).toEqual(['after the refusal']);
      expect(await notes(illegalCase)).toEqual([]);
    });

    it('parks an invalid payload in the DLT with the validation error, without calling the handler', async () => {
      const caseId = randomUUID();
      const id = randomUUID();
      const headers = toKafkaHeaders({
        id,
        type: noteRecorded.type,
        source: '/services/intake',
        time: new Date().toISOString(),
        subject: caseId,
        correlationId: id,
      });
      await produceRaw(kafka, noteRecorded.topic, caseId, JSON.stringify({ caseId, text: 42 }), headers);
      const parked = await waitFor('the invalid payload in the DLT', () => dlt.find((m) => m.headers[Headers.id] === id)[0]);
      expect(parked.headers[Headers.dltErrorKind]).toBe('invalid-payload');
      expect(parked.headers[Headers.dltError]).toMatch(/text: text must be a string/);
      expect(parked.headers[Headers.dltAttempts]).toBe('0');
      expect(await notes(caseId)).toEqual([]);
    });

    it('parks a message without CloudEvents headers in the DLT', async () => {
      const caseId = randomUUID();
      await produceRaw(kafka, noteRecorded.topic, caseId, JSON.stringify({ caseId, text: 'anonymous' }), {});
      const parked = await waitFor('the header-less message in the DLT', () => dlt.find((m) => m.key === caseId)[0]);
      expect(parked.headers[Headers.dltErrorKind]).toBe('invalid-envelope');
      expect(parked.headers[Headers.dltError]).toContain('missing CloudEvents header ce_id');
    });

    it('parks a poison message too large to copy by reference (no value, where to find it), and the partition moves on', async () => {
      const caseId = randomUUID();
      // Fits the topic's 4 kB, but not once the DLT headers are added.
      const poison = await produceEvent(kafka, noteBulky, { caseId, text: `poison${'p'.repeat(3500)}` });
      await produceEvent(kafka, noteBulky, { caseId, text: 'healthy' });
      await waitFor('the healthy note behind the bulky poison', async () => (await notes(caseId)).includes('healthy'));
      const parked = await waitFor(
        'the bulky poison in the DLT',
        () => dlt.find((m) => m.topic === dltOf(noteBulky.topic) && m.headers[Headers.id] === poison.id)[0],
      );
      expect(parked.headers).toMatchObject({
        [Headers.dltByReference]: 'true',
        [Headers.dltErrorKind]: 'handler-failed',
        [Headers.dltOriginalTopic]: noteBulky.topic,
      });
      expect(parked.headers[Headers.dltError]).toContain(`cannot digest bulky note ${caseId}`);
      expect(Number(parked.headers[Headers.dltOriginalBytes])).toBeGreaterThan(3500);
      expect(parked.headers[Headers.dltOriginalOffset]).toMatch(/^\d+$/);
      expect(parked.value).toBe('');
      const metrics = await (await fetch(`${fixture.url}/metrics`)).text();
      expect(metrics).toMatch(/filing_dead_letters_total\{topic="fixture.note.bulky.v1",reason="handler-failed"\} [1-9]/);
    });

    it('defers an event that came before its predecessor, queues the later events of its key behind it, and applies them in order when the predecessor arrives', async () => {
      const caseId = randomUUID();
      await produceEvent(kafka, noteRecorded, { caseId, text: 'needs:base' });
      await produceEvent(kafka, noteRecorded, { caseId, text: 'after' });
      const parked = await waitFor('both notes parked', async () => {
        const rows = (await db.query(`SELECT reason FROM ${SCHEMA}.deferred_event WHERE message_key = $1 ORDER BY seq`, [caseId])).rows;
        return rows.length === 2 ? rows : undefined;
      });
      expect(parked[0].reason).toContain(`note base of case ${caseId} not seen yet`);
      expect(parked[1].reason).toContain('queued behind an earlier deferred event');
      // The handler's own write before it said "too early" was rolled back with it.
      expect(await notes(caseId)).toEqual([]);
      expect(await (await fetch(`${fixture.url}/metrics`)).text()).toMatch(/filing_events_deferred\{topic="fixture.note.recorded.v1"\} [1-9]/);

      await produceEvent(kafka, noteAmended, { caseId, text: 'base' });
      await waitFor('the queued note applied', async () => (await notes(caseId)).includes('after'));
      const ordered = (await db.query(`SELECT text FROM ${SCHEMA}.note WHERE case_id = $1 ORDER BY at`, [caseId])).rows.map((r) => r.text);
      expect(ordered).toEqual(['base', 'needs:base', 'after']);
      expect((await db.query(`SELECT 1 FROM ${SCHEMA}.deferred_event WHERE message_key = $1`, [caseId])).rows).toEqual([]);
      expect(dlt.find((m) => m.key === caseId)).toEqual([]);
    });

    it('dead-letters an event whose predecessor never came after EVENT_DEFER_MAX_MS; an operator lists it and re-drives it once the predecessor is there', async () => {
      const caseId = randomUUID();
      const lonely = await produceEvent(kafka, noteRecorded, { caseId, text: 'needs:late' });
      const parked = await waitFor('the lonely note in the DLT', () => dlt.find((m) => m.headers[Headers.id] === lonely.id)[0], 60000);
      expect(parked.headers[Headers.dltErrorKind]).toBe('predecessor-missing');
      expect(parked.headers[Headers.dltError]).toContain(`note late of case ${caseId} not seen yet`);

      const listed = await call('GET', `/admin/dead-letters?topic=${noteRecorded.topic}`);
      expect(listed.status).toBe(200);
      const entry = listed.body.items.find((e: any) => e.eventId === lonely.id);
      expect(entry).toMatchObject({
        dltTopic: dltOf(noteRecorded.topic),
        originalTopic: noteRecorded.topic,
        key: caseId,
        errorKind: 'predecessor-missing',
        consumerGroup: 'messaging-fixture',
      });
      const shown = await call('GET', `/admin/dead-letters/${entry.dltTopic}/${entry.partition}/${entry.offset}`);
      expect(JSON.parse(shown.body.value)).toEqual({ caseId, text: 'needs:late' });
      expect((await fetch(`${fixture.url}/admin/dead-letters`)).status).toBe(401);

      // The same list from the command line.
      const cli = spawnSync(
        process.execPath,
        ['-r', '@swc-node/register', 'libs/messaging/src/dead-letters/dlt.cli.ts', 'list', '--topic', noteRecorded.topic, '--group', 'messaging-fixture'],
        {
          cwd: ROOT,
          env: process.env,
          encoding: 'utf8',
        },
      );
      expect(cli.status).toBe(0);
      expect(cli.stdout).toContain(`ce_id=${lonely.id}`);
      expect(cli.stdout).toContain('predecessor-missing');

      await produceEvent(kafka, noteAmended, { caseId, text: 'late' });
      await waitFor('the predecessor', async () => (await notes(caseId)).includes('late'));
      const redriven = await call('POST', '/admin/dead-letters/redrive', { topic: noteRecorded.topic, partition: entry.partition, offset: entry.offset });
      expect(redriven.body.redriven).toEqual([{ from: `${entry.dltTopic}/${entry.partition}/${entry.offset}`, to: noteRecorded.topic, eventId: lonely.id }]);
      await waitFor('the re-driven note applied', async () => (await notes(caseId)).includes('needs:late'));
      // Re-driving it again changes nothing: the inbox knows its ce_id.
      await call('POST', '/admin/dead-letters/redrive', { topic: noteRecorded.topic, partition: entry.partition, offset: entry.offset });
      await produceEvent(kafka, noteRecorded, { caseId, text: 'marker' });
      await waitFor('a later note of the case', async () => (await notes(caseId)).includes('marker'));
      expect((await notes(caseId)).sort()).toEqual(['late', 'marker', 'needs:late']);
    });

    it('parks an outbox row the broker refuses or that is too large; other keys flow, later rows of its key wait until an operator retries it', async () => {
      const recorder = await new TopicRecorder(kafka, [noteCreated.topic, noteAttached.topic]).start();
      const [k1, k2, k3] = [randomUUID(), randomUUID(), randomUUID()];
      try {
        const refused = await postNote(fixture.url, { caseId: k1, text: 'a1', attachment: 'x'.repeat(6000) }); // over the topic's 4 kB
        const behind = await postNote(fixture.url, { caseId: k1, text: 'a2' });
        const tooLarge = await postNote(fixture.url, { caseId: k3, text: 'c1', attachment: 'y'.repeat(30000) }); // over OUTBOX_MAX_MESSAGE_BYTES
        const other = await postNote(fixture.url, { caseId: k2, text: 'b1' });
        await waitFor('the other key published', () => recorder.find((m) => m.headers[Headers.id] === other)[0]);
        const refusedRow = await waitFor('the refused row parked', async () => ((await outboxRow(refused))?.parked_at ? outboxRow(refused) : undefined));
        expect(refusedRow.last_error).toMatch(/larger than the max message size/);
        expect((await outboxRow(tooLarge)).last_error).toContain('exceeds OUTBOX_MAX_MESSAGE_BYTES (20000)');
        expect(await outboxRow(behind)).toMatchObject({ sent_at: null, parked_at: null });
        // Later events of other keys keep flowing past the parked rows.
        const later = await postNote(fixture.url, { caseId: k2, text: 'b2' });
        await waitFor('a later row of another key published', () => recorder.find((m) => m.headers[Headers.id] === later)[0]);
        expect(recorder.find((m) => [refused, behind, tooLarge].includes(m.headers[Headers.id]))).toEqual([]);

        const metrics = await (await fetch(`${fixture.url}/metrics`)).text();
        expect(metrics).toMatch(/filing_outbox_parked 2/);
        expect(metrics).toMatch(/filing_outbox_parked_total\{topic="fixture.note.attached.v1"\} 2/);
        const ready = await fetch(`${fixture.url}/health/ready`);
        expect(ready.status).toBe(200); // a parked row is an alert, not a reason to stop serving
        expect(((await ready.json()) as any).checks['outbox-relay']).toMatchObject({
          ok: false,
          affectsReadiness: false,
          detail: expect.stringContaining('2 row(s) parked'),
        });
        const listed = await call('GET', '/admin/outbox/parked');
        expect(listed.body.items.map((r: any) => [r.id, r.waitingBehind])).toEqual([
          [refused, 1],
          [tooLarge, 0],
        ]);

        // The operator raises the topic's limit and hands the row back: it goes out, and the row behind it after it.
        const kafkaAdmin = kafka.admin();
        await kafkaAdmin.connect();
        try {
          await kafkaAdmin.alterConfigs({
            validateOnly: false,
            resources: [{ type: ConfigResourceTypes.TOPIC, name: noteAttached.topic, configEntries: [{ name: 'max.message.bytes', value: '1048588' }] }],
          });
          expect((await call('POST', `/admin/outbox/parked/${refused}/retry`)).status).toBe(201);
          await waitFor('the retried row and the one behind it published', () => recorder.find((m) => m.headers[Headers.id] === behind)[0]);
        } finally {
          await kafkaAdmin.alterConfigs({
            validateOnly: false,
            resources: [
              { type: ConfigResourceTypes.TOPIC, name: noteAttached.topic, configEntries: [{ name: 'max.message.bytes', value: String(SMALL_TOPIC_BYTES) }] },
            ],
          });
          await kafkaAdmin.disconnect();
        }
        const [first, second] = [await outboxRow(refused), await outboxRow(behind)];
        expect(first.sent_at).not.toBeNull();
        expect(first.sent_at.getTime()).toBeLessThanOrEqual(second.sent_at.getTime());
        expect(recorder.find((m) => m.headers[Headers.id] === refused)).toHaveLength(1);
        expect((await call('POST', `/admin/outbox/parked/${refused}/retry`)).status).toBe(404);
      } finally {
        await recorder.stop();
      }
    });

    it('serves liveness, readiness and metrics; readiness depends on the database only, and reports the Kafka side', async () => {
      const ready = (await (await fetch(`${fixture.url}/health/ready`)).json()) as { status: string; checks: Record<string, any> };
      expect(ready.status).toBe('ready');
      expect(Object.keys(ready.checks).sort()).toEqual(['database', 'kafka-consumer', 'kafka-producer', 'outbox-relay']);
      expect(ready.checks.database).toEqual({ ok: true });
      for (const name of ['kafka-consumer', 'kafka-producer', 'outbox-relay']) expect(ready.checks[name].affectsReadiness).toBe(false);
      expect(ready.checks['kafka-producer'].ok).toBe(true);
      const live = await fetch(`${fixture.url}/health/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'live', checks: { 'kafka-consumer': { ok: true } } });
      const metrics = await (await fetch(`${fixture.url}/metrics`)).text();
      for (const name of [
        'filing_events_consumed_total',
        'filing_event_handler_seconds',
        'filing_outbox_lag_seconds',
        'filing_dead_letters_total',
        'filing_events_deferred_oldest_seconds',
      ]) {
        expect(metrics).toContain(name);
      }
    });

    it('keeps the order of a key with two replicas relaying one schema (one relay at a time)', async () => {
      const replica = await startServiceProcess({ entry: ENTRY, name: 'fixture-replica', env });
      const recorder = await new TopicRecorder(kafka, [noteCreated.topic]).start();
      try {
        const keys = [randomUUID(), randomUUID()];
        const sent: Record<string, string[]> = { [keys[0]]: [], [keys[1]]: [] };
        for (let i = 0; i < 60; i++) {
          const key = keys[i % 2];
          await postNote(i % 3 === 0 ? replica.url : fixture.url, { caseId: key, text: `n${i}` });
          sent[key].push(`n${i}`);
        }
        const seen = (key: string) => recorder.find((m) => m.key === key).map((m) => JSON.parse(m.value).text);
        await waitFor('all 60 published', () => seen(keys[0]).length + seen(keys[1]).length >= 60);
        expect(seen(keys[0])).toEqual(sent[keys[0]]);
        expect(seen(keys[1])).toEqual(sent[keys[1]]);
      } finally {
        await recorder.stop();
        await replica.stop();
      }
    });
  });

  it('publishes outbox rows left behind by a process that died between commit and publish', async () => {
    const created = await new TopicRecorder(kafka, [noteCreated.topic]).start();
    try {
      // First life: the relay is off, so the committed event stays in the outbox; then the process is killed hard.
      const first = await startServiceProcess({
        entry: ENTRY,
        name: 'fixture-norelay',
        env: { OUTBOX_RELAY: 'off', FIXTURE_GROUP_ID: `fixture-${randomUUID()}` },
      });
      const caseId = randomUUID();
      const res = await fetch(`${first.url}/notes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ caseId, text: 'kept' }),
      });
      expect(res.status).toBe(201);
      const { eventId } = (await res.json()) as { eventId: string };
      await first.stop('SIGKILL');
      const pending = await db.query(`SELECT sent_at FROM ${SCHEMA}.outbox WHERE id = $1`, [eventId]);
      expect(pending.rows).toEqual([{ sent_at: null }]);
      expect(created.find((m) => m.headers[Headers.id] === eventId)).toEqual([]);

      // Second life: the relay finds the row and publishes it, keyed by case id, with its CloudEvents headers.
      const second = await startServiceProcess({ entry: ENTRY, name: 'fixture-relay', env: { FIXTURE_GROUP_ID: `fixture-${randomUUID()}` } });
      try {
        const msg = await waitFor('the left-behind event on Kafka', () => created.find((m) => m.headers[Headers.id] === eventId)[0]);
        expect(msg.key).toBe(caseId);
        expect(msg.headers[Headers.type]).toBe(noteCreated.type);
        expect(msg.headers[Headers.specversion]).toBe('1.0');
        expect(JSON.parse(msg.value)).toEqual({ caseId, text: 'kept' });
        await waitFor(
          'the row marked sent',
          async () => (await db.query(`SELECT sent_at FROM ${SCHEMA}.outbox WHERE id = $1`, [eventId])).rows[0].sent_at !== null,
        );
      } finally {
        await second.stop();
      }
    } finally {
      await created.stop();
    }
  });

  it('ends the process when its consumer is stuck: a partition with lag and no progress while broker and database answer', async () => {
    const stuck = await startServiceProcess({
      entry: ENTRY,
      name: 'fixture-stuck',
      env: { FIXTURE_GROUP_ID: `fixture-${randomUUID()}`, FIXTURE_HANGS: 'true', KAFKA_STUCK_AFTER_MS: '6000' },
    });
    await produceEvent(kafka, noteHanging, { caseId: randomUUID(), text: 'wedged' });
    const code = await exitCode(stuck, 90000);
    expect(code).toBe(70);
    expect(stuck.output()).toContain(`consumer stuck: ${noteHanging.topic}`);
  });

  it('ends the process when the consumer crashes for good', async () => {
    // The topic has no DLT twin, so a failing message can be neither handled nor parked: the consumer crashes, and a
    // consumer that cannot consume must not sit behind a green health check.
    const dying = await startServiceProcess({
      entry: ENTRY,
      name: 'fixture-dying',
      env: { FIXTURE_GROUP_ID: `fixture-${randomUUID()}`, KAFKA_CONSUMER_RETRIES: '1', KAFKA_CONSUMER_RESTARTS: '0' },
    });
    await produceEvent(kafka, noteWithoutDlt, { caseId: randomUUID(), text: 'doomed' });
    const code = await exitCode(dying, 120000);
    expect(code).not.toBe('still running');
    expect(code).not.toBe(0);
    expect(dying.output()).toContain('consumer crashed for good');
  });
});
