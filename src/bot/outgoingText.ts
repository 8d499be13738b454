/**
 * Everything Beacon sends is text, whoever wrote it (reliability review D3). Web Chat renders markdown and
 * passes HTML through, so a worker typing `<img src=x onerror=…>` (or a compromised account, or a contact
 * centre in protocol mode) would put elements into a child's page. On the way out:
 * - a helpline worker's message goes as `textFormat: 'plain'`: shown exactly as typed, never interpreted;
 * - Beacon's own messages keep the small markdown subset the locale texts use (bold, links to https and
 *   `tel:`), with anything that looks like an HTML tag removed and links to other schemes reduced to their text;
 * - every message says its `textFormat`;
 * - at most one typing indicator per turn: one is all a user needs to see that a reply is coming.
 */
import type { Activity, TurnContext } from 'botbuilder';

const TAG = /<\/?[A-Za-z!][^<>]*>/g;
const LINK = /\[([^\]]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/g;
const SAFE_LINK = /^(https:|tel:)/i;
const TYPING_SENT = Symbol('beacon.typingSent');

/** Beacon's own markdown, with tags removed and only https and tel: links kept. */
export function safeMarkdown(text: string): string {
  return text.replace(TAG, '').replace(LINK, (whole, label: string, url: string) => (SAFE_LINK.test(url) ? whole : label));
}

/** True for a message a person (a helpline worker or a contact centre) wrote, rather than Beacon's texts. */
export function isPersonMessage(activity: Partial<Activity>): boolean {
  const data = activity.channelData as { beaconHandoffMessage?: unknown } | undefined;
  return typeof data?.beaconHandoffMessage === 'string';
}

/** Makes one outgoing activity safe to show; returns false when it should not be sent at all. */
export function prepareOutgoing(context: TurnContext, activity: Partial<Activity>): boolean {
  if (activity.type === 'typing') {
    if (context.turnState.get(TYPING_SENT)) return false;
    context.turnState.set(TYPING_SENT, true);
    return true;
  }
  if (activity.type !== 'message' || typeof activity.text !== 'string') return true;
  if (isPersonMessage(activity) || activity.textFormat === 'plain') {
    activity.textFormat = 'plain';
    return true;
  }
  activity.text = safeMarkdown(activity.text);
  activity.textFormat = 'markdown';
  return true;
}

/** Registers the filter on a turn: every activity the turn sends passes through `prepareOutgoing`. */
export function filterOutgoing(context: TurnContext): void {
  context.onSendActivities(async (ctx, activities, next) => {
    const kept = activities.filter((a) => prepareOutgoing(ctx, a));
    activities.splice(0, activities.length, ...kept);
    if (kept.length === 0) return [];
    return next();
  });
}
