/**
 * Small JSON items in Redis with a lifetime — the console's sign-in sessions and lockouts when Beacon runs as
 * N instances — offering the same `get` / `update` / `remove` as the handoff store. An update is a
 * compare-and-set in one Lua script (the value it read is still there, or it tries again), so two instances
 * counting a wrong password at once never lose one. Every item expires after `ttlMs` without a write.
 */
import { KEY_PREFIX, type RedisLink } from './redisLink';

const MAX_ATTEMPTS = 8;
const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if (current == false and ARGV[1] == '') or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

export class RedisKeyValue {
  constructor(private readonly redis: RedisLink, private readonly ttlMs: number) {}

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.redis.command(['GET', KEY_PREFIX + key]);
    return typeof raw === 'string' ? (JSON.parse(raw) as T) : undefined;
  }

  async update<T extends object>(key: string, change: (current: T | undefined) => T): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const raw = await this.redis.command(['GET', KEY_PREFIX + key]);
      const before = typeof raw === 'string' ? raw : '';
      const next = change(before ? (JSON.parse(before) as T) : undefined);
      const written = await this.redis.script(COMPARE_AND_SET, [KEY_PREFIX + key], [before, JSON.stringify(next), this.ttlMs]);
      if (written === 1) return next;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`Redis: the item could not be changed after ${MAX_ATTEMPTS} attempts (others kept changing it).`);
    }
  }

  async remove(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.command(['DEL', ...keys.map((k) => KEY_PREFIX + k)]);
  }
}
