/**
 * Worker accounts, configured by the operator with `npm run console:add-user` and kept in
 * `<DATA_DIR>/console-users.json` (argon2id hashes, never passwords). The file is read on each sign-in, so an
 * account added while Beacon runs works at once. Roles: a worker sees the queues of their languages and
 * countries; a supervisor sees all queues and live counts.
 */
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod/v4';

export const USERS_FILE = 'console-users.json';

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

/** Where accounts are kept: the file (one instance), or Redis (N instances, src/hub/redisAccounts.ts). */
export interface AccountBook {
  /** Where the accounts are, for messages to the operator. */
  readonly where: string;
  all(): Promise<Account[]>;
  find(username: string): Promise<Account | undefined>;
  any(): Promise<boolean>;
  save(account: Account): Promise<void>;
}

export class Accounts implements AccountBook {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, USERS_FILE);
  }

  get where(): string {
    return this.file;
  }

  async all(): Promise<Account[]> {
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

  /** Adds or replaces an account; written to a temporary file first so a crash never leaves half a file. */
  async save(account: Account): Promise<void> {
    const users = (await this.all()).filter((a) => a.username !== account.username);
    users.push(accountSchema.parse(account));
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
