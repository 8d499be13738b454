/**
 * Every field of an incoming activity that Beacon reads, checked once at the edge (reliability review D5).
 * A field of the wrong type is treated as absent — a number as `locale` falls back to the conversation's
 * language, an object as `text` is no text — so no code that assumes a string ever sees anything else and no
 * turn fails with a 500. Only what makes a turn impossible is refused: no `type`, no conversation, no sender,
 * no channel.
 */
import { z } from 'zod/v4';

/** Longest locale tag worth reading ("de-CH-1996" is 10; BCP 47 allows more, nobody sends it). */
const MAX_LOCALE_CHARS = 35;
const LOCALE = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

const nonEmptyString = z.string().min(1);
/** Required, to say which turn this is: absent or of the wrong type, the request is refused with 400. */
const Required = z.object({
  type: nonEmptyString,
  conversation: z.object({ id: nonEmptyString }),
  from: z.object({ id: nonEmptyString }),
  channelId: nonEmptyString
});

/** Why the body cannot be a turn, or undefined when it can. The message names the field, never its value. */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The body must be a JSON Bot Framework activity object.';
  const parsed = Required.safeParse(body);
  if (parsed.success) return undefined;
  const field = parsed.error.issues[0]?.path.join('.') || 'type';
  return `The activity has no usable "${field}".`;
}

/**
 * Makes the optional fields safe in place: wrong types are removed, attachments that are not objects are
 * dropped (the safety middleware removes the rest and tells the user), names that are not strings go.
 * Returns the same object for chaining.
 */
export function cleanActivity(activity: Record<string, unknown>): Record<string, unknown> {
  for (const field of ['text', 'id', 'replyToId', 'serviceUrl', 'deliveryMode', 'textFormat', 'inputHint', 'name', 'action'] as const) {
    if (field in activity && typeof activity[field] !== 'string') delete activity[field];
  }
  if ('locale' in activity && !usableLocale(activity.locale)) delete activity.locale;
  if ('timestamp' in activity && typeof activity.timestamp !== 'string') delete activity.timestamp;
  for (const field of ['channelData', 'entities', 'recipient'] as const) {
    if (field in activity && !isPlainObject(activity[field]) && !(field === 'entities' && Array.isArray(activity[field]))) delete activity[field];
  }
  if ('attachments' in activity) {
    activity.attachments = Array.isArray(activity.attachments) ? activity.attachments.filter(isPlainObject) : [];
  }
  if ('entities' in activity && Array.isArray(activity.entities)) activity.entities = activity.entities.filter(isPlainObject);
  // Who joined or left: a list of accounts with an id, or nothing ("membersAdded": 7 is no one).
  for (const field of ['membersAdded', 'membersRemoved'] as const) {
    if (!(field in activity)) continue;
    const members = Array.isArray(activity[field]) ? (activity[field] as unknown[]).filter((m): m is Record<string, unknown> => isPlainObject(m) && typeof m.id === 'string') : [];
    members.forEach(cleanAccount);
    if (members.length > 0) activity[field] = members;
    else delete activity[field];
  }
  cleanAccount(activity.from);
  cleanAccount(activity.recipient);
  cleanAccount(activity.conversation);
  return activity;
}

/** True for a string that can name a language: "fr", "fr-BE", "de_CH". */
export function usableLocale(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_LOCALE_CHARS && LOCALE.test(value.trim());
}

/** A `serviceUrl` Beacon may post replies to: http or https only (never file:, javascript: or the like). */
export function usableServiceUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function cleanAccount(account: unknown): void {
  if (!isPlainObject(account)) return;
  for (const field of ['name', 'role', 'aadObjectId', 'tenantId', 'conversationType'] as const) {
    if (field in account && typeof account[field] !== 'string') delete account[field];
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
