import { ConsumerWatchdog, StuckPartition } from './consumer-watchdog';
import type { BrokerProbe } from './broker-probe';
import type { DataSource } from 'typeorm';

const TOPIC = 'review.case.approved.v1';
const STUCK_AFTER_MS = 120_000;

/** The broker as the watchdog sees it through the admin API: the group's committed offset and the partition's end. */
function world() {
  const state = { committed: '5', high: '5', brokerUp: true };
  const admin = {
    fetchOffsets: async () => [{ topic: TOPIC, partitions: [{ partition: 0, offset: state.committed }] }],
    fetchTopicOffsets: async () => [{ partition: 0, offset: state.high, high: state.high, low: '0' }],
  };
  const probe = { check: async () => ({ reachable: state.brokerUp }), adminClient: async () => admin } as unknown as BrokerProbe;
  const dataSource = { query: async () => [{ '?column?': 1 }] } as unknown as DataSource;
  const verdicts: StuckPartition[] = [];
  const watchdog = new ConsumerWatchdog({
    probe,
    dataSource,
    groupId: 'publication',
    topics: [TOPIC],
    stuckAfterMs: STUCK_AFTER_MS,
    onStuck: (p) => verdicts.push(p),
  });
  return { state, watchdog, verdicts };
}

describe('ConsumerWatchdog', () => {
  let now = Date.parse('2026-12-04T08:00:00Z');
  const advance = (ms: number) => (now += ms);
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('does not condemn a partition that was quiet for long the moment a message arrives', async () => {
    const { state, watchdog, verdicts } = world();
    watchdog.assigned({ [TOPIC]: [0] });
    expect(await watchdog.check()).toBeUndefined();
    advance(10 * 60_000); // ten quiet minutes, nothing waiting
    expect(await watchdog.check()).toBeUndefined();
    state.high = '6'; // the next event arrives; its handler is still at work when the watchdog looks
    advance(1_000);
    expect(await watchdog.check()).toBeUndefined();
    advance(30_000);
    expect(await watchdog.check()).toBeUndefined();
    expect(verdicts).toEqual([]);
  });

  it('calls a partition stuck when its lag has waited longer than the limit with no progress', async () => {
    const { state, watchdog, verdicts } = world();
    watchdog.assigned({ [TOPIC]: [0] });
    await watchdog.check();
    advance(10 * 60_000);
    state.high = '7';
    expect(await watchdog.check()).toBeUndefined(); // lag first seen now
    advance(STUCK_AFTER_MS + 1_000);
    expect(await watchdog.check()).toEqual({ topic: TOPIC, partition: 0, lag: 2, idleSeconds: 121 });
    expect(verdicts).toHaveLength(1);
  });

  it('restarts the clock on progress, on a committed offset that moves, and while the broker is away', async () => {
    const { state, watchdog, verdicts } = world();
    watchdog.assigned({ [TOPIC]: [0] });
    state.high = '9';
    await watchdog.check();
    advance(STUCK_AFTER_MS - 10_000);
    watchdog.progressed(TOPIC, 0); // the handler finished one
    advance(STUCK_AFTER_MS - 10_000);
    state.committed = '6'; // and its offset was committed
    expect(await watchdog.check()).toBeUndefined();
    advance(STUCK_AFTER_MS - 10_000);
    state.brokerUp = false;
    expect(await watchdog.check()).toBeUndefined();
    state.brokerUp = true;
    advance(STUCK_AFTER_MS - 10_000);
    expect(await watchdog.check()).toBeUndefined();
    expect(verdicts).toEqual([]);
  });

  it('counts only partitions assigned to this process', async () => {
    const { state, watchdog, verdicts } = world();
    watchdog.assigned({ [TOPIC]: [1] });
    state.high = '9';
    await watchdog.check();
    advance(STUCK_AFTER_MS * 3);
    expect(await watchdog.check()).toBeUndefined();
    expect(verdicts).toEqual([]);
  });
});
