/**
 * Everything the handoff and its console share through Redis when Beacon runs as N instances (REDIS_URL):
 * the hub's events to every instance, the worker → user delivery queue, the one-accept-wins claim, and the
 * console's accounts, sign-in sessions, lockouts, sign-in limit and who is on duty. Built by the handoff wiring;
 * absent without REDIS_URL, where everything stays as in one process.
 */
import type { HandoffStore } from '../handoff/handoffStore';
import type { HubEvents } from '../handoff/hubEvents';
import type { Deliverer, DeliveryQueue, ScaleOut } from '../handoff/scaleOut';
import type { Logger } from '../logging/logger';
import type { RateLimitOptions } from '../server/rateLimiter';
import { DeliveryOutbox } from './deliveryOutbox';
import { EventRelay } from './eventRelay';
import { RedisAccounts, type DurableItems } from './redisAccounts';
import { RedisKeyValue } from './redisKeyValue';
import { RedisLink } from './redisLink';
import { RedisRateLimiter } from './redisRateLimiter';
import { RedisSessionClaims } from './sessionClaims';
import { SharedOnline } from './sharedOnline';

/** Console sessions and lockouts last at most a day; their Redis items go a day after their last change. */
const CONSOLE_ITEM_TTL_MS = 2 * 24 * 60 * 60 * 1000;

export class RedisScaleOut implements ScaleOut {
  readonly redis: RedisLink;
  readonly claims: RedisSessionClaims;
  readonly accounts: RedisAccounts;
  readonly consoleItems: RedisKeyValue;
  readonly online: SharedOnline;
  private relay?: EventRelay;
  private outbox?: DeliveryOutbox;

  /** `durable`: the shared store, which keeps the accounts' durable copy. */
  constructor(url: string, durable: DurableItems, private readonly logger: Logger) {
    this.redis = new RedisLink(url, logger);
    this.claims = new RedisSessionClaims(this.redis);
    this.accounts = new RedisAccounts(this.redis, durable);
    this.consoleItems = new RedisKeyValue(this.redis, CONSOLE_ITEM_TTL_MS);
    this.online = new SharedOnline(this.redis);
  }

  limiter(name: string, options: RateLimitOptions): RedisRateLimiter {
    return new RedisRateLimiter(this.redis, name, options);
  }

  start(parts: { events: HubEvents; chat: Deliverer; store: HandoffStore }): DeliveryQueue {
    const message = async (sessionId: string, seq: number) => (await parts.store.messages(sessionId)).find((m) => m.seq === seq);
    this.relay = new EventRelay(parts.events, this.redis, message, this.logger);
    this.outbox = new DeliveryOutbox(this.redis, this.logger);
    this.relay.start();
    this.outbox.start(parts.chat);
    this.online.start();
    // Back after an outage: what workers sent meanwhile and could not queue is asked for again.
    this.redis.onReady(() => void parts.chat.resume().catch(() => undefined));
    return this.outbox;
  }

  /** For /readyz: rejects when Redis is unreachable. */
  ping(): Promise<void> {
    return this.redis.ping();
  }

  async stop(): Promise<void> {
    this.online.stop();
    await this.relay?.stop();
    await this.outbox?.stop();
    await this.redis.close();
  }
}
