import { ObjectionRateLimiter } from './objection-rate-limiter';

describe('ObjectionRateLimiter', () => {
  it('allows `limit` per window per address, then refuses until the window slides', () => {
    const limiter = new ObjectionRateLimiter(2, 1000);
    expect(limiter.tryAcquire('1.2.3.4', 0)).toBe(true);
    expect(limiter.tryAcquire('1.2.3.4', 100)).toBe(true);
    expect(limiter.tryAcquire('1.2.3.4', 200)).toBe(false);
    expect(limiter.tryAcquire('5.6.7.8', 200)).toBe(true);
    expect(limiter.tryAcquire('1.2.3.4', 1001)).toBe(true);
  });
});
