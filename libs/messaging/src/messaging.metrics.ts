import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@filing/runtime';

export const eventsConsumed = new Counter({
  name: 'filing_events_consumed_total',
  help: 'Events consumed, by topic and outcome (handled, duplicate, dead-lettered)',
  labelNames: ['topic', 'outcome'],
  registers: [metricsRegistry],
});

export const eventsPublished = new Counter({
  name: 'filing_events_published_total',
  help: 'Events published from the outbox to Kafka, by topic',
  labelNames: ['topic'],
  registers: [metricsRegistry],
});

export const handlerSeconds = new Histogram({
  name: 'filing_event_handler_seconds',
  help: 'Time to handle one event, inbox and transaction included',
  labelNames: ['topic'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const eventBatches = new Counter({
  name: 'filing_event_batches_total',
  help: 'Batches of messages read together from one partition: handled in one transaction, or message by message (an invalid message, a deferred or busy key, a handler that failed)',
  labelNames: ['topic', 'mode'],
  registers: [metricsRegistry],
});

export const deadLetters = new Counter({
  name: 'filing_dead_letters_total',
  help: 'Events sent to a dead-letter topic, by original topic and reason',
  labelNames: ['topic', 'reason'],
  registers: [metricsRegistry],
});

export const handlerRetries = new Counter({
  name: 'filing_event_handler_retries_total',
  help: 'Handler attempts that failed and were retried',
  labelNames: ['topic'],
  registers: [metricsRegistry],
});

export const outboxParked = new Counter({
  name: 'filing_outbox_parked_total',
  help: 'Outbox rows the broker refused for good (too large, invalid), parked for an operator: alert on any increase',
  labelNames: ['topic'],
  registers: [metricsRegistry],
});

export const outboxSendFailures = new Counter({
  name: 'filing_outbox_send_failures_total',
  help: 'Relay passes whose send failed (broker away, timeouts) and were retried with backoff',
  registers: [metricsRegistry],
});

export const eventsDeferred = new Gauge({
  name: 'filing_events_deferred',
  help: 'Consumed events waiting for a predecessor (deferred), by topic',
  labelNames: ['topic'],
  registers: [metricsRegistry],
  async collect() {
    if (!deferredProbe) return;
    this.reset();
    for (const r of await deferredProbe()) this.set({ topic: r.topic }, r.count);
  },
});

export const eventsDeferredOldest = new Gauge({
  name: 'filing_events_deferred_oldest_seconds',
  help: 'How long the oldest deferred event has waited (0 when none)',
  registers: [metricsRegistry],
  async collect() {
    if (!deferredProbe) return;
    this.set(Math.max(0, ...(await deferredProbe()).map((r) => r.oldestSeconds)));
  },
});

let deferredProbe: (() => Promise<{ topic: string; count: number; oldestSeconds: number }[]>) | undefined;

export function setDeferredProbe(probe: () => Promise<{ topic: string; count: number; oldestSeconds: number }[]>): void {
  deferredProbe = probe;
}

let outboxProbe: (() => Promise<{ pending: number; lag: number; parked: number }>) | undefined;

/** The relay tells the metrics how to read the outbox; the gauges are read on each scrape. */
export function setOutboxProbe(probe: () => Promise<{ pending: number; lag: number; parked: number }>): void {
  outboxProbe = probe;
}

export const outboxLagSeconds = new Gauge({
  name: 'filing_outbox_lag_seconds',
  help: 'Age of the oldest outbox row not yet published (0 when none)',
  registers: [metricsRegistry],
  async collect() {
    if (outboxProbe) this.set((await outboxProbe()).lag);
  },
});

export const outboxPending = new Gauge({
  name: 'filing_outbox_pending',
  help: 'Outbox rows waiting to be published (parked rows not counted)',
  registers: [metricsRegistry],
  async collect() {
    if (outboxProbe) this.set((await outboxProbe()).pending);
  },
});

export const outboxParkedNow = new Gauge({
  name: 'filing_outbox_parked',
  help: 'Outbox rows parked now; they and later rows of their key wait for an operator',
  registers: [metricsRegistry],
  async collect() {
    if (outboxProbe) this.set((await outboxProbe()).parked);
  },
});
