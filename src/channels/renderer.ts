/**
 * Turns "a message", "a question with choices" and "a list of links" into Bot Framework activities shaped for the
 * channel, so that users on every channel get the same conversation in the best form the channel allows.
 * The words come from the caller (already translated); this file only decides the form.
 *
 * Choices, in order of preference:
 * 1. suggested actions, when the channel shows at least that many (they vanish after the tap: no stale buttons);
 * 2. a hero card with imBack buttons, when its cards carry that many (Teams: works in 1:1, group chats, channels);
 * 3. a numbered list in the text ("1. Yes"), with the caller's translated hint, answered by number or by title.
 * Every button is an imBack whose value is the title, so a tap sends exactly the text the engine matches.
 * When there are more choices than buttons fit, no buttons are shown at all: a partial set of buttons reads as
 * the whole set, and a young person could miss the option they needed (e.g. "talk to a person"). The same when
 * a title is longer than the channel's buttons allow (Messenger and LINE: 20 characters): a cut title can say
 * the opposite of the whole one, and Messenger refuses the message outright.
 */
import {
  ActionTypes,
  CardFactory,
  InputHints,
  MessageFactory,
  type Activity,
  type CardAction
} from 'botbuilder';
import { capabilitiesFor, type ChannelCapabilities } from './capabilities';
import { splitText } from './splitText';
import { stripMarkdown } from './stripMarkdown';

export interface Choice {
  /** What the user sees and what a tap sends back. */
  title: string;
  /** The caller's id for the choice; not shown, not sent by the channel. */
  value: string;
}

export interface Link {
  title: string;
  /** http(s), mailto: or tel: */
  url: string;
}

export interface ChoiceRenderOptions {
  /** The translated line under a numbered list ("Reply with a number"); omitted when absent. */
  numberedHint?: string;
}

/** One or more message activities carrying `text`, split to the channel's length and stripped where needed. */
export function renderText(text: string, channelId: string | undefined): Partial<Activity>[] {
  return textPieces(text, capabilitiesFor(channelId)).map((piece) => MessageFactory.text(piece));
}

/** The prompt with its choices as buttons where they fit, else as a numbered list; the last activity expects input. */
export function renderChoices(
  prompt: string,
  choices: readonly Choice[],
  channelId: string | undefined,
  options: ChoiceRenderOptions = {}
): Partial<Activity>[] {
  const caps = capabilitiesFor(channelId);
  const count = choices.length;
  const buttons = (): CardAction[] =>
    choices.map(({ title }) => ({ type: ActionTypes.ImBack, title, value: title }));
  // Characters as people count them (code points), not UTF-16 units.
  const titlesFit = choices.every(({ title }) => [...title].length <= (caps.maxButtonTitle ?? Infinity));

  if (count > 0 && titlesFit && count <= caps.suggestedActions) {
    return withLast(textPieces(prompt, caps), (text) =>
      MessageFactory.suggestedActions(buttons(), text, undefined, InputHints.ExpectingInput)
    );
  }
  if (count > 0 && titlesFit && caps.cards !== 'none' && count <= caps.cardButtons) {
    // Card text is plain everywhere: Teams renders no markdown in hero cards, other channels vary.
    const pieces = splitText(stripMarkdown(prompt), caps.maxMessageLength);
    return withLast(pieces, (text) =>
      MessageFactory.attachment(
        CardFactory.heroCard('', text, undefined, buttons()),
        undefined,
        undefined,
        InputHints.ExpectingInput
      )
    );
  }
  const list = choices.map(({ title }, index) => `${index + 1}. ${title}`).join('\n');
  const text = [prompt.trim(), list, options.numberedHint?.trim()].filter(Boolean).join('\n\n');
  return withLast(textPieces(text, caps), (piece) =>
    MessageFactory.text(piece, undefined, InputHints.ExpectingInput)
  );
}

/**
 * Links as markdown links where the channel renders them, else as "title: url" lines. A `tel:` link is a link only
 * where the channel makes it tappable; elsewhere the number is shown as text, which phones detect themselves.
 */
export function renderLinks(links: readonly Link[], channelId: string | undefined): Partial<Activity>[] {
  const caps = capabilitiesFor(channelId);
  const lines = links.map((link) => linkLine(link, caps));
  return renderText(lines.join('\n'), channelId);
}

/**
 * The index of the choice a numbered reply names: "2", " 2.", "2)" or full-width "２" → 1.
 * Anything else, or a number outside 1..count, → undefined (the caller then matches the text as a title).
 */
export function numberedChoiceIndex(text: string, count: number): number | undefined {
  const match = /^\s*(\d{1,3})\s*[.)]?\s*$/.exec(text.normalize('NFKC'));
  if (!match?.[1]) return undefined;
  const number = Number(match[1]);
  return number >= 1 && number <= count ? number - 1 : undefined;
}

function textPieces(text: string, caps: ChannelCapabilities): string[] {
  return splitText(caps.markdown ? text : stripMarkdown(text), caps.maxMessageLength);
}

/** Plain messages for all pieces but the last, which `last` shapes (buttons, card, input hint). */
function withLast(pieces: string[], last: (text: string) => Partial<Activity>): Partial<Activity>[] {
  const head = pieces.slice(0, -1).map((piece) => MessageFactory.text(piece));
  return [...head, last(pieces.at(-1) ?? '')];
}

function linkLine({ title, url }: Link, caps: ChannelCapabilities): string {
  const phone = /^tel:/i.test(url) ? url.slice(4) : undefined;
  if (!caps.markdown) return `${title}: ${phone ?? url}`;
  const label = title.replace(/[[\]]/g, '\\$&');
  const href = phone === undefined ? url : `tel:${phone.replace(/[^\d+]/g, '')}`;
  // A markdown list, because a single line break collapses into a space in most markdown renderers.
  return phone === undefined || caps.telLinks ? `- [${label}](${href})` : `- ${title}: ${phone}`;
}
