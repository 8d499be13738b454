/**
 * A client's activities, in and out:
 *   POST /v3/directline/conversations/:id/activities              → 200 { id }, after the bot took the turn
 *   GET  /v3/directline/conversations/:id/activities?watermark=N  → 200 { activities, watermark }
 * A posted activity is first recorded (so the client sees its own message echoed with an id, as Azure does),
 * then forwarded to the bot. If the bot fails, the client gets 502 with the Direct Line error code; the
 * message stays in the conversation, as it does on Azure.
 */
import type { Request, Response, Server } from 'restify';
import { hashId } from '../../logging/logger';
import { sendError } from '../httpErrors';
import { authorize } from './authorize';
import { toClientActivity } from './clientActivity';
import { startConversation } from './conversationStart';
import { CLIENT_PREFIX, MAX_JSON_BYTES } from './constants';
import type { DirectLineContext } from './context';
import type { Conversation } from './conversationStore';
import { readJsonBody } from './requestBody';
import { guard, parseWatermark, pathParam, queryParam } from './routeSupport';

const BOT_FAILURE: Record<string, string> = {
  BotError: 'The bot answered with an error.',
  BotTimeout: 'The bot did not answer in time.',
  BotNotAvailable: 'The bot could not be reached.'
};

export function registerActivityRoutes(server: Server, ctx: DirectLineContext): void {
  const path = `${CLIENT_PREFIX}/conversations/:conversationId/activities`;
  server.post(path, guard(ctx, 'activities.post', (req, res) => post(ctx, req, res)));
  server.get(path, guard(ctx, 'activities.get', (req, res) => list(ctx, req, res)));
}

async function post(ctx: DirectLineContext, req: Request, res: Response): Promise<void> {
  const conversation = await authorize(ctx, req, res, pathParam(req, 'conversationId'));
  if (!conversation) return;
  const body = await readJsonBody(req, MAX_JSON_BYTES);
  if (!body.ok) return sendError(res, body.status, 'BadArgument', body.message);
  await acceptClientActivity(ctx, res, conversation, body.value, 0);
}

async function list(ctx: DirectLineContext, req: Request, res: Response): Promise<void> {
  const conversation = await authorize(ctx, req, res, pathParam(req, 'conversationId'));
  if (!conversation) return;
  const watermark = parseWatermark(queryParam(req, 'watermark'));
  if (watermark === null) return sendError(res, 400, 'BadArgument', 'The watermark must be a number.');
  ctx.store.touch(conversation);
  res.json(200, conversation.history.after(watermark));
}

/**
 * Validates, records and forwards one client activity, then answers the client. Shared with the upload route,
 * which passes the number of files it discarded. Typing is forwarded but neither kept nor echoed.
 */
export async function acceptClientActivity(
  ctx: DirectLineContext,
  res: Response,
  conversation: Conversation,
  body: unknown,
  uploadedFiles: number
): Promise<void> {
  const built = toClientActivity(body, conversation, uploadedFiles);
  if (!built.ok) return sendError(res, 400, 'BadArgument', built.message);
  // A client that posts with a generated token before opening the conversation still gets the start first.
  startConversation(ctx, conversation);
  const log = { conversation: hashId(conversation.id), type: built.activity.type };
  if (built.attachmentsRemoved > 0) {
    ctx.logger.info({ event: 'directline_attachments_removed', ...log, count: built.attachmentsRemoved });
  }
  const activity = built.activity.type === 'typing'
    ? { ...built.activity, id: conversation.history.ephemeralId() }
    : ctx.store.append(conversation, built.activity);
  ctx.store.touch(conversation);
  const delivery = await ctx.bot.deliver(conversation.id, { ...activity, serviceUrl: ctx.serviceUrl });
  // The acknowledgement means the message is kept: a restart from here on does not lose it.
  await ctx.store.kept(conversation);
  if (!delivery.ok) {
    return sendError(res, 502, delivery.code, BOT_FAILURE[delivery.code] ?? 'The bot could not take the activity.');
  }
  ctx.logger.debug({ event: 'directline_activity_delivered', ...log });
  res.json(200, { id: activity.id });
}
