/**
 * Adds (or replaces) a helpline console account in Beacon's configured store (STORAGE, as the running bot
 * reads it: every instance and every restart sees it), with an argon2id hash of a password read from standard
 * input — never from the command line, where it would stay in the shell history. Run it with the same
 * environment as the bot (on Azure: the App Service's SSH console, where the app settings are set).
 *   npm run console:add-user -- <username> --name "Ada" [--role worker|supervisor] [--languages en,fr] [--countries BE,FR]
 * Languages and countries default to "*" (all). The password is asked for (hidden) or read from a pipe.
 */
import { createInterface } from 'node:readline';
import { loadConfig } from '../src/config';
import { HandoffStore } from '../src/handoff/handoffStore';
import { RedisAccounts } from '../src/hub/redisAccounts';
import { RedisLink } from '../src/hub/redisLink';
import { createLogger } from '../src/logging/logger';
import { createStorage } from '../src/storage/createStorage';
import { storageOptionsFor } from '../src/storage/storageSettings';
import { Accounts, accountSchema, type AccountBook } from '../src/server/console/accounts';
import { hashPassword } from '../src/server/console/passwordHash';

const MIN_PASSWORD = 12;

export function parseArgs(argv: string[]): { username: string; name: string; role: string; languages: '*' | string[]; countries: '*' | string[] } {
  const [username, ...rest] = argv;
  const option = (flag: string) => {
    const i = rest.indexOf(flag);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const scope = (value: string | undefined, upper: boolean) =>
    !value || value === '*' ? ('*' as const) : value.split(',').map((s) => (upper ? s.trim().toUpperCase() : s.trim().toLowerCase()));
  if (!username) throw new Error('Give a user name: npm run console:add-user -- <username> --name "Full name" [--role supervisor]');
  return {
    username: username.toLowerCase(),
    name: option('--name') ?? username,
    role: option('--role') ?? 'worker',
    languages: scope(option('--languages'), false),
    countries: scope(option('--countries'), true)
  };
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')));
    rl.close();
    return line.replace(/\r$/, '');
  }
  // A terminal: read key by key without echo, so the password is not on the screen.
  process.stdout.write('Password (at least 12 characters, not shown): ');
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let password = '';
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\u0003') process.exit(130);
        if (ch === '\r' || ch === '\n') {
          process.stdin.off('data', onData);
          return resolve();
        }
        password = ch === '\u007f' ? password.slice(0, -1) : password + ch;
      }
    };
    process.stdin.on('data', onData);
  });
  process.stdin.setRawMode(false);
  process.stdin.pause();
  process.stdout.write('\n');
  return password;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  process.stdout.write(`${await addUser(args, await readPassword())}\n`);
}

/** Saves the account in the store `env` configures; returns what was done, as one line. */
export async function addUser(args: ReturnType<typeof parseArgs>, password: string, env?: NodeJS.ProcessEnv): Promise<string> {
  if (password.length < MIN_PASSWORD) throw new Error(`The password must have at least ${MIN_PASSWORD} characters.`);
  const account = accountSchema.parse({ ...args, hash: await hashPassword(password) });
  const config = env ? loadConfig(env) : loadConfig();
  if (config.STORAGE === 'memory') throw new Error('STORAGE=memory lives inside the running Beacon only: set STORAGE to the store the bot uses (e.g. sqlite) and run this again.');
  const storage = await createStorage(storageOptionsFor(config));
  // N instances read their accounts from Redis: write there (with the store's copy), so every instance knows it at once.
  const shared = config.REDIS_URL ? new RedisLink(config.REDIS_URL, createLogger('silent')) : undefined;
  try {
    const accounts: AccountBook = shared ? new RedisAccounts(shared, new HandoffStore(storage)) : new Accounts(storage);
    if (shared) await shared.whenUp();
    await accounts.save(account);
    return `Saved ${account.role} "${account.username}" in ${accounts.where}.`;
  } finally {
    await shared?.close();
    await storage.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
