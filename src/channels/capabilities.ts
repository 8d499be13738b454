/**
 * What each channel can show, so that the renderer gives every user the same conversation in the best form the
 * channel allows. One table, one place to correct when a channel changes.
 *
 * Where the figures come from (checked 2025):
 * - Bot Framework SDK: botbuilder-dialogs 4.23.3 `choices/channel.ts` (`supportsSuggestedActions`,
 *   `supportsCardActions`) — the SDK's own per-channel button counts.
 * - The platforms' own limits: Microsoft Teams platform docs (suggested actions, cards reference, bot message
 *   formatting), Meta Messenger Platform (quick replies, button template, Send API), Telegram Bot API
 *   (sendMessage), Slack API (chat.postMessage, legacy message attachments), LINE Messaging API (quick reply,
 *   buttons template, text message), Twilio Programmable Messaging (Message resource `Body`).
 * Where a channel has no hard limit, the figure is Beacon's choice and says so.
 */

export interface ChannelCapabilities {
  /** Most suggested-action buttons the channel reliably shows; 0 = do not use suggested actions. */
  suggestedActions: number;
  /** Richest card the channel renders; 'none' = text only. */
  cards: 'adaptive' | 'hero' | 'none';
  /** Most buttons one hero card may carry; 0 when there are no cards. */
  cardButtons: number;
  /** True when `**bold**` and `[text](url)` render as formatting rather than as literal characters. */
  markdown: boolean;
  /** Longest text (in UTF-16 code units) sent as one message; longer text is split. */
  maxMessageLength: number;
  /** True when a `tel:` link is tappable; elsewhere the number is shown as text (phones detect it themselves). */
  telLinks: boolean;
  /**
   * Longest button title (in characters) the channel shows or accepts in full; absent = no limit that matters.
   * A longer title would be cut (or the whole message refused), so such choices become a numbered list.
   */
  maxButtonTitle?: number;
  /** True on Beacon's own web widget, whose page has an always-visible Quick Exit button to mention. */
  quickExit?: boolean;
  /**
   * Most bubbles one bot turn shows before a "Tell me more" button (src/bot/tellMeMore.ts); absent = no limit.
   * Beacon's choice for its phone widget, the same four as the content checker's `message-run` rule.
   */
  maxBubbles?: number;
}

/** Web Chat and the clients built on it (our widget, the Emulator): the richest rendering. */
const WEB_CHAT: ChannelCapabilities = Object.freeze({
  suggestedActions: 100, // botbuilder-dialogs supportsSuggestedActions: webchat/directline/emulator ≤ 100
  cards: 'adaptive', // Web Chat renders Adaptive Cards natively
  cardButtons: 100, // botbuilder-dialogs supportsCardActions: webchat/directline/emulator ≤ 100
  markdown: true, // Web Chat renders markdown in message text
  maxMessageLength: 4000, // no channel limit; Beacon's choice so that a long answer arrives in readable bubbles
  telLinks: true // a browser hands tel: to the phone's dialer
});

/** Beacon's widget page: Web Chat plus the Quick Exit button around it. */
const WIDGET: ChannelCapabilities = Object.freeze({ ...WEB_CHAT, quickExit: true, maxBubbles: 4 });

const TABLE: Readonly<Record<string, ChannelCapabilities>> = {
  webchat: WIDGET,
  directline: WIDGET, // Beacon's Direct Line clients are Web Chat (the widget)
  emulator: WEB_CHAT, // the Emulator's chat pane is Web Chat
  test: WEB_CHAT, // TestAdapter: transcript tests see the richest form, as Web Chat users do
  msteams: {
    // Teams displays at most the first 3 suggested actions (Teams docs "suggested actions"), and for years only in
    // personal 1:1 chats; helpline workers use Teams channels and group chats. Hero-card buttons work in every
    // scope, so Beacon does not rely on suggested actions in Teams.
    suggestedActions: 0,
    cards: 'adaptive', // Teams docs "Types of cards": Adaptive Cards up to v1.5 for bot-sent cards
    cardButtons: 6, // Teams docs "Types of cards", hero card `buttons`: "Maximum six"
    markdown: true, // Teams docs "Format your bot messages": a subset of markdown
    // Teams bot message limit is 100 KB (older docs: 40 KB) of UTF-16 JSON payload incl. envelope;
    // 10,000 characters stays well inside the smaller figure.
    maxMessageLength: 10000,
    telLinks: false // not documented as supported in Teams message links; show the number as text
  },
  telegram: {
    suggestedActions: 100, // botbuilder-dialogs: telegram ≤ 100 (rendered as a reply keyboard)
    cards: 'hero', // Bot Framework Telegram channel turns hero cards into messages with inline keyboards
    cardButtons: 100, // botbuilder-dialogs supportsCardActions: telegram ≤ 100
    markdown: true, // the Bot Framework Telegram channel sends text with Telegram markdown
    maxMessageLength: 4096, // Telegram Bot API sendMessage: "1-4096 characters after entities parsing"
    telLinks: false // Telegram text links accept http(s)/tg: URLs only; Telegram detects phone numbers in text
  },
  facebook: {
    // Messenger Platform "Quick replies": up to 13 (botbuilder-dialogs still says 10, an older limit).
    suggestedActions: 13,
    cards: 'hero', // hero cards become Messenger templates
    cardButtons: 3, // Messenger Platform button template / generic template: "Set of 1-3 buttons"
    markdown: false, // Messenger shows bot text as plain text
    maxMessageLength: 2000, // Messenger Send API `message.text`: "has a 2000 character limit"
    telLinks: false, // no links in plain text; Messenger detects phone numbers itself
    maxButtonTitle: 20 // Messenger quick reply `title` and button template button `title`: 20-character limit
  },
  slack: {
    suggestedActions: 0, // botbuilder-dialogs supportsSuggestedActions has no Slack entry: not supported
    cards: 'hero', // hero cards become Slack message attachments with buttons
    cardButtons: 5, // Slack legacy message attachments: at most 5 actions per attachment
    markdown: true, // the Bot Framework Slack channel converts markdown to Slack mrkdwn
    maxMessageLength: 4000, // Slack: text over 40,000 chars is truncated; Slack advises clients to keep to 4,000
    telLinks: false, // not a documented Slack link scheme; show the number as text
    maxButtonTitle: 75 // Slack Block Kit button element `text`: maximum length 75 characters
  },
  line: {
    suggestedActions: 13, // LINE Messaging API quick reply: "Max: 13" items (botbuilder-dialogs: line ≤ 13)
    cards: 'hero', // hero cards become LINE template messages
    cardButtons: 4, // LINE Messaging API buttons template `actions`: "Max: 4"
    markdown: false, // LINE text messages are plain text
    maxMessageLength: 5000, // LINE Messaging API text message `text`: max 5,000 characters (UTF-16 units)
    telLinks: false, // no links in LINE text; LINE detects phone numbers itself
    maxButtonTitle: 20 // LINE Messaging API quick reply and template action `label`: max 20 characters
  },
  sms: {
    suggestedActions: 0, // SMS has no buttons
    cards: 'none',
    cardButtons: 0,
    markdown: false,
    maxMessageLength: 1600, // Twilio Message resource `Body`: up to 1,600 characters (error 21617 above that)
    telLinks: false // phones turn numbers in an SMS into links themselves
  },
  email: {
    suggestedActions: 0, // an email has no buttons that reply
    cards: 'none', // Beacon sends email as plain text: readable in every mail client, nothing hidden in HTML
    cardButtons: 0,
    markdown: false, // plain text, as above
    maxMessageLength: 10000, // no channel limit; Beacon's choice: one answer, one email
    telLinks: false
  }
};

// The table is shared by every turn: a caller that changed an entry would change it for everyone.
for (const entry of Object.values(TABLE)) Object.freeze(entry);

/** Channel ids that are the same channel under another adapter's name. */
const ALIASES: Readonly<Record<string, string>> = {
  'twilio-sms': 'sms' // botbuilder-adapter-twilio-sms
};

/**
 * The conservative default for a channel we do not know: plain numbered text, no markdown, the shortest message
 * length in the table (SMS). It may look plain, but it never loses a choice or shows raw markup.
 */
export const UNKNOWN_CHANNEL: ChannelCapabilities = Object.freeze({
  suggestedActions: 0,
  cards: 'none',
  cardButtons: 0,
  markdown: false,
  maxMessageLength: 1600,
  telLinks: false
});

/** The capabilities of `channelId` (an `activity.channelId`); unknown or missing → {@link UNKNOWN_CHANNEL}. */
export function capabilitiesFor(channelId: string | undefined): ChannelCapabilities {
  const id = channelId?.trim().toLowerCase() ?? '';
  return TABLE[ALIASES[id] ?? id] ?? UNKNOWN_CHANNEL;
}
