/**
 * Drives the whole bot (middleware, router, engine, real content, memory store) to a kind of prompt by a fixed
 * path of button taps, as a user would reach it, then sends one typed message and reports what Beacon did:
 * the decision, the scripts it opened, the profile after the turn, the open "which did you mean" and the replies.
 */
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { assembleBot, type BotParts } from '../../assembleBot';
import type { Profile } from '../../bot/state';
import { turnLanguage } from '../../bot/turnLanguage';
import { createLogger } from '../../logging/logger';
import { traceOf, type TurnTrace } from '../../engine/turnTrace';
import { MemoryStorage } from '../../storage/memoryStorage';
import { readingOf, type Reading } from '../reading';

export const PROMPT_KINDS = ['greeting', 'audience', 'age', 'menu', 'lesson', 'country', 'danger'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];
export type Speaker = 'child' | 'parent' | 'adult';

export interface TurnOutcome {
  trace: TurnTrace;
  profile: Profile;
  language: string;
  /** Script ids of an open "which did you mean", if the bot asked one. */
  which?: string[];
  texts: string[];
  /** The scripts on the dialog stack after the turn, bottom first: where the user is. */
  stack: string[];
  /** The reading's best topic score, when it routed (for the dev report). */
  topicScore?: number;
  /** The turn's whole reading (for looking into a miss on the dev part). */
  reading?: Reading;
}

/** The country each language's user is in when a path needs one (the danger prompt gives the numbers first). */
const HOME: Record<string, string> = { en: 'GB', fr: 'FR', de: 'DE', es: 'ES', it: 'IT', nl: 'NL', pl: 'PL', ro: 'RO', tr: 'TR', uk: 'UA' };
const AUDIENCE_CHOICE: Record<Speaker, string> = { child: 'young', parent: 'parent', adult: 'other' };
/** The lesson each speaker is in for the `lesson` prompt: one tap from their menu, then a question with buttons. */
const LESSON: Record<Speaker, { menu: string; choice: string }> = {
  child: { menu: 'menu/youth', choice: 'sextortion' },
  parent: { menu: 'menu/parent', choice: 'warning-signs' },
  adult: { menu: 'menu/adult', choice: 'warning-signs' }
};

export class ConversationDriver {
  private counter = 0;

  private constructor(private readonly parts: BotParts) {}

  static async create(rootDir: string): Promise<ConversationDriver> {
    const parts = await assembleBot({ rootDir, storage: new MemoryStorage(), defaultLocale: 'en', logger: createLogger('silent') });
    return new ConversationDriver(parts);
  }

  get bot(): BotParts {
    return this.parts;
  }

  /** A new conversation in `language`, already at the prompt of that kind for that speaker. */
  async at(kind: PromptKind, speaker: Speaker, language: string): Promise<DrivenConversation> {
    const conversation = new DrivenConversation(this.parts, `eval-${++this.counter}`, language);
    if (kind === 'greeting') return conversation;
    await conversation.join();
    if (kind === 'audience') return conversation;
    await conversation.tap('start', 'who', AUDIENCE_CHOICE[speaker]);
    if (kind === 'age') return conversation;
    if (speaker === 'child') await conversation.tap('start', 'age', '13to17');
    if (kind === 'menu') return conversation;
    if (kind === 'lesson') {
      await conversation.tap(LESSON[speaker].menu, 'topics', LESSON[speaker].choice);
      return conversation;
    }
    if (kind === 'country') {
      // "Find a helpline" asks the country at once when it is not known (the numbers come before any other question).
      await conversation.tap(LESSON[speaker].menu, 'topics', 'helplines');
      return conversation;
    }
    await conversation.startScript('core/crisis', { country: HOME[language] ?? 'GB' });
    return conversation;
  }
}

export class DrivenConversation {
  private readonly adapter: TestAdapter;
  private turns = 0;
  /** What the last turn did (after `at()`, the turn that reached the prompt). */
  last?: TurnOutcome;

  constructor(
    private readonly parts: BotParts,
    private readonly conversationId: string,
    readonly language: string
  ) {
    this.adapter = new TestAdapter(async () => undefined, { channelId: 'webchat', conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' } });
    this.adapter.use(parts.middleware);
    this.adapter.onTurnError = parts.onTurnError;
  }

  get bot(): BotParts {
    return this.parts;
  }

  /** The widget's conversation start: the welcome, then "who is chatting today?". */
  join(): Promise<TurnOutcome> {
    return this.turn({ type: 'conversationUpdate', membersAdded: [{ id: `user-${this.conversationId}`, name: 'user' }] }, (c) => this.parts.bot.run(c));
  }

  /** Taps a button of an ask step, as the widget sends it (its title as text). */
  tap(script: string, step: string, choice: string): Promise<TurnOutcome> {
    return this.send(this.choiceTitle(script, step, choice));
  }

  send(text: string): Promise<TurnOutcome> {
    return this.turn({ type: 'message', text }, (c) => this.parts.bot.run(c));
  }

  /** Opens a script directly over what ran, with profile fields added (a fixed path to a prompt the bot opens itself). */
  startScript(script: string, profile: Profile): Promise<TurnOutcome> {
    return this.turn({ type: 'message', text: '' }, async (context) => {
      const known = await this.parts.state.profile.get(context, {});
      await this.parts.state.profile.set(context, { ...known, ...profile });
      await this.parts.engine.startScript(context, script);
      await this.parts.state.save(context);
    });
  }

  choiceTitle(script: string, step: string, choice: string): string {
    const found = this.parts.scripts.get(script).steps[step];
    const title = found?.type === 'ask' ? found.choices.find((c) => c.id === choice)?.title : undefined;
    if (!title) throw new Error(`${script}: step "${step}" has no choice "${choice}"`);
    return this.parts.translator.t(this.language, title.includes(':') ? title : `${script}:${title}`);
  }

  private async turn(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<TurnOutcome> {
    this.turns += 1;
    let outcome: Omit<TurnOutcome, 'texts'> | undefined;
    const full: Partial<Activity> = {
      id: `${this.conversationId}-${this.turns}`,
      locale: this.language,
      channelId: 'webchat',
      from: { id: `user-${this.conversationId}`, name: 'user' },
      recipient: { id: 'beacon', name: 'Beacon' },
      conversation: { id: this.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      ...activity
    };
    await this.adapter.processActivity(full, async (context) => {
      await logic(context);
      const data = await this.parts.state.conversationData.get(context, {});
      const reading = readingOf(context);
      const topic = reading?.topic;
      const dialogs = await this.parts.state.dialogState.get(context, { dialogStack: [] });
      const stack = (dialogs.dialogStack ?? []).map((d) => String((d.state as { script?: string } | undefined)?.script));
      outcome = { ...(reading ? { reading } : {}), ...(topic?.kind === 'match' ? { topicScore: topic.score } : {}), trace: traceOf(context), stack, profile: { ...(await this.parts.state.profile.get(context, {})) }, language: turnLanguage(context), ...(data.which ? { which: [...data.which] } : {}) };
    });
    const replies = this.adapter.activeQueue.splice(0);
    this.last = { ...outcome!, texts: replies.filter((r) => r.type === 'message').map((r) => r.text ?? '') };
    return this.last;
  }
}
