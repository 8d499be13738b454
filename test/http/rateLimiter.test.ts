/**
 * The per-client token bucket behind the Direct Line token route, on a fake clock.
 */
import { RateLimiter } from '../../src/server/rateLimiter';

function limiter(capacity = 3, refillMs = 1000) {
  let now = 0;
  const limit = new RateLimiter({ capacity, refillMs, now: () => now });
  return { limit, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('allows a burst up to the capacity, then says how long to wait', () => {
    const { limit } = limiter();
    expect([1, 2, 3].map(() => limit.take('a').allowed)).toEqual([true, true, true]);
    expect(limit.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('gives one token back per refill period', () => {
    const { limit, advance } = limiter();
    for (let i = 0; i < 3; i += 1) limit.take('a');
    advance(1000);
    expect(limit.take('a').allowed).toBe(true);
    expect(limit.take('a').allowed).toBe(false);
  });

  it('keeps each client to its own bucket', () => {
    const { limit } = limiter(1);
    expect(limit.take('a').allowed).toBe(true);
    expect(limit.take('b').allowed).toBe(true);
    expect(limit.take('a').allowed).toBe(false);
  });

  it('forgets refilled clients once it remembers many, so memory stays bounded', () => {
    const { limit, advance } = limiter(1, 10);
    for (let i = 0; i <= 10_001; i += 1) limit.take(`client-${i}`);
    advance(100);
    limit.take('one more');
    expect(limit.size).toBe(1);
  });
});
