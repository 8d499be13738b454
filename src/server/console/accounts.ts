/**
 * Worker accounts (argon2id hashes, never passwords), kept in Beacon's configured store under
 * `console/accounts`, so every instance and every restart sees them — on App Service DATA_DIR is the
 * instance's temporary folder. `npm run console:add-user` writes them there. Accounts in the older
 * `<DATA_DIR>/console-users.json` are still read (the store's copy of a user name wins), so a small server set
 * up that way keeps working. Read on each sign-in, so an account added while Beacon runs works at once.
 * Roles: a worker sees the queues of their languages and countries; a supervisor sees all queues and the floor.
 */
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { StoreItem } from 'botbuilder';
import { z } from 'zod/v4';
import { StorageConflictError, type BeaconStorage } from '../../storage/beaconStorage';

export const USERS_FILE = 'console-users.json';
export const ACCOUNTS_KEY = 'console/accounts';
const MAX_ATTEMPTS = 8;

const scope = z.union([z.literal('*'), z.array(z.string().min(2).max(3))]);
export const accountSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{2,40}$/, 'must be 2–40 lower-case letters, digits, ".", "_" or "-"'),
  name: z.string().min(1).max(60),
  role: z.enum(['worker', 'supervisor']),
  languages: scope,
  countries: scope,
  hash: z.string().startsWith('$argon2id$')
});
const fileSchema = z.object({ users: z.array(accountSchema) });

export type Account = z.infer<typeof accountSchema>;
/** What the console and the API may see of an account: never the hash. */
export type PublicAccount = Omit<Account, 'hash'>;

/** Where accounts are kept: the store (one instance or N), or Redis with a store copy (src/hub/redisAccounts.ts). */
export interface AccountBook {
  /** Where the accounts are, for messages to the operator. */
  readonly where: string;
  all(): Promise<Account[]>;
  find(username: string): Promise<Account | undefined>;
  any(): Promise<boolean>;
  save(account: Account): Promise<void>;
}

export class Accounts implements AccountBook {
  readonly file?: string;

  /** `storage`: where accounts are kept; `dataDir`: where an older accounts file may still be (read only). */
  constructor(private readonly storage: BeaconStorage | undefined, dataDir?: string) {
    this.file = dataDir ? path.join(dataDir, USERS_FILE) : undefined;
  }

  async all(): Promise<Account[]> {
    const stored = await this.stored();
    const names = new Set(stored.map((a) => a.username));
    return [...stored, ...(await this.fromFile()).filter((a) => !names.has(a.username))];
  }

  /** Where `save` writes, for the command's message. */
  get where(): string {
    return this.storage ? `the ${this.storage.kind} store` : (this.file ?? '');
  }

  private async stored(): Promise<Account[]> {
    if (!this.storage) return [];
    const item = (await this.storage.read([ACCOUNTS_KEY]))[ACCOUNTS_KEY] as { users?: unknown } | undefined;
    if (!item) return [];
    const parsed = fileSchema.safeParse({ users: item.users });
    if (!parsed.success) throw new Error(`Console: the accounts in the store are not valid: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data.users;
  }

  private async fromFile(): Promise<Account[]> {
    if (!this.file) return [];
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new Error(`Console: the accounts file ${this.file} is unavailable because it could not be read.`, { cause: error });
    }
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`Console: the accounts file ${this.file} is not valid: ${parsed.error.issues[0]?.message ?? ''}`);
    return parsed.data.users;
  }

  async find(username: string): Promise<Account | undefined> {
    return (await this.all()).find((a) => a.username === username);
  }

  async any(): Promise<boolean> {
    return (await this.all()).length > 0;
  }

  /** Adds or replaces an account in the store (read–modify–write with the item's eTag, retried on conflict). */
  async save(account: Account): Promise<void> {
    const valid = accountSchema.parse(account);
    if (!this.storage) return this.saveToFile(valid);
    for (let attempt = 1; ; attempt++) {
      const current = (await this.storage.read([ACCOUNTS_KEY]))[ACCOUNTS_KEY] as ({ users?: Account[] } & StoreItem) | undefined;
      const users = (current?.users ?? []).filter((a) => a.username !== valid.username);
      users.push(valid);
      try {
        await this.storage.write({ [ACCOUNTS_KEY]: { users, eTag: current?.eTag ?? '*' } });
        return;
      } catch (error) {
        if (!(error instanceof StorageConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Without a store (tests that set up an older DATA_DIR): the file, via a temporary file so a crash never leaves half a file. */
  private async saveToFile(account: Account): Promise<void> {
    if (!this.file) throw new Error('Console: accounts cannot be saved because neither a store nor a data folder was given.');
    const users = (await this.fromFile()).filter((a) => a.username !== account.username);
    users.push(account);
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify({ users }, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, this.file);
  }
}

export function publicAccount(account: Account): PublicAccount {
  const { hash: _hash, ...rest } = account;
  return rest;
}
