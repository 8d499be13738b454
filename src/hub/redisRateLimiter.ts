/**
 * A per-client limit across instances (the console's sign-in limit, the widget's token route): the same token bucket as `RateLimiter` (a burst of `capacity`,
 * one token back every `refillMs`), kept in Redis and changed in one Lua script, so N instances give a client
 * the budget of one, not N times it. Clients are told apart by an HMAC of their address with a salt kept in
 * Redis (the same on every instance; no address is stored). When Redis is away, this instance's own bucket
 * decides, as in one process.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { RateLimiter, type Limiter, type RateDecision, type RateLimitOptions } from '../server/rateLimiter';
import { KEY_PREFIX, type RedisLink } from './redisLink';

const BUCKET = `
local capacity = tonumber(ARGV[1])
local refill = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local take = ARGV[4] == '1'
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1]) or capacity
local at = tonumber(saved[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) / refill)
local allowed = 0
if tokens >= 1 then
  allowed = 1
  if take then tokens = tokens - 1 end
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * refill) + 1000)
return {allowed, tostring(tokens)}`;

export class RedisRateLimiter implements Limiter {
  private readonly local: RateLimiter;
  private salt?: Promise<string>;

  constructor(private readonly redis: RedisLink, private readonly name: string, private readonly options: RateLimitOptions) {
    this.local = new RateLimiter(options);
  }

  take(clientAddress: string): Promise<RateDecision> {
    return this.decide(clientAddress, true);
  }

  check(clientAddress: string): Promise<RateDecision> {
    return this.decide(clientAddress, false);
  }

  private async decide(clientAddress: string, take: boolean): Promise<RateDecision> {
    try {
      const key = `${KEY_PREFIX}ratelimit:${this.name}:${createHmac('sha256', await this.sharedSalt()).update(clientAddress).digest('base64url')}`;
      const reply = (await this.redis.script(BUCKET, [key], [this.options.capacity, this.options.refillMs, Date.now(), take ? '1' : '0'])) as [number, string];
      if (Number(reply[0]) === 1) return { allowed: true };
      const waitMs = (1 - Number(reply[1])) * this.options.refillMs;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    } catch {
      return take ? this.local.take(clientAddress) : this.local.check(clientAddress);
    }
  }

  private sharedSalt(): Promise<string> {
    this.salt ??= (async () => {
      const key = `${KEY_PREFIX}ratelimit:salt`;
      await this.redis.command(['SET', key, randomBytes(32).toString('base64'), 'NX']);
      const salt = await this.redis.command(['GET', key]);
      if (typeof salt !== 'string') throw new Error('Redis: the rate limit salt is missing.');
      return salt;
    })().catch((error: unknown) => {
      this.salt = undefined;
      throw error;
    });
    return this.salt;
  }
}
