import { describe, expect, it } from 'vitest';
import { RateLimiter, secondsUntilAllowed } from './ratelimit.ts';

describe('RateLimiter', () => {
  it('allows `limit` requests per key, then refills over the window', () => {
    let now = 0;
    const limiter = new RateLimiter(3, 300_000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
    expect(limiter.take('b')).toBe(true);
    now += 100_000; // a third of the window refills one request
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('a')).toBe(false);
    now += 300_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
  });
  it('refuses everything when the limit is zero', () => {
    expect(new RateLimiter(0, 1000).take('a')).toBe(false);
  });
});

describe('secondsUntilAllowed', () => {
  it('rounds the remaining wait up to whole seconds', () => {
    const sent = new Date(10_000);
    expect(secondsUntilAllowed(sent, 60_000, 10_500)).toBe(60);
    expect(secondsUntilAllowed(sent, 1000, 10_999)).toBe(1);
    expect(secondsUntilAllowed(sent, 1000, 11_000)).toBe(0);
    expect(secondsUntilAllowed(null, 1000, 0)).toBe(0);
  });
});
