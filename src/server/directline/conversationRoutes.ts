/**
 * Starting and resuming conversations, as botframework-directlinejs does it:
 *   POST /v3/directline/conversations                   Bearer <token> or none → 201 { conversationId, token, expires_in, streamUrl }
 *   GET  /v3/directline/conversations/:id?watermark=N   Bearer <token>         → 200 the same, streamUrl resuming after N
 * Without a token (directlinejs sends "Bearer undefined") a new conversation is created; with a generated token
 * that conversation starts (see conversationStart.ts for what the bot is told). A token whose conversation was
 * already started gets 200 and nothing is sent again, as on Azure.
 */
import type { Request, Response, Server } from 'restify';
import { sendError } from '../httpErrors';
import { authorize } from './authorize';
import { CLIENT_PREFIX, MAX_JSON_BYTES } from './constants';
import type { DirectLineContext } from './context';
import type { Conversation } from './conversationStore';
import { readJsonBody } from './requestBody';
import { guard, parseWatermark, pathParam, queryParam } from './routeSupport';
import { conversationResponse, parseStartRequest, startConversation } from './conversationStart';
import { bearerToken } from './tokens';

export function registerConversationRoutes(server: Server, ctx: DirectLineContext): void {
  server.post(`${CLIENT_PREFIX}/conversations`, guard(ctx, 'conversations.start', (req, res) => start(ctx, req, res)));
  server.get(`${CLIENT_PREFIX}/conversations/:conversationId`, guard(ctx, 'conversations.reconnect', (req, res) => reconnect(ctx, req, res)));
}

async function start(ctx: DirectLineContext, req: Request, res: Response): Promise<void> {
  const body = await readJsonBody(req, MAX_JSON_BYTES);
  if (!body.ok) return sendError(res, body.status, 'BadArgument', body.message);
  const request = parseStartRequest(body.value);
  if (!request.ok) return sendError(res, 400, 'BadArgument', request.message);

  const token = bearerToken(req.header('authorization'));
  let conversation: Conversation;
  if (token === undefined) {
    conversation = ctx.store.create({ user: request.user, locale: request.locale });
  } else {
    const check = ctx.tokens.verify(token);
    if (!check.ok) return sendError(res, 403, check.code, check.message);
    // A valid token whose conversation is neither in memory nor in the store (a generated token never opened,
    // or one expired) starts afresh.
    conversation = (await ctx.store.find(check.claims.conv)) ??
      ctx.store.create({ id: check.claims.conv, user: { id: check.claims.user ?? `dl_${check.claims.conv}` }, locale: request.locale });
  }
  const isNew = !conversation.started;
  if (isNew && request.locale) conversation.locale = request.locale;
  if (isNew) startConversation(ctx, conversation);
  else ctx.store.touch(conversation);
  res.json(isNew ? 201 : 200, conversationResponse(ctx, req, conversation));
}

async function reconnect(ctx: DirectLineContext, req: Request, res: Response): Promise<void> {
  const watermark = parseWatermark(queryParam(req, 'watermark'));
  if (watermark === null) return sendError(res, 400, 'BadArgument', 'The watermark must be a number.');
  const conversation = await authorize(ctx, req, res, pathParam(req, 'conversationId'));
  if (!conversation) return;
  ctx.store.touch(conversation);
  res.json(200, conversationResponse(ctx, req, conversation, watermark));
}
