/**
 * Abuse limit for the public objection form: at most `limit` objections per client address in a sliding window.
 * Kept in memory per process (several replicas each allow `limit`); real time, not the procedure clock.
 */
export class ObjectionRateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; false when the address is over its limit (the attempt is not recorded then). */
  tryAcquire(key: string, nowMs: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(nowMs);
    this.hits.set(key, recent);
    if (this.hits.size > 10000) this.prune(nowMs);
    return true;
  }

  private prune(nowMs: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => t <= nowMs - this.windowMs)) this.hits.delete(key);
  }
}
