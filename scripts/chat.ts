/**
 * `npm run chat -- --lang fr --audience parent`: the real bot in the terminal, for content authors. It is the bot
 * the server runs (assembleBot: safety middleware, router, engine, content from dialogs/ and locales/), on
 * botbuilder's TestAdapter with the memory store and no HTTP. Messages are rendered as on SMS, where there are no
 * buttons: every question shows its choices as a numbered list and is answered with the number (or the words).
 *
 * Options: --lang <code> (a shipped language), --audience young_person|parent|other_adult, --age under13|13to17
 * (implies a young person), --script <id> (start that script instead of the welcome flow). Reads one message per
 * line from stdin, a terminal or a pipe; stops at end of input or Ctrl-C. Nothing is kept after it exits.
 */
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import pino from 'pino';
import { assembleBot, type BotParts } from '../src/assembleBot';
import type { Profile } from '../src/bot/state';
import { greetOnce } from '../src/bot/welcome';
import { audiences } from '../src/content/scriptSchema';
import { createLogger } from '../src/logging/logger';
import { MemoryStorage } from '../src/storage/memoryStorage';

const ROOT_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
/** The channel whose rendering the preview shows: plain text, choices as numbers. */
const CHANNEL_ID = 'sms';
const AGES = ['under13', '13to17'] as const;

export interface ChatOptions {
  language?: string;
  audience?: NonNullable<Profile['audience']>;
  ageBand?: (typeof AGES)[number];
  /** A script id to start instead of `start` (after the welcome). */
  script?: string;
  rootDir?: string;
  /** Beacon's own logs go to stderr; 'silent' in tests. */
  logLevel?: string;
}

/** One conversation with the bot: `open()` once, then `send()` each line; each returns what the bot said. */
export class ChatSession {
  private constructor(
    private readonly parts: BotParts,
    private readonly adapter: TestAdapter,
    private readonly storage: MemoryStorage,
    private readonly options: ChatOptions
  ) {}

  static async create(options: ChatOptions = {}): Promise<ChatSession> {
    const storage = new MemoryStorage();
    const logger = createLogger(options.logLevel ?? 'warn', pino.destination(2));
    const parts = await assembleBot({ rootDir: options.rootDir ?? ROOT_DIR, storage, defaultLocale: 'en', logger });
    const language = options.language ?? 'en';
    if (!parts.translator.languages.includes(language)) {
      throw new Error(`--lang ${language}: Beacon ships ${parts.translator.languages.join(', ')} (the folders in locales/).`);
    }
    if (options.script && !parts.scripts.has(options.script)) {
      throw new Error(`--script ${options.script}: there is no dialogs/${options.script}.json (a script's id is its path under dialogs/).`);
    }
    const adapter = new TestAdapter(async () => undefined, { channelId: CHANNEL_ID, locale: language });
    adapter.use(parts.middleware);
    adapter.onTurnError = parts.onTurnError;
    return new ChatSession(parts, adapter, storage, { ...options, language });
  }

  /** The user arrives, as on a real channel: the profile is preset, Beacon greets and starts (or runs --script). */
  async open(): Promise<string[]> {
    const { bot, engine, state, translator } = this.parts;
    return this.turn({ type: 'conversationUpdate', membersAdded: [{ id: 'user', name: 'author' }] }, async (context) => {
      const profile = await state.profile.get(context, {});
      const { language, audience, ageBand } = this.options;
      await state.profile.set(context, { ...profile, language, ...(audience && { audience }), ...(ageBand && { ageBand }) });
      if (!this.options.script) return bot.run(context);
      await greetOnce(context, state, translator);
      await engine.startScript(context, this.options.script);
      await state.save(context);
    });
  }

  async send(text: string): Promise<string[]> {
    return this.turn({ type: 'message', text }, (context) => this.parts.bot.run(context));
  }

  async close(): Promise<void> {
    await this.storage.close();
  }

  private async turn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<string[]> {
    await this.adapter.processActivity(activity, logic);
    return this.adapter.activeQueue.splice(0).filter((a) => a.type === 'message').map(visibleText);
  }
}

/** Plays `lines` as one conversation and returns every bot message, the welcome first. */
export async function runChat(lines: readonly string[], options: ChatOptions = {}): Promise<string[]> {
  const session = await ChatSession.create(options);
  try {
    const out = await session.open();
    for (const line of lines) out.push(...(await session.send(line)));
    return out;
  } finally {
    await session.close();
  }
}

/** The text, with any buttons (other channels) listed as numbers, so nothing a user could tap is hidden. */
function visibleText(activity: Partial<Activity>): string {
  const buttons = [
    ...(activity.suggestedActions?.actions ?? []),
    ...(activity.attachments ?? []).flatMap((a) => (a.content as { buttons?: { title: string }[] } | undefined)?.buttons ?? [])
  ].map((b, i) => `${i + 1}. ${b.title}`);
  const text = activity.text ?? (activity.attachments?.[0]?.content as { text?: string } | undefined)?.text ?? '';
  return [text, ...buttons].filter(Boolean).join('\n');
}

export function parseChatArgs(argv: string[]): ChatOptions & { help?: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: { lang: { type: 'string' }, audience: { type: 'string' }, age: { type: 'string' }, script: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
  });
  const oneOf = <T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
    if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
    throw new Error(`--${name} ${value}: use one of ${allowed.join(', ')}.`);
  };
  const ageBand = oneOf('age', values.age, AGES);
  const audience = oneOf('audience', values.audience, audiences) ?? (ageBand ? 'young_person' : undefined);
  if (ageBand && audience !== 'young_person') throw new Error('--age is for --audience young_person.');
  return { language: values.lang?.toLowerCase(), audience, ageBand, script: values.script, help: values.help };
}

const USAGE = 'Usage: npm run chat -- [--lang fr] [--audience young_person|parent|other_adult] [--age under13|13to17] [--script youth/grooming]';

/** "Beacon: " before each message, its further lines indented under it. */
function print(messages: string[]): void {
  for (const message of messages) console.log(`Beacon: ${message.split('\n').map((line, i) => (i === 0 || !line ? line : `        ${line}`)).join('\n')}`);
}

async function main(): Promise<number> {
  let options: ReturnType<typeof parseChatArgs>;
  try {
    options = parseChatArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) return (console.log(USAGE), 0);
  const session = await ChatSession.create(options);
  const tty = Boolean(process.stdin.isTTY);
  const rl = readline.createInterface({ input: process.stdin, output: tty ? process.stdout : undefined, terminal: tty, prompt: '> ' });
  rl.on('SIGINT', () => rl.close());
  print(await session.open());
  rl.prompt();
  for await (const line of rl) {
    if (!tty) console.log(`> ${line}`);
    print(await session.send(line));
    rl.prompt();
  }
  await session.close();
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`The preview could not start: ${(error as Error).message}`);
      process.exit(1);
    }
  );
}
