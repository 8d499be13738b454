/**
 * Direct Line token routes. Azure guards `tokens/generate` with the bot's secret; the local stand-in has no
 * secret, so anyone on this machine may generate a token — which is why it only runs with BEACON_ENV=local.
 * A generated token names a new conversation that starts (and greets) when the client opens it.
 *   POST /v3/directline/tokens/generate   { user?: { id, name } }  → { conversationId, token, expires_in }
 *   POST /v3/directline/tokens/refresh    Bearer <token>           → the same, with a fresh token
 */
import type { Request, Response, Server } from 'restify';
import { hashId } from '../../logging/logger';
import { sendError } from '../httpErrors';
import { CLIENT_PREFIX, MAX_JSON_BYTES } from './constants';
import type { DirectLineContext } from './context';
import { readJsonBody } from './requestBody';
import { guard } from './routeSupport';
import { parseStartRequest, tokenResponse } from './conversationStart';
import { bearerToken } from './tokens';

export function registerTokenRoutes(server: Server, ctx: DirectLineContext): void {
  server.post(`${CLIENT_PREFIX}/tokens/generate`, guard(ctx, 'tokens.generate', (req, res) => generate(ctx, req, res)));
  server.post(`${CLIENT_PREFIX}/tokens/refresh`, guard(ctx, 'tokens.refresh', (req, res) => refresh(ctx, req, res)));
}

async function generate(ctx: DirectLineContext, req: Request, res: Response): Promise<void> {
  const body = await readJsonBody(req, MAX_JSON_BYTES);
  if (!body.ok) return sendError(res, body.status, 'BadArgument', body.message);
  const start = parseStartRequest(body.value);
  if (!start.ok) return sendError(res, 400, 'BadArgument', start.message);
  const conversation = ctx.store.create({ user: start.user, locale: start.locale });
  ctx.logger.info({ event: 'directline_token_generated', conversation: hashId(conversation.id) });
  res.json(200, tokenResponse(ctx, conversation));
}

async function refresh(ctx: DirectLineContext, req: Request, res: Response): Promise<void> {
  const check = ctx.tokens.verify(bearerToken(req.header('authorization')));
  if (!check.ok) return sendError(res, 403, check.code, check.message);
  const conversation = await ctx.store.revive(check.claims.conv, check.claims.user);
  ctx.store.touch(conversation);
  res.json(200, tokenResponse(ctx, conversation));
}
