/**
 * Worker accounts in Redis when Beacon runs as N instances: `npm run console:add-user` with REDIS_URL set writes
 * here, and every instance reads here on each sign-in, so an account added once works everywhere at once. One
 * hash, one field per user name, each value the account as JSON (an argon2id hash, never a password); each is
 * checked with the same schema as the accounts file.
 */
import { accountSchema, type Account, type AccountBook } from '../server/console/accounts';
import { KEY_PREFIX, type RedisLink } from './redisLink';

export const ACCOUNTS_KEY = `${KEY_PREFIX}console:users`;

export class RedisAccounts implements AccountBook {
  readonly where = `Redis (${ACCOUNTS_KEY})`;

  constructor(private readonly redis: RedisLink) {}

  async all(): Promise<Account[]> {
    const reply = await this.redis.command(['HVALS', ACCOUNTS_KEY]);
    return (Array.isArray(reply) ? reply : []).map((raw) => parse(String(raw)));
  }

  async find(username: string): Promise<Account | undefined> {
    const raw = await this.redis.command(['HGET', ACCOUNTS_KEY, username]);
    return typeof raw === 'string' ? parse(raw) : undefined;
  }

  async any(): Promise<boolean> {
    return Number(await this.redis.command(['HLEN', ACCOUNTS_KEY])) > 0;
  }

  async save(account: Account): Promise<void> {
    const valid = accountSchema.parse(account);
    await this.redis.command(['HSET', ACCOUNTS_KEY, valid.username, JSON.stringify(valid)]);
  }
}

function parse(raw: string): Account {
  const parsed = accountSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`Console: an account in ${ACCOUNTS_KEY} is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}
