/**
 * The bot-facing side: the part of the Bot Connector REST API that botbuilder's ConnectorClient calls to
 * answer, with authentication off (local only). Replies and proactive messages — a helpline worker's answer
 * minutes later, through `adapter.continueConversationAsync` — arrive here and go straight to the client's
 * stream, which is what the human handoff relies on. They sit under `/connector/<key>` (CONNECTOR_BASE): the
 * key is part of the serviceUrl the bot is given, so another local process cannot post into a chat (review D8).
 *   POST   /v3/conversations/:conversationId/activities               send       → 200 { id }
 *   POST   /v3/conversations/:conversationId/activities/:activityId   reply      → 200 { id }
 *   PUT    /v3/conversations/:conversationId/activities/:activityId   update     → 200 { id }
 *   DELETE /v3/conversations/:conversationId/activities/:activityId   delete     → 200
 *   GET    /v3/conversations/:conversationId/members                  → [user, bot]
 *   GET    /v3/conversations/:conversationId/members/:memberId        → one of them
 *   GET    /v3/conversations/:conversationId/activities/:activityId/members → [user, bot]
 * A message the bot sends to a conversation this process no longer knows (a worker's message resent after a
 * restart, before the child's page has reconnected) revives it, as a valid token does: the message waits in
 * its history, above any watermark the page kept, and the page finds it when it reconnects (review D1, D2).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { hashId } from '../../logging/logger';
import { sendError } from '../httpErrors';
import { routingOf, toBotActivity } from './botActivity';
import { BOT_ACCOUNT, CONNECTOR_BASE, CONNECTOR_PREFIX, MAX_JSON_BYTES } from './constants';
import type { DirectLineContext } from './context';
import type { Account, Conversation } from './conversationStore';
import { readJsonBody } from './requestBody';
import { guard, pathParam } from './routeSupport';

/** The shape of the conversation ids this endpoint hands out (16 random bytes, base64url): nothing else is revived. */
const REVIVABLE_ID = /^[A-Za-z0-9_-]{22}$/;

export function registerConnectorRoutes(server: Server, ctx: DirectLineContext): void {
  const base = `${CONNECTOR_BASE}${CONNECTOR_PREFIX}/:conversationId`;
  const expected = Buffer.from(ctx.connectorKey);
  const keyOk = (req: Request) => {
    const given = Buffer.from(pathParam(req, 'connectorKey'));
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const route = (name: string, handler: (req: Request, res: Response, c: Conversation) => Promise<void>) =>
    guard(ctx, name, async (req, res) => {
      if (!keyOk(req)) return sendError(res, 404, 'NotFound', 'There is nothing here.');
      const conversation = await ctx.store.find(pathParam(req, 'conversationId'));
      if (!conversation) return sendError(res, 404, 'ConversationNotFound', 'This conversation does not exist or has ended.');
      await handler(req, res, conversation);
    }, true);
  const sendRoute = (name: string, replyTo: (req: Request) => string | undefined) =>
    guard(ctx, name, async (req, res) => {
      if (!keyOk(req)) return sendError(res, 404, 'NotFound', 'There is nothing here.');
      await send(ctx, req, res, pathParam(req, 'conversationId'), replyTo(req));
    }, true);
  server.post(`${base}/activities/history`, route('connector.history', async (_req, res) => notImplemented(res)));
  server.post(`${base}/activities`, sendRoute('connector.send', () => undefined));
  server.post(`${base}/activities/:activityId`, sendRoute('connector.reply', (req) => pathParam(req, 'activityId')));
  server.put(`${base}/activities/:activityId`, route('connector.update', (req, res, c) => update(ctx, req, res, c)));
  server.del(`${base}/activities/:activityId`, route('connector.delete', (req, res, c) => remove(ctx, req, res, c)));
  server.get(`${base}/members`, route('connector.members', async (_req, res, c) => res.json(200, members(c))));
  server.get(`${base}/activities/:activityId/members`, route('connector.activityMembers', async (_req, res, c) => res.json(200, members(c))));
  server.get(`${base}/members/:memberId`, route('connector.member', async (req, res, c) => member(req, res, c)));
}

async function send(ctx: DirectLineContext, req: Request, res: Response, conversationId: string, replyToId: string | undefined) {
  const body = await readJsonBody(req, MAX_JSON_BYTES);
  if (!body.ok) return sendError(res, body.status, 'BadArgument', body.message);
  const conversation = (await ctx.store.find(conversationId)) ?? (await reviveFor(ctx, conversationId, body.value));
  if (!conversation) return sendError(res, 404, 'ConversationNotFound', 'This conversation does not exist or has ended.');
  const built = toBotActivity(body.value, conversation, replyToId);
  if (!built.ok) return sendError(res, 400, 'BadArgument', built.message);
  const { beaconForgotten, beaconHandoffMessage: key } = marks(built.activity);
  // The user asked the bot to forget them ("stop"): what this conversation showed so far goes too.
  if (beaconForgotten === true) ctx.store.forgetHistory(conversation);
  let id: string;
  // A worker's message sent again (a restart before the bot heard back) is kept once: the first copy's id.
  const again = built.routing === 'history' && typeof key === 'string' ? conversation.history.withHandoffKey(key) : undefined;
  if (again) id = again.id;
  else if (built.routing === 'history') id = ctx.store.append(conversation, built.activity).id;
  else if (built.routing === 'stream-only') id = ctx.store.publishEphemeral(conversation, built.activity).id;
  else id = conversation.history.ephemeralId();
  // The bot hears "sent" only once the activity is kept (and on its way to the page): a restart loses nothing.
  await ctx.store.kept(conversation);
  ctx.logger.debug({ event: 'directline_bot_activity', conversation: hashId(conversation.id), type: built.activity.type, routing: built.routing, ...(again ? { repeated: true } : {}) });
  res.json(200, { id });
}

/** The bot's marks on an activity (channelData), read without trusting their shape. */
function marks(activity: Record<string, unknown>): { beaconForgotten?: unknown; beaconHandoffMessage?: unknown } {
  const data = activity.channelData;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
}

/** A forgotten conversation brought back for a message the bot sends to it; undefined for anything else. */
async function reviveFor(ctx: DirectLineContext, conversationId: string, body: unknown): Promise<Conversation | undefined> {
  const activity = body as { type?: unknown; recipient?: { id?: unknown } } | null;
  if (ctx.closed || !REVIVABLE_ID.test(conversationId) || typeof activity?.type !== 'string' || routingOf(activity.type) !== 'history') return undefined;
  const userId = typeof activity.recipient?.id === 'string' && activity.recipient.id.length <= 256 ? activity.recipient.id : undefined;
  ctx.logger.info({ event: 'directline_conversation_revived', conversation: hashId(conversationId), by: 'bot' });
  return ctx.store.revive(conversationId, userId);
}

async function update(ctx: DirectLineContext, req: Request, res: Response, conversation: Conversation) {
  const body = await readJsonBody(req, MAX_JSON_BYTES);
  if (!body.ok) return sendError(res, body.status, 'BadArgument', body.message);
  const built = toBotActivity(body.value, conversation);
  if (!built.ok) return sendError(res, 400, 'BadArgument', built.message);
  const activityId = pathParam(req, 'activityId');
  if (built.routing !== 'history') return sendError(res, 400, 'BadArgument', 'Only activities kept in the conversation can be updated.');
  const updated = ctx.store.replace(conversation, activityId, built.activity);
  if (!updated) return sendError(res, 404, 'ActivityNotFound', 'No activity with this id is kept in the conversation.');
  await ctx.store.kept(conversation);
  res.json(200, { id: updated.id });
}

async function remove(ctx: DirectLineContext, req: Request, res: Response, conversation: Conversation): Promise<void> {
  if (!ctx.store.remove(conversation, pathParam(req, 'activityId'))) {
    return sendError(res, 404, 'ActivityNotFound', 'No activity with this id is kept in the conversation.');
  }
  await ctx.store.kept(conversation);
  res.send(200);
}

function member(req: Request, res: Response, conversation: Conversation): void {
  const found = members(conversation).find((m) => m.id === pathParam(req, 'memberId'));
  if (!found) return sendError(res, 404, 'MemberNotFound', 'No member with this id is in the conversation.');
  res.json(200, found);
}

function members(conversation: Conversation): Account[] {
  return [{ ...conversation.user }, { ...BOT_ACCOUNT }];
}

function notImplemented(res: Response): void {
  sendError(res, 501, 'NotImplemented', 'The local Direct Line does not keep conversation history uploads.');
}
