/**
 * A per-client token bucket, in memory: each client may take `capacity` tokens at once and gets one back every
 * `refillMs`. Clients are told apart by a salted hash of their address, so no address is kept — not in memory,
 * not in logs — and the salt dies with the process. Buckets that have refilled are forgotten, which keeps the
 * map small. One instance per process: behind N instances a client gets N times the budget, which is fine for
 * its purpose (stopping one script from draining the Direct Line quota), not a security boundary; with REDIS_URL
 * the instances share one bucket per client instead (src/hub/redisRateLimiter.ts).
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface RateLimitOptions {
  capacity: number;
  refillMs: number;
  /** Injected in tests. */
  now?: () => number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A limit decided here (`RateLimiter`) or shared by N instances (src/hub/redisRateLimiter.ts). */
export interface Limiter {
  take(clientAddress: string): RateDecision | Promise<RateDecision>;
  check(clientAddress: string): RateDecision | Promise<RateDecision>;
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** Above this many remembered clients, full buckets are swept on the next request. */
const SWEEP_ABOVE = 10_000;

export class RateLimiter implements Limiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly salt = randomBytes(32);
  private readonly now: () => number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Takes one token for `clientAddress`, or says how long to wait for the next. */
  take(clientAddress: string): RateDecision {
    return this.decide(clientAddress, true);
  }

  /** Says whether `clientAddress` has a token left, without taking it (to count only failures, say). */
  check(clientAddress: string): RateDecision {
    return this.decide(clientAddress, false);
  }

  private decide(clientAddress: string, take: boolean): RateDecision {
    const key = createHmac('sha256', this.salt).update(clientAddress).digest('base64url');
    const now = this.now();
    if (this.buckets.size > SWEEP_ABOVE) this.sweep(now);
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      if (take) bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      return { allowed: true };
    }
    this.buckets.set(key, bucket);
    const waitMs = (1 - bucket.tokens) * this.options.refillMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** How many clients are remembered (for tests). */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    const { capacity, refillMs } = this.options;
    if (!bucket) return { tokens: capacity, updated: now };
    const tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) / refillMs);
    return { tokens, updated: now };
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens >= this.options.capacity) this.buckets.delete(key);
    }
  }
}
