/**
 * Everything the bot says to the user about the handoff, in their language (`locales/<lang>/handoff.json`),
 * both inside their own turn and proactively. Worker messages are labelled as a person's (DESIGN.md rule 6).
 */
import type { TurnContext } from 'botbuilder';
import type { BeaconState } from '../bot/state';
import type { Translator } from '../content/translator';
import type { HelplineResponder } from '../engine/engineServices';
import { sendChoices, sendTexts } from '../engine/output';
import type { HandoffSession } from './handoffTypes';

export const WAITING_CHOICES = ['keepWaiting', 'numbers', 'cancel'] as const;
export const FEEDBACK_CHOICES = ['yes', 'somewhat', 'no', 'skip'] as const;

/** Notices that start or end a live chat say so in channelData, so the web widget's header can name who is talking. */
const LIVE_CHAT: Record<string, 'started' | 'ended'> = {
  'chat.accepted': 'started',
  'chat.transferredColleague': 'ended',
  'chat.transferredQueue': 'ended',
  'chat.endedByWorker': 'ended',
  'chat.endedByPlatform': 'ended',
  'chat.endedByUser': 'ended',
  'chat.platformFailed': 'ended'
};

export class UserNotices {
  constructor(
    private readonly translator: Translator,
    private readonly helplines: HelplineResponder,
    private readonly state: BeaconState
  ) {}

  t(language: string, key: string, values: Record<string, unknown> = {}): string {
    return this.translator.t(language, `handoff:${key}`, values);
  }

  /** Texts already made in the user's language (from `t`), one message each. */
  async sayTexts(context: TurnContext, language: string, texts: string[]): Promise<void> {
    await sendTexts(context, texts, language);
  }

  async say(context: TurnContext, language: string, keys: Array<string | [string, Record<string, unknown>]>): Promise<void> {
    const texts = keys.map((k) => (typeof k === 'string' ? this.t(language, k) : this.t(language, k[0], k[1])));
    const [key, values] = typeof keys[0] === 'string' ? [keys[0], {}] : (keys[0] ?? ['', {}]);
    const live = LIVE_CHAT[key];
    const name = (values as { name?: unknown }).name;
    await sendTexts(context, texts, language, live ? { beaconLiveChat: live, beaconWorkerName: typeof name === 'string' ? name : undefined } : undefined);
  }

  /**
   * Position and wait, then the three choices: keep waiting, the numbers instead, cancel. A wait of about a minute
   * (a worker is free) is said as "in a minute or two", never "about 1 minutes".
   */
  async position(context: TurnContext, language: string, key: 'queue.joined' | 'queue.update' | 'queue.already', position: number, minutes: number): Promise<void> {
    const said = minutes <= 1 && key !== 'queue.already' ? `${key}Soon` : key;
    await this.say(context, language, [[said, { position, minutes }]]);
    await this.choices(context, language, 'queue.prompt', WAITING_CHOICES.map((c) => `queue.${c}`));
  }

  async choices(context: TurnContext, language: string, prompt: string | [string, Record<string, unknown>], keys: string[]): Promise<void> {
    const options = keys.map((k) => ({ title: this.t(language, k), value: this.t(language, k) }));
    const text = typeof prompt === 'string' ? this.t(language, prompt) : this.t(language, prompt[0], prompt[1]);
    await sendChoices(context, text, options, language, this.translator.t(language, 'engine.numberedHint'));
  }

  /**
   * The helplines for the user's country and topic: the way on whenever a person is not (or no longer) there.
   * With no country known, never nothing: 116 111 and 112 "in most of Europe" (only 112 when it is urgent), then
   * the country offered, or,
   * during a live chat (`liveChat`), the worker asked instead, so that a child talking to a person is not told to
   * type a bot command.
   */
  async numbers(context: TurnContext, language: string, topic: string, urgency: 'info' | 'urgent' = 'info', liveChat = false): Promise<void> {
    const profile = await this.state.profile.get(context, {});
    if (!profile.country) {
      const next = liveChat ? 'handoff:chat.noCountryWorker' : 'helplines:noCountry';
      const first = urgency === 'urgent' ? 'common:error.emergency' : 'core/help:explain.europe';
      await sendTexts(context, [this.translator.t(language, first), this.translator.t(language, next)], language);
      return;
    }
    await this.helplines.show(context, { urgency, topic: topic as never }, profile, language);
  }

  async workerMessage(context: TurnContext, session: HandoffSession, text: string, key: string): Promise<void> {
    const line = this.t(session.context.language, 'chat.worker', { name: session.worker?.name ?? '', text });
    // The key travels with the message, so a client that sees the same message twice can drop the copy.
    await context.sendActivity({ type: 'message', text: line, locale: session.context.language, channelData: { beaconHandoffMessage: key, beaconWorkerName: session.worker?.name } });
  }

  /** After the end: the numbers, then one optional question whose answer the worker never sees. */
  async afterEnd(context: TurnContext, session: HandoffSession, ended: string, feedback = true): Promise<void> {
    const language = session.context.language;
    await this.say(context, language, [[ended, { name: session.worker?.name ?? '' }], 'chat.after']);
    await this.numbers(context, language, session.context.topic);
    if (feedback) await this.choices(context, language, 'feedback.prompt', FEEDBACK_CHOICES.map((c) => `feedback.${c}`));
  }
}
