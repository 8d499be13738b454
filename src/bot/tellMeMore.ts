/**
 * At most a few bubbles per bot turn on a phone (issue 17; content review 2026-12, finding 9: a frightened child
 * reads the first two or three). Counted as the content checker's `message-run` rule counts: up to `maxBubbles`
 * messages, then the question they lead to. When a turn says more, the first `maxBubbles` go out, the
 * last of them with a "Tell me more" button, and the rest waits in the conversation's state until the user taps it
 * or types "more" / "tell me more" in any shipped language. Anything else the user writes drops what was waiting and
 * is answered as usual: they have moved on, and their message must never be swallowed.
 *
 * Only Beacon's own texts are held back (never a helpline worker's message, never a notice that starts or ends a
 * live chat: anything with `channelData` goes out whole), and the welcome is a batch of its own, so the first
 * question is never hidden behind the button.
 */
import { ActionTypes, type Activity, type CardAction } from 'botbuilder';
import { capabilitiesFor } from '../channels/capabilities';
import type { Translator } from '../content/translator';

/** What is kept of a held-back activity: the shape it is shown in, nothing about the turn or the user. */
export type WaitingMessage = Pick<Partial<Activity>, 'type' | 'text' | 'textFormat' | 'locale' | 'inputHint' | 'attachments' | 'suggestedActions'>;

const KEPT = ['type', 'text', 'textFormat', 'locale', 'inputHint', 'attachments', 'suggestedActions'] as const;

export const TELL_ME_MORE_KEY = 'common:more.button';
export const TELL_ME_MORE_WORDS = 'common:more.synonyms';

/** The most bubbles one batch may have on this channel; undefined = no limit. */
export function bubbleLimit(channelId: string | undefined): number | undefined {
  return capabilitiesFor(channelId).maxBubbles;
}

/**
 * Splits a batch into what goes out now and what waits. `button` is the translated "Tell me more"; it is added to
 * the last bubble that goes out. A batch within the limit, or one that carries channelData, goes out whole.
 */
export function splitBatch(
  activities: readonly Partial<Activity>[],
  max: number | undefined,
  button: string
): { now: Partial<Activity>[]; waiting: WaitingMessage[] } {
  const bubbles = activities.filter((a) => a.type === 'message');
  // As the content checker counts: up to `max` messages, then the question they lead to.
  const said = isQuestion(bubbles.at(-1)) ? bubbles.length - 1 : bubbles.length;
  if (max === undefined || max < 1 || said <= max || activities.some((a) => a.channelData !== undefined)) {
    return { now: [...activities], waiting: [] };
  }
  const cut = activities.indexOf(bubbles[max - 1] as Partial<Activity>) + 1;
  const now = activities.slice(0, cut);
  const last = now.at(-1) as Partial<Activity>;
  const action: CardAction = { type: ActionTypes.ImBack, title: button, value: button };
  now[now.length - 1] = {
    ...last,
    suggestedActions: { to: last.suggestedActions?.to ?? [], actions: [...(last.suggestedActions?.actions ?? []), action] }
  };
  return { now, waiting: activities.slice(cut).map(keep) };
}

/** True when `text` asks for the rest: the button's title or one of the "more" words, in any shipped language. */
export function asksForMore(text: string | undefined, translator: Translator): boolean {
  const typed = normalize(text ?? '');
  if (!typed) return false;
  return translator.languages.some((language) =>
    [translator.t(language, TELL_ME_MORE_KEY), ...translator.list(language, TELL_ME_MORE_WORDS)].some((word) => normalize(word) === typed)
  );
}

/** The "Tell me more" title in the batch's language. */
export function tellMeMore(translator: Translator, activities: readonly Partial<Activity>[], fallback: string): string {
  const language = activities.find((a) => typeof a.locale === 'string')?.locale ?? fallback;
  return translator.t(language, TELL_ME_MORE_KEY);
}

/** A message that asks: it has buttons, or it waits for the user's answer. */
function isQuestion(activity: Partial<Activity> | undefined): boolean {
  return Boolean(activity?.suggestedActions?.actions?.length || activity?.attachments?.length || activity?.inputHint === 'expectingInput');
}

function keep(activity: Partial<Activity>): WaitingMessage {
  const kept: WaitingMessage = {};
  for (const field of KEPT) {
    if (activity[field] !== undefined) (kept as Record<string, unknown>)[field] = activity[field];
  }
  return kept;
}

function normalize(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}
