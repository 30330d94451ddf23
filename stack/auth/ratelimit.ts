// Token-bucket limiter like GoTrue's (tollbooth: `n` requests per window, burst `n`), keyed by an
// IP or address. The clock is injectable so the unit tests need no sleeping.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when the bucket is empty (the request must be refused). */
  take(key: string): boolean {
    if (this.limit <= 0) return false;
    const now = this.now();
    const perMs = this.limit / this.windowMs;
    const bucket = this.buckets.get(key) ?? { tokens: this.limit, at: now };
    bucket.tokens = Math.min(this.limit, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    this.prune(now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private prune(now: number): void {
    if (this.buckets.size < 10_000) return;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > this.windowMs) this.buckets.delete(key);
  }
}

/**
 * How many seconds are left before another email of this kind may go to the same address
 * (GoTrue's `max_frequency`), or 0 when it may be sent now.
 */
export function secondsUntilAllowed(lastSentAt: Date | null, maxFrequencyMs: number, now = Date.now()): number {
  if (!lastSentAt) return 0;
  const wait = lastSentAt.getTime() + maxFrequencyMs - now;
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}
