/**
 * Worker → user across instances. A worker's message is stored first (with its number, once per key), then a
 * job naming the session is appended to a Redis stream read by one consumer group: each job goes to one
 * instance (XREADGROUP), which takes the session's delivery lock, sends every pending message of that session
 * in order through the Bot Framework connector (any instance can: the conversation reference is in the store),
 * marks them delivered, and acknowledges the job. An instance that dies with jobs in hand leaves them pending;
 * another claims them after CLAIM_IDLE_MS (XAUTOCLAIM). Under the lock a message is sent once: what is marked
 * delivered is never sent again.
 */
import { randomBytes } from 'node:crypto';
import type { DeliveryQueue, Deliverer } from '../handoff/scaleOut';
import type { Logger } from '../logging/logger';
import { KEY_PREFIX, pause, type RedisLink } from './redisLink';
import { entriesOf, type StreamEntry } from './streamReply';

export const OUTBOX_STREAM = `${KEY_PREFIX}hub:outbox`;
const GROUP = 'deliver';
const KEEP = 10_000;
const BLOCK_MS = 2000;
/** A job in hand this long without an acknowledgement is taken over by another instance. */
const CLAIM_IDLE_MS = 10_000;
const CLAIM_EVERY_MS = 3000;
const LOCK_MS = 30_000;
const LOCK_WAIT_MS = 60_000;
const UNLOCK = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

export class DeliveryOutbox implements DeliveryQueue {
  private stopped = false;
  private loops: Promise<void>[] = [];
  private readonly working = new Set<Promise<void>>();

  constructor(private readonly redis: RedisLink, private readonly logger: Logger) {}

  async add(sessionId: string): Promise<void> {
    await this.redis.command(['XADD', OUTBOX_STREAM, 'MAXLEN', '~', KEEP, '*', 'session', sessionId]);
  }

  start(chat: Deliverer): void {
    this.loops = [this.read(chat), this.reclaim(chat)];
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
    await Promise.all([...this.working]);
  }

  private async read(chat: Deliverer): Promise<void> {
    const reader = this.redis.blockingClient('outbox');
    let grouped = false;
    while (!this.stopped) {
      try {
        if (!grouped) grouped = await this.ensureGroup();
        const reply = await reader.command(['XREADGROUP', 'GROUP', GROUP, this.redis.instanceId, 'COUNT', 50, 'BLOCK', BLOCK_MS, 'STREAMS', OUTBOX_STREAM, '>']);
        for (const entry of entriesOf(reply)) this.handle(chat, entry);
      } catch (error) {
        // The group is gone when Redis restarted empty: make it again.
        if (String((error as Error).message).includes('NOGROUP')) grouped = false;
        await pause(500);
      }
    }
  }

  /** Takes over the jobs another instance left pending (it died, or Redis dropped its acknowledgement). */
  private async reclaim(chat: Deliverer): Promise<void> {
    while (!this.stopped) {
      await pause(CLAIM_EVERY_MS);
      if (this.stopped) break;
      try {
        const reply = await this.redis.command(['XAUTOCLAIM', OUTBOX_STREAM, GROUP, this.redis.instanceId, CLAIM_IDLE_MS, '0-0', 'COUNT', 50]);
        const claimed = Array.isArray(reply) ? entriesOf(reply[1], true) : [];
        for (const entry of claimed) this.handle(chat, entry);
      } catch {
        // Redis is away; the next round tries again.
      }
    }
  }

  private handle(chat: Deliverer, entry: StreamEntry): void {
    const job = this.deliver(chat, entry).finally(() => this.working.delete(job));
    this.working.add(job);
  }

  private async deliver(chat: Deliverer, entry: StreamEntry): Promise<void> {
    const sessionId = entry.fields.session;
    try {
      if (sessionId) {
        const token = await this.lock(sessionId);
        if (!token) return; // not acknowledged: another instance takes it over later
        try {
          await chat.deliver(sessionId);
        } finally {
          await this.redis.script(UNLOCK, [lockKey(sessionId)], [token]).catch(() => undefined);
        }
      }
      await this.redis.command(['XACK', OUTBOX_STREAM, GROUP, entry.id]);
      await this.redis.command(['XDEL', OUTBOX_STREAM, entry.id]);
    } catch (error) {
      this.logger.warn({ event: 'hub_delivery_deferred', err: (error as Error).message });
    }
  }

  /** Waits for the session's delivery lock (another instance may be sending its earlier messages). */
  private async lock(sessionId: string): Promise<string | undefined> {
    const token = randomBytes(12).toString('hex');
    for (let waited = 0; waited < LOCK_WAIT_MS && !this.stopped; waited += 100) {
      if ((await this.redis.command(['SET', lockKey(sessionId), token, 'NX', 'PX', LOCK_MS])) === 'OK') return token;
      await pause(100);
    }
    return undefined;
  }

  private async ensureGroup(): Promise<boolean> {
    try {
      await this.redis.command(['XGROUP', 'CREATE', OUTBOX_STREAM, GROUP, '0', 'MKSTREAM']);
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
    return true;
  }
}

const lockKey = (sessionId: string) => `${KEY_PREFIX}hub:deliver:${sessionId}`;
