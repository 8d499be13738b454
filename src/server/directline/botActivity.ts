/**
 * Turns what the bot posted to the connector API into the activity clients receive, and decides how it is
 * delivered, as Azure's Direct Line does: typing goes to open streams only (never returned by GET), activities
 * that are not for clients (conversationUpdate, trace, …) are accepted and dropped, everything else is kept in
 * history and streamed. The sender is always the bot; a name the bot chose (a helpline worker's label, for
 * example — DESIGN.md rule 6) is kept.
 */
import { z } from 'zod/v4';
import { BOT_ACCOUNT, CHANNEL_ID } from './constants';
import type { Conversation } from './conversationStore';

export type Routing = 'history' | 'stream-only' | 'drop';

const NOT_FOR_CLIENTS = new Set(['conversationUpdate', 'contactRelationUpdate', 'installationUpdate', 'trace', 'invokeResponse', 'delay']);

const botActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  from: z.looseObject({ name: z.string().max(256).optional() }).optional(),
  replyToId: z.string().max(256).optional(),
  attachments: z.array(z.unknown()).optional()
});

export type BotActivityResult =
  | { ok: true; activity: Record<string, unknown> & { type: string }; routing: Routing }
  | { ok: false; message: string };

/** Validates the bot's activity and builds the client's version; `replyToId` comes from the route when it has one. */
export function toBotActivity(body: unknown, conversation: Conversation, replyToId?: string): BotActivityResult {
  const parsed = botActivitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join('.')}"` : 'the body';
    return { ok: false, message: `The activity is not valid: ${where}: ${issue?.message ?? 'unexpected value'}.` };
  }
  const activity: Record<string, unknown> & { type: string } = {
    ...parsed.data,
    timestamp: new Date().toISOString(),
    channelId: CHANNEL_ID,
    conversation: { id: conversation.id },
    from: { id: BOT_ACCOUNT.id, name: parsed.data.from?.name ?? BOT_ACCOUNT.name, role: 'bot' },
    recipient: { ...conversation.user }
  };
  // The bot's own id and serviceUrl mean nothing to a client: the service assigns ids.
  delete activity.id;
  delete activity.serviceUrl;
  const replyTo = replyToId ?? parsed.data.replyToId;
  if (replyTo) activity.replyToId = replyTo;
  else delete activity.replyToId;
  return { ok: true, activity, routing: routingOf(activity.type) };
}

export function routingOf(type: string): Routing {
  if (type === 'typing') return 'stream-only';
  return NOT_FOR_CLIENTS.has(type) ? 'drop' : 'history';
}
