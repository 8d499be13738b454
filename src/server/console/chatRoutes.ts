/**
 * The queue and the chats (every change needs the CSRF token; see docs/console-api.md):
 *   GET  /api/console/queue                       → { queued: [SessionView], mine: [SessionView], load: { chats, max } }
 *   GET  /api/console/sessions/:id                → { session, messages }   (audited as "viewed")
 *   POST /api/console/sessions/:id/accept         → 200 { session } | 409 AlreadyTaken | 409 AtCapacity
 *   POST /api/console/sessions/:id/messages       { text, key } → 201 { message } (same key: the same message)
 *   POST /api/console/sessions/:id/typing         → 204
 *   POST /api/console/sessions/:id/transfer       { to? } → 200 { session }  (no "to": back to the queue) | 409 ColleagueFull
 *   POST /api/console/sessions/:id/end            { outcome? } → 200 { session }  (no outcome: the wrap-up is due)
 *   POST /api/console/sessions/:id/notes          { notes } → 204   (private; deleted with the session)
 *   POST /api/console/sessions/:id/wrapup         { categories, callType, outcome, notes? } → 200 { session }
 *   GET  /api/console/colleagues                  → { max, colleagues: [{ username, name, languages, online, chats, full }] }
 */
import type { Request, Response, Server } from 'restify';
import { MAX_WORKER_TEXT } from '../../handoff/handoffChat';
import { HandoffRefusal } from '../../handoff/handoffStore';
import { queued } from '../../handoff/queueOrder';
import { MAX_NOTES, OUTCOMES } from '../../handoff/wrapUp';
import { chatsHeld } from '../../handoff/workerCap';
import { sendError } from '../httpErrors';
import type { Caller } from './consoleHttp';
import { authed, bodyString } from './consoleHttp';
import type { ConsoleContext } from './consoleContext';
import { mayView, sessionView } from './sessionView';

export { OUTCOMES } from '../../handoff/wrapUp';

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
    if (outcome !== undefined && !(OUTCOMES as readonly string[]).includes(outcome)) {
      return sendError(res, 400, 'BadOutcome', `Give "outcome", one of: ${OUTCOMES.join(', ')} (or none, to wrap up afterwards).`);
    }
    const session = await ctx.hub.end(idOf(req), 'worker', c.account.username, outcome ? { outcome } : {});
    if (outcome) await ctx.wrapUp.countOutcomeOnly(session);
    res.json({ session: sessionView(session, c.account, ctx.hub.now()) });
  }, { change: true }));
  server.post(`${base}/notes`, authed(ctx, 'notes', async (req, res, c) => {
    const notes: unknown = (req.body as Record<string, unknown> | undefined)?.['notes'];
    if (typeof notes !== 'string' || notes.length > MAX_NOTES) return sendError(res, 400, 'BadRequest', `Give "notes" as text of at most ${MAX_NOTES} characters.`);
    await ctx.wrapUp.setNotes(idOf(req), worker(c), notes);
    res.send(204);
  }, { change: true }));
  server.post(`${base}/wrapup`, authed(ctx, 'wrapup', async (req, res, c) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const categories = Array.isArray(body['categories']) ? body['categories'].filter((x): x is string => typeof x === 'string') : [];
    const form = { categories, callType: bodyString(req, 'callType', 40) ?? '', outcome: bodyString(req, 'outcome', 40) ?? '' };
    const problem = ctx.wrapUp.problem(form);
    if (problem) return sendError(res, 400, 'BadWrapUp', problem);
    if (typeof body['notes'] === 'string') await ctx.wrapUp.setNotes(idOf(req), worker(c), body['notes'].slice(0, MAX_NOTES));
    const session = await ctx.wrapUp.submit(idOf(req), worker(c), form);
    res.json({ session: sessionView(session, c.account, ctx.hub.now()) });
  }, { change: true }));
  server.get('/api/console/colleagues', authed(ctx, 'colleagues', async (_req, res, c) => {
    const open = await ctx.hub.deps.store.openSessions();
    const cap = ctx.hub.cap;
    const colleagues = (await ctx.accounts.all())
      .filter((a) => a.username !== c.account.username)
      .map((a) => ({
        username: a.username, name: a.name, languages: a.languages, online: ctx.online.has(a.username),
        chats: chatsHeld(open, a.username), full: cap.full(open, a.username)
      }))
      .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
    res.json({ max: cap.max, colleagues });
  }, { change: false }));
}

async function queue(ctx: ConsoleContext, res: Response, c: Caller): Promise<void> {
  const now = ctx.hub.now();
  const open = await ctx.hub.deps.store.openSessions();
  res.json({
    queued: queued(open).filter((s) => mayView(c.account, s)).map((s) => sessionView(s, c.account, now)),
    mine: open.filter((s) => (s.status === 'active' || s.wrapUpDue) && s.worker?.username === c.account.username).map((s) => sessionView(s, c.account, now)),
    // The worker's live chats against the most they may hold: at the cap, an accept is refused.
    load: { chats: chatsHeld(open, c.account.username), max: ctx.hub.cap.max }
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
