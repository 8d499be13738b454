/**
 * What the virtual users say. Every message is a number or "hi", so the walk does not depend on the language
 * of the replies. Every reply must have text; on Beacon, each turn of these walks must also end with a
 * question (buttons, or numbered lines on text-only channels), which catches a walk that has stopped short.
 * The exact number of choices is not checked: authors add menu entries, and the bench should not break then.
 * The echo bot is only checked for a non-empty reply.
 */

export interface ScriptedTurn {
  text: string;
  /** Beacon's last reply asks a question: it offers at least two choices. */
  asks: boolean;
}

export interface ConversationScript {
  name: string;
  channelId: string;
  turns: ScriptedTurn[];
}

/** Turns whose replies must each end with a question. */
const asking = (...texts: string[]): ScriptedTurn[] => texts.map((text) => ({ text, asks: true }));

/** One turn from a new conversation: the welcome and "who is chatting?". */
export const singleTurn: ConversationScript = { name: 'single', channelId: 'test', turns: asking('hi') };

/**
 * A young person in the web widget: welcome; "1" young person; "2" aged 13–17; "1" the "Is this OK?" lesson,
 * then its seven yes/no quiz answers (the last one brings the score and "what next?"); "2" find a helpline;
 * "2" not in danger right now (the helpline lookup), back at the menu. 13 turns.
 */
const youth: ConversationScript = {
  name: 'youth',
  channelId: 'test',
  turns: asking('hi', '1', '2', '1', '1', '2', '1', '2', '1', '2', '2', '2', '2')
};

/**
 * A parent on SMS (numbered text, no buttons): welcome; "2" parent or carer; "1" the warning-signs lesson;
 * "1" worried about my child; "2" show me helplines; "2" find a helpline; "2" not in danger right now. 7 turns.
 */
const parent: ConversationScript = {
  name: 'parent',
  channelId: 'sms',
  turns: asking('hi', '2', '1', '1', '2', '2', '2')
};

/** Realistic conversations alternate between the two walks (10 turns per conversation on average). */
export const realisticScripts: readonly ConversationScript[] = [youth, parent];

export interface ReplyActivity {
  type?: string;
  text?: string;
  suggestedActions?: { actions?: unknown[] };
}

/** The activity a channel would post, asking for the replies in the HTTP response. */
export function messageActivity(conversationId: string, channelId: string, text: string, turn: number): Record<string, unknown> {
  return {
    type: 'message',
    id: `${conversationId}-${turn}`,
    text,
    locale: 'en-GB',
    channelId,
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    from: { id: `user-${conversationId}`, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: conversationId }
  };
}

/** How many choices a reply offers: its buttons, or else its numbered lines ("1. …"). */
export function choicesOffered(reply: ReplyActivity): number {
  const buttons = reply.suggestedActions?.actions?.length ?? 0;
  if (buttons > 0) return buttons;
  return (reply.text ?? '').match(/^\d+\. /gm)?.length ?? 0;
}

/** Why a response body is not a good answer to the turn, or undefined when it is. */
export function replyProblem(body: unknown, mustAsk: boolean): string | undefined {
  const activities = (body as { activities?: ReplyActivity[] } | undefined)?.activities;
  if (!Array.isArray(activities) || activities.length === 0) return 'no replies';
  const messages = activities.filter((a) => a.type === 'message' && typeof a.text === 'string' && a.text.trim() !== '');
  if (messages.length === 0) return 'replies without text';
  if (!mustAsk) return undefined;
  const offered = choicesOffered(messages[messages.length - 1] as ReplyActivity);
  return offered >= 2 ? undefined : `expected a question with choices, got ${offered} choices`;
}
