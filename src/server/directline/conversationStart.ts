/**
 * Starting a conversation: what a client sends (to start one or to generate a token), what the bot is told,
 * and what the client gets back. The bot is told once, with a conversationUpdate that adds the bot and the
 * user — what Azure does when the token names the user — so it can greet before the person types anything.
 * The answer carries a stream URL on the host the client used (a browser on http://localhost:3978 and a test
 * on 127.0.0.1 both get a reachable address), with `wss` behind a TLS proxy or dev tunnel.
 */
import type { TLSSocket } from 'node:tls';
import type { Request } from 'restify';
import { z } from 'zod/v4';
import { hashId } from '../../logging/logger';
import { BOT_ACCOUNT, CHANNEL_ID, CLIENT_PREFIX } from './constants';
import type { DirectLineContext } from './context';
import type { Account, Conversation } from './conversationStore';

const startSchema = z
  .looseObject({
    user: z.looseObject({ id: z.string().min(1).max(128).optional(), name: z.string().max(256).optional() }).optional(),
    locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/, 'must be a language tag like "en-GB"').optional()
  })
  .optional();

export type StartRequest = { ok: true; user?: Account; locale?: string } | { ok: false; message: string };

/** Reads `{ user: { id, name }, locale }`; every part is optional, a part of the wrong kind is an error. */
export function parseStartRequest(body: unknown): StartRequest {
  const parsed = startSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join('.')}"` : 'the body';
    return { ok: false, message: `The request is not valid: ${where}: ${issue?.message ?? 'unexpected value'}.` };
  }
  const user = parsed.data?.user;
  return {
    ok: true,
    user: user?.id ? (user.name ? { id: user.id, name: user.name } : { id: user.id }) : undefined,
    locale: parsed.data?.locale
  };
}

/** Marks the conversation started and tells the bot in the background; callers do not wait for the bot. */
export function startConversation(ctx: DirectLineContext, conversation: Conversation): void {
  if (conversation.started) return;
  ctx.store.markStarted(conversation);
  ctx.logger.info({ event: 'directline_conversation_started', conversation: hashId(conversation.id) });
  void ctx.bot.deliver(conversation.id, { ...conversationUpdate(conversation), serviceUrl: ctx.serviceUrl });
}

/** The conversationUpdate a channel sends when a conversation starts: the bot and the user joined. */
export function conversationUpdate(conversation: Conversation): Record<string, unknown> & { type: string } {
  const user = conversation.user;
  return {
    type: 'conversationUpdate',
    id: `${conversation.id}|start`,
    timestamp: new Date().toISOString(),
    channelId: CHANNEL_ID,
    conversation: { id: conversation.id },
    from: { ...user },
    recipient: { ...BOT_ACCOUNT },
    membersAdded: [{ id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name }, user.name ? { id: user.id, name: user.name } : { id: user.id }],
    ...(conversation.locale ? { locale: conversation.locale } : {})
  };
}

/** The token part of an answer: a fresh token for the conversation, naming its user as Azure's do. */
export function tokenResponse(ctx: DirectLineContext, conversation: Conversation) {
  const { token, expiresIn } = ctx.tokens.issue(conversation.id, conversation.user.id);
  return { conversationId: conversation.id, token, expires_in: expiresIn };
}

/** The full answer to start or reconnect: token plus a stream URL that resumes after `watermark`. */
export function conversationResponse(ctx: DirectLineContext, req: Request, conversation: Conversation, watermark?: number) {
  const answer = tokenResponse(ctx, conversation);
  const url = new URL(`${streamOrigin(req, ctx.serviceUrl)}${CLIENT_PREFIX}/conversations/${encodeURIComponent(conversation.id)}/stream`);
  if (watermark !== undefined) url.searchParams.set('watermark', String(watermark));
  url.searchParams.set('t', answer.token);
  return { ...answer, streamUrl: url.toString() };
}

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** `ws://host` or `wss://host` as the client reached us; the service URL's host if the headers are unusable. */
function streamOrigin(req: Request, serviceUrl: string): string {
  const forwardedHost = firstValue(req.headers['x-forwarded-host']);
  const host = [forwardedHost, req.headers.host].find((h) => h !== undefined && HOST.test(h)) ?? new URL(serviceUrl).host;
  const secure = (req.socket as TLSSocket).encrypted === true || firstValue(req.headers['x-forwarded-proto']) === 'https';
  return `${secure ? 'wss' : 'ws'}://${host}`;
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value?.split(',')[0]?.trim() || undefined;
}
