/**
 * The queue and the chats (every change needs the CSRF token; see docs/console-api.md):
 *   GET  /api/console/queue                       → { queued: [SessionView], mine: [SessionView] }
 *   GET  /api/console/sessions/:id                → { session, messages }   (audited as "viewed")
 *   POST /api/console/sessions/:id/accept         → 200 { session } | 409 AlreadyTaken
 *   POST /api/console/sessions/:id/messages       { text, key } → 201 { message } (same key: the same message)
 *   POST /api/console/sessions/:id/typing         → 204
 *   POST /api/console/sessions/:id/transfer       { to? } → 200 { session }  (no "to": back to the queue)
 *   POST /api/console/sessions/:id/end            { outcome } → 200 { session }
 */
import type { Request, Response, Server } from 'restify';
import { MAX_WORKER_TEXT } from '../../handoff/handoffChat';
import { HandoffRefusal } from '../../handoff/handoffStore';
import { queued } from '../../handoff/queueOrder';
import { sendError } from '../httpErrors';
import type { Caller } from './consoleHttp';
import { authed, bodyString } from './consoleHttp';
import type { ConsoleContext } from './consoleContext';
import { mayView, sessionView } from './sessionView';

export const OUTCOMES = ['supported', 'referred', 'safeguarding', 'no_reply', 'other'] as const;

export function registerChatRoutes(server: Server, ctx: ConsoleContext): void {
  const base = '/api/console/sessions/:id';
  server.get('/api/console/queue', authed(ctx, 'queue', (req, res, c) => queue(ctx, res, c), { change: false }));
  server.get(base, authed(ctx, 'session', (req, res, c) => show(ctx, req, res, c), { change: false }));
  server.post(`${base}/accept`, authed(ctx, 'accept', async (req, res, c) => {
    const session = await ctx.hub.accept(await visibleId(ctx, req, c), worker(c));
    res.json({ session: sessionView(session, c.account, ctx.hub.now()) });
  }, { change: true }));
  server.post(`${base}/messages`, authed(ctx, 'message', async (req, res, c) => {
    const text = bodyString(req, 'text', MAX_WORKER_TEXT);
    const key = bodyString(req, 'key', 100);
    if (!text?.trim() || !key) return sendError(res, 400, 'BadRequest', `Give "text" (1–${MAX_WORKER_TEXT} characters) and "key" (a unique id for this message).`);
    const message = await ctx.chat.fromWorker(idOf(req), worker(c), key, text);
    res.json(201, { message });
  }, { change: true }));
  server.post(`${base}/typing`, authed(ctx, 'typing', async (req, res, c) => {
    await ctx.chat.workerTyping(idOf(req), worker(c));
    res.send(204);
  }, { change: true }));
  server.post(`${base}/transfer`, authed(ctx, 'transfer', async (req, res, c) => {
    const to = bodyString(req, 'to', 40)?.toLowerCase();
    if (to && !(await ctx.accounts.find(to))) return sendError(res, 400, 'UnknownColleague', 'No console account has this user name.');
    const session = await ctx.hub.transfer(idOf(req), worker(c), to);
    res.json({ session: sessionView(session, c.account, ctx.hub.now()) });
  }, { change: true }));
  server.post(`${base}/end`, authed(ctx, 'end', async (req, res, c) => {
    const outcome = bodyString(req, 'outcome', 40);
    if (!outcome || !(OUTCOMES as readonly string[]).includes(outcome)) {
      return sendError(res, 400, 'BadOutcome', `Give "outcome", one of: ${OUTCOMES.join(', ')}.`);
    }
    const session = await ctx.hub.end(idOf(req), 'worker', c.account.username, { outcome });
    res.json({ session: sessionView(session, c.account, ctx.hub.now()) });
  }, { change: true }));
}

async function queue(ctx: ConsoleContext, res: Response, c: Caller): Promise<void> {
  const now = ctx.hub.now();
  const open = await ctx.hub.deps.store.openSessions();
  res.json({
    queued: queued(open).filter((s) => mayView(c.account, s)).map((s) => sessionView(s, c.account, now)),
    mine: open.filter((s) => s.status === 'active' && s.worker?.username === c.account.username).map((s) => sessionView(s, c.account, now))
  });
}

async function show(ctx: ConsoleContext, req: Request, res: Response, c: Caller): Promise<void> {
  const session = await ctx.hub.deps.store.session(idOf(req));
  if (!session || !mayView(c.account, session)) return sendError(res, 404, 'NotFound', 'No conversation with this id is visible to you.');
  await ctx.audit.record({ actor: c.account.username, action: 'viewed', session: session.id });
  // Messages are for the worker in the chat only; a supervisor sees the context, not the conversation.
  const messages = session.worker?.username === c.account.username ? await ctx.hub.deps.store.messages(session.id) : [];
  res.json({ session: sessionView(session, c.account, ctx.hub.now()), messages });
}

async function visibleId(ctx: ConsoleContext, req: Request, c: Caller): Promise<string> {
  const session = await ctx.hub.deps.store.session(idOf(req));
  if (!session) throw new HandoffRefusal('NotFound', 'No conversation with this id is waiting.');
  if (session.status === 'queued' && !mayView(c.account, session)) throw new HandoffRefusal('NotFound', 'No conversation with this id is visible to you.');
  return session.id;
}

function idOf(req: Request): string {
  const id: unknown = req.params?.['id'];
  return typeof id === 'string' ? id : '';
}

function worker(c: Caller) {
  return { username: c.account.username, name: c.account.name };
}
