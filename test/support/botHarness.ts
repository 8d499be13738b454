/**
 * The whole bot (safety middleware, router, engine, real content) on botbuilder's TestAdapter with the
 * memory store: fast transcript tests without HTTP. One harness is one conversation; `restart()` builds a
 * new bot on the same store, as a server restart would.
 */
import { TestAdapter, type Activity } from 'botbuilder';
import { assembleBot, type BotParts } from '../../src/assembleBot';
import { ROOT_DIR } from '../../src/beacon';
import type { Profile } from '../../src/bot/state';
import { createLogger } from '../../src/logging/logger';
import type { BeaconStorage } from '../../src/storage/beaconStorage';
import { MemoryStorage } from '../../src/storage/memoryStorage';

let shared: Promise<BotParts> | undefined;
const sharedStorage = new MemoryStorage();

export class BotHarness {
  private adapter!: TestAdapter;
  private parts!: BotParts;
  private counter = 0;

  private constructor(
    private readonly storage: BeaconStorage,
    readonly conversationId: string,
    readonly channelId: string,
    public locale: string
  ) {}

  /** A new conversation on a bot built once per test file (content loading and router training are slow-ish). */
  static async create(options: { locale?: string; channelId?: string; fresh?: boolean; storage?: BeaconStorage } = {}): Promise<BotHarness> {
    const own = options.fresh || options.storage !== undefined;
    const storage = options.storage ?? (options.fresh ? new MemoryStorage() : sharedStorage);
    const harness = new BotHarness(storage, `conv-${Math.random().toString(36).slice(2)}`, options.channelId ?? 'test', options.locale ?? 'en');
    await harness.build(own ? build(storage) : (shared ??= build(storage)));
    return harness;
  }

  get bot(): BotParts {
    return this.parts;
  }

  /** Builds a new bot over the same store: what a restart does. */
  async restart(): Promise<void> {
    await this.build(build(this.storage));
  }

  /** Sends a message (text or a full activity) and returns the bot's replies in this turn. */
  async send(input: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    const activity = typeof input === 'string' ? { type: 'message', text: input } : input;
    return this.turn(activity, (context) => this.parts.bot.run(context));
  }

  /** Starts a script directly, as if the user had chosen it, with an optional profile already known. */
  async start(scriptId: string, profile: Profile = {}): Promise<Partial<Activity>[]> {
    return this.turn({ type: 'message', text: '' }, async (context) => {
      const data = await this.parts.state.conversationData.get(context, {});
      data.greeted = true;
      await this.parts.state.profile.set(context, { ...profile, language: profile.language ?? this.locale });
      await this.parts.engine.startScript(context, scriptId);
      await this.parts.state.save(context);
    });
  }

  private async turn(activity: Partial<Activity>, logic: (context: import('botbuilder').TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    this.counter += 1;
    const full: Partial<Activity> = {
      id: `${this.conversationId}-${this.counter}`,
      locale: this.locale,
      channelId: this.channelId,
      from: { id: `user-${this.conversationId}`, name: 'user' },
      recipient: { id: 'beacon', name: 'Beacon' },
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      ...activity
    };
    await this.adapter.processActivity(full, logic);
    return this.adapter.activeQueue.splice(0);
  }

  private async build(parts: Promise<BotParts>): Promise<void> {
    this.parts = await parts;
    this.adapter = new TestAdapter(async () => undefined, { channelId: this.channelId, conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: '' } });
    this.adapter.use(this.parts.middleware);
    this.adapter.onTurnError = this.parts.onTurnError;
  }
}

/** The time the bots of this test file see, for opening hours; `now` unset = the real clock. */
export const harnessClock: { now?: Date } = {};

function build(storage: BeaconStorage): Promise<BotParts> {
  return assembleBot({ rootDir: ROOT_DIR, storage, defaultLocale: 'en', logger: createLogger('silent'), clock: () => harnessClock.now ?? new Date() });
}

/** The visible text of replies, with suggested-action and card button titles appended as [a | b]. */
export function textsOf(replies: Partial<Activity>[]): string[] {
  return replies.filter((r) => r.type === 'message').map((r) => r.text ?? '');
}

export function buttonsOf(replies: Partial<Activity>[]): string[] {
  return replies.flatMap((r) => [
    ...(r.suggestedActions?.actions ?? []).map((a) => String(a.title)),
    ...(r.attachments ?? []).flatMap((a) => ((a.content as { buttons?: { title: string }[] } | undefined)?.buttons ?? []).map((b) => b.title))
  ]);
}
