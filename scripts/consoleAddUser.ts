/**
 * Adds (or replaces) a helpline console account in <DATA_DIR>/console-users.json, with an argon2id hash of a
 * password read from standard input — never from the command line, where it would stay in the shell history.
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
import { Accounts, accountSchema } from '../src/server/console/accounts';
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
  const password = await readPassword();
  if (password.length < MIN_PASSWORD) throw new Error(`The password must have at least ${MIN_PASSWORD} characters.`);
  const account = accountSchema.parse({ ...args, hash: await hashPassword(password) });
  const config = loadConfig();
  // N instances read their accounts from Redis: write there, so every instance knows the account at once.
  const shared = config.REDIS_URL ? new RedisLink(config.REDIS_URL, createLogger('silent')) : undefined;
  const storage = shared ? await createStorage({ kind: config.STORAGE, dataDir: config.dataDir }) : undefined;
  try {
    const accounts = shared && storage ? new RedisAccounts(shared, new HandoffStore(storage)) : new Accounts(config.dataDir);
    if (shared) await shared.whenUp();
    await accounts.save(account);
    process.stdout.write(`Saved ${account.role} "${account.username}" in ${accounts.where}.\n`);
  } finally {
    await shared?.close();
    await storage?.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
