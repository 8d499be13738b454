/**
 * Exactly one accept of a waiting conversation wins across instances: an accept first takes a short Redis
 * claim on the session (SET NX PX, atomic in Redis), then makes the eTag-guarded change in the store, then lets
 * the claim go. A second accept that arrives meanwhile, on any instance, is refused at once; one that arrives
 * later finds the session taken in the store. If an instance dies holding a claim, it lapses after CLAIM_MS.
 */
import { randomBytes } from 'node:crypto';
import type { SessionClaims } from '../handoff/scaleOut';
import { KEY_PREFIX, type RedisLink } from './redisLink';

const CLAIM_MS = 15_000;
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

export class RedisSessionClaims implements SessionClaims {
  /** The claims this instance holds now, for as long as one accept lasts. */
  private readonly held = new Map<string, string>();

  constructor(private readonly redis: RedisLink) {}

  async hold(sessionId: string): Promise<boolean> {
    const token = randomBytes(12).toString('hex');
    const reply = await this.redis.command(['SET', claimKey(sessionId), token, 'NX', 'PX', CLAIM_MS]);
    if (reply !== 'OK') return false;
    this.held.set(sessionId, token);
    return true;
  }

  async release(sessionId: string): Promise<void> {
    const token = this.held.get(sessionId);
    if (!token) return;
    this.held.delete(sessionId);
    await this.redis.script(RELEASE, [claimKey(sessionId)], [token]).catch(() => undefined);
  }
}

const claimKey = (sessionId: string) => `${KEY_PREFIX}hub:accept:${sessionId}`;
