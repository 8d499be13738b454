/**
 * Who has the console open, across instances. The console stream counts the sockets each worker has open on
 * this instance (the Map it already uses); each name is also kept in a Redis sorted set with an expiry that
 * this instance renews every REFRESH_MS, so `size` — the workers on duty, for the wait estimate and the
 * supervisor's count — counts those on every instance, and an instance that dies drops out within TTL_MS.
 * When Redis is away, `size` counts this instance's workers only.
 */
import { KEY_PREFIX, type RedisLink } from './redisLink';

export const ONLINE_KEY = `${KEY_PREFIX}console:online`;
const TTL_MS = 30_000;
const REFRESH_MS = 10_000;

export class SharedOnline extends Map<string, number> {
  private elsewhere = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly redis: RedisLink) {
    super();
  }

  start(): void {
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
    this.timer.unref();
    void this.refresh();
  }

  stop(): void {
    clearInterval(this.timer);
    const members = [...super.keys()].map((name) => this.member(name));
    if (members.length > 0) void this.redis.command(['ZREM', ONLINE_KEY, ...members]).catch(() => undefined);
  }

  override set(username: string, sockets: number): this {
    const isNew = !super.has(username);
    super.set(username, sockets);
    if (isNew && this.redis) void this.redis.command(['ZADD', ONLINE_KEY, Date.now() + TTL_MS, this.member(username)]).catch(() => undefined);
    return this;
  }

  override delete(username: string): boolean {
    const had = super.delete(username);
    if (had) void this.redis.command(['ZREM', ONLINE_KEY, this.member(username)]).catch(() => undefined);
    return had;
  }

  /** Workers with the console open on any instance. */
  override get size(): number {
    return new Set([...super.keys(), ...this.elsewhere]).size;
  }

  /** Renews this instance's names, forgets expired ones, and reads who is on duty everywhere. */
  async refresh(): Promise<void> {
    try {
      const now = Date.now();
      const mine = [...super.keys()].flatMap((name) => [now + TTL_MS, this.member(name)]);
      if (mine.length > 0) await this.redis.command(['ZADD', ONLINE_KEY, ...mine]);
      await this.redis.command(['ZREMRANGEBYSCORE', ONLINE_KEY, '-inf', now]);
      const members = await this.redis.command(['ZRANGE', ONLINE_KEY, 0, -1]);
      this.elsewhere = new Set((Array.isArray(members) ? members : []).map((m) => String(m).split('\u0000')[1] ?? ''));
      this.elsewhere.delete('');
    } catch {
      this.elsewhere = new Set();
    }
  }

  private member(username: string): string {
    return `${this.redis.instanceId}\u0000${username}`;
  }
}
