/**
 * Who may touch a conversation: the holder of a valid token for it. Checked in the order that gives clients
 * the answers botframework-directlinejs acts on: a missing, forged or expired token is 403 (it then refreshes
 * or reports an expired token), a token for another conversation is 403, and a conversation this process no
 * longer knows is revived for a valid token of its own (a restart must not end a child's chat).
 */
import type { Request, Response } from 'restify';
import { sendError } from '../httpErrors';
import type { DirectLineContext } from './context';
import type { Conversation } from './conversationStore';
import { bearerToken, type TokenCheck } from './tokens';

export type Access = { ok: true; conversation: Conversation } | { ok: false; status: 403 | 404; code: string; message: string };

/** Checks a token (from the Authorization header, or the stream URL) against a conversation id. */
export async function checkAccess(ctx: DirectLineContext, token: string | undefined, conversationId: string): Promise<Access> {
  const check: TokenCheck = ctx.tokens.verify(token);
  if (!check.ok) return { ok: false, status: 403, code: check.code, message: check.message };
  // A valid token for a conversation this process does not hold (a restart): it comes back from the store, or
  // empty, so the widget reconnects and a chat with a worker goes on (reliability review D1).
  const own = check.claims.conv === conversationId && !ctx.closed;
  const conversation = own ? await ctx.store.revive(conversationId, check.claims.user) : await ctx.store.find(conversationId);
  if (!conversation) {
    return { ok: false, status: 404, code: 'BadArgument', message: 'This conversation does not exist or has ended.' };
  }
  if (check.claims.conv !== conversationId) {
    return { ok: false, status: 403, code: 'BadArgument', message: 'The token is not valid for this conversation.' };
  }
  return { ok: true, conversation };
}

/** The conversation a request may use, or undefined after answering with the error. */
export async function authorize(ctx: DirectLineContext, req: Request, res: Response, conversationId: string): Promise<Conversation | undefined> {
  const access = await checkAccess(ctx, bearerToken(req.header('authorization')), conversationId);
  if (access.ok) return access.conversation;
  sendError(res, access.status, access.code, access.message);
  return undefined;
}
