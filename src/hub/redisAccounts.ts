/**
 * Worker accounts when Beacon runs as N instances: `npm run console:add-user` with REDIS_URL set writes here,
 * and every instance reads here on each sign-in, so an account added once works everywhere at once. Redis holds
 * one hash (a field per user name, the account as JSON: an argon2id hash, never a password); the shared store
 * keeps the durable copy, so a Redis that restarts empty (no persistence) gets the accounts back on the next
 * read instead of locking every worker out. Each account is checked with the accounts file's schema.
 */
import { accountSchema, type Account, type AccountBook } from '../server/console/accounts';
import { KEY_PREFIX, type RedisLink } from './redisLink';

export const ACCOUNTS_KEY = `${KEY_PREFIX}console:users`;
/** The durable copy's key in the shared store. */
export const STORED_ACCOUNTS = 'console/accounts';

/** The part of the handoff store the accounts need. */
export interface DurableItems {
  get<T>(key: string): Promise<T | undefined>;
  update<T extends object>(key: string, change: (current: T | undefined) => T): Promise<T>;
}

export class RedisAccounts implements AccountBook {
  readonly where = `Redis (${ACCOUNTS_KEY}) and the store (${STORED_ACCOUNTS})`;

  constructor(private readonly redis: RedisLink, private readonly durable: DurableItems) {}

  async all(): Promise<Account[]> {
    await this.restoreIfEmpty();
    const reply = await this.redis.command(['HVALS', ACCOUNTS_KEY]);
    return (Array.isArray(reply) ? reply : []).map((raw) => parse(String(raw)));
  }

  async find(username: string): Promise<Account | undefined> {
    let raw = await this.redis.command(['HGET', ACCOUNTS_KEY, username]);
    if (typeof raw !== 'string' && (await this.restoreIfEmpty())) raw = await this.redis.command(['HGET', ACCOUNTS_KEY, username]);
    return typeof raw === 'string' ? parse(raw) : undefined;
  }

  /** Whether workers exist; while Redis is down the durable copy answers, so a user may still join the queue. */
  async any(): Promise<boolean> {
    try {
      await this.restoreIfEmpty();
      return Number(await this.redis.command(['HLEN', ACCOUNTS_KEY])) > 0;
    } catch {
      return ((await this.durable.get<{ users: Account[] }>(STORED_ACCOUNTS))?.users ?? []).length > 0;
    }
  }

  /** Written to the store first: an account Redis has is always one the store keeps. */
  async save(account: Account): Promise<void> {
    const valid = accountSchema.parse(account);
    await this.durable.update<{ users: Account[] }>(STORED_ACCOUNTS, (box) => ({
      users: [...(box?.users ?? []).filter((a) => a.username !== valid.username), valid]
    }));
    await this.redis.command(['HSET', ACCOUNTS_KEY, valid.username, JSON.stringify(valid)]);
  }

  /** Puts the durable copy back when Redis has no accounts (it restarted empty); true when it did. */
  private async restoreIfEmpty(): Promise<boolean> {
    if (Number(await this.redis.command(['HLEN', ACCOUNTS_KEY])) > 0) return false;
    const users = (await this.durable.get<{ users: Account[] }>(STORED_ACCOUNTS))?.users ?? [];
    if (users.length === 0) return false;
    await this.redis.command(['HSET', ACCOUNTS_KEY, ...users.flatMap((a) => [a.username, JSON.stringify(a)])]);
    return true;
  }
}

function parse(raw: string): Account {
  const parsed = accountSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`Console: an account in ${ACCOUNTS_KEY} is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
