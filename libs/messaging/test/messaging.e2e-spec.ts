import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Kafka } from 'kafkajs';
import { Headers, toKafkaHeaders } from '@filing/contracts';
import { ensureTopics, produceEvent, produceRaw, ServiceProcess, startServiceProcess, testKafka, TopicRecorder, waitFor } from '@filing/testing';
import { noteCreated, noteRecorded, noteWithoutDlt } from './fixture/fixture.events';

/**
 * The backbone against a real broker and database, through a small fixture service running as its own process:
 * outbox relay, inbox dedupe, payload validation, retries then the dead-letter topic, and a consumer that dies.
 */
const ENTRY = 'libs/messaging/test/fixture/fixture.main.ts';
const SCHEMA = 'messaging_fixture';

describe('messaging backbone', () => {
  let kafka: Kafka;
  let db: Client;

  beforeAll(async () => {
    kafka = testKafka();
    await ensureTopics(kafka, [noteRecorded.topic, `${noteRecorded.topic}.dlt`, noteCreated.topic, noteWithoutDlt.topic]);
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

    beforeAll(async () => {
      fixture = await startServiceProcess({ entry: ENTRY, name: 'fixture' });
      dlt = await new TopicRecorder(kafka, [`${noteRecorded.topic}.dlt`]).start();
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

    it('parks an invalid payload in the DLT with the validation error, without calling the handler', async () => {
      const caseId = randomUUID();
      const id = randomUUID();
      const headers = toKafkaHeaders({ id, type: noteRecorded.type, source: '/tests', time: new Date().toISOString(), subject: caseId, correlationId: id });
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

    it('serves liveness, readiness and metrics', async () => {
      const ready = (await (await fetch(`${fixture.url}/health/ready`)).json()) as { status: string; checks: Record<string, unknown> };
      expect(ready.status).toBe('ready');
      expect(Object.keys(ready.checks).sort()).toEqual(['database', 'kafka-consumer', 'kafka-producer', 'outbox-relay']);
      const metrics = await (await fetch(`${fixture.url}/metrics`)).text();
      for (const name of ['filing_events_consumed_total', 'filing_event_handler_seconds', 'filing_outbox_lag_seconds', 'filing_dead_letters_total']) {
        expect(metrics).toContain(name);
      }
    });
  });

  it('publishes outbox rows left behind by a process that died between commit and publish', async () => {
    const created = await new TopicRecorder(kafka, [noteCreated.topic]).start();
    try {
      // First life: the relay is off, so the committed event stays in the outbox; then the process is killed hard.
      const first = await startServiceProcess({ entry: ENTRY, name: 'fixture-norelay', env: { OUTBOX_RELAY: 'off', FIXTURE_GROUP_ID: `fixture-${randomUUID()}` } });
      const caseId = randomUUID();
      const res = await fetch(`${first.url}/notes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ caseId, text: 'kept' }) });
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
        await waitFor('the row marked sent', async () => (await db.query(`SELECT sent_at FROM ${SCHEMA}.outbox WHERE id = $1`, [eventId])).rows[0].sent_at !== null);
      } finally {
        await second.stop();
      }
    } finally {
      await created.stop();
    }
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
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([dying.exited, new Promise<'still running'>((r) => (timer = setTimeout(() => r('still running'), 120000)))]);
    clearTimeout(timer);
    if (code === 'still running') await dying.stop('SIGKILL');
    expect(code).not.toBe('still running');
    expect(code).not.toBe(0);
    expect(dying.output()).toContain('consumer crashed for good');
  });
});
