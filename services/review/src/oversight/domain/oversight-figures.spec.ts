import { instanceState, monthsBetween, servingInstance, spread } from './oversight-figures';

describe('oversight figures', () => {
  it('answers a city from its own instance only where it runs one', () => {
    expect(servingInstance('220100', '220000', ['220100'])).toBe('220100');
    expect(servingInstance('220200', '220000', ['220100'])).toBe('220000');
    expect(servingInstance('220000', '220000', ['220100'])).toBe('220000');
  });

  it('marks an instance stale once it has not been heard from for longer than the interval', () => {
    const now = new Date('2026-03-02T08:00:00Z');
    expect(instanceState(new Date('2026-03-02T07:59:00Z'), now, 120_000)).toBe('live');
    expect(instanceState(new Date('2026-03-02T07:58:00Z'), now, 120_000)).toBe('live');
    expect(instanceState(new Date('2026-03-02T07:57:59Z'), now, 120_000)).toBe('stale');
    expect(instanceState(null, now, 120_000)).toBe('never-heard');
  });

  it('gives the median and the nearest-rank 90th percentile of working days', () => {
    expect(spread([])).toEqual({ count: 0, median: null, p90: null, max: null });
    expect(spread([4])).toEqual({ count: 1, median: 4, p90: 4, max: 4 });
    expect(spread([3, 1, 2])).toEqual({ count: 3, median: 2, p90: 3, max: 3 });
    expect(spread([1, 2, 3, 10])).toEqual({ count: 4, median: 2.5, p90: 10, max: 10 });
    // ten stays: the 9th smallest is the 90th percentile
    expect(spread([1, 1, 2, 2, 3, 3, 4, 5, 8, 20]).p90).toBe(8);
  });

  it('lists every month between two, across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
  });
});
