/**
 * Texts and oversight:
 *   GET /api/console/texts?lang=fr   → { language, texts, outcomes, canned }   (public: the page's words)
 *   GET /api/console/overview        → supervisors: queues by language and country (count, longest wait), chats in
 *                                      progress (risk, duration, worker — never their messages), workers and their load
 *                                      against HANDOFF_MAX_CHATS_PER_WORKER (`maxChats`; `full` at the cap)
 *   GET /api/console/export?month=YYYY-MM → supervisors: that month's counts as CSV (no message text, no notes)
 *   GET /api/console/audit?date=…    → supervisors: one day of the audit log (no message text in it)
 */
import type { Request, Response, Server } from 'restify';
import { queued } from '../../handoff/queueOrder';
import { sendError } from '../httpErrors';
import { authed } from './consoleHttp';
import type { ConsoleContext } from './consoleContext';
import { OUTCOMES } from './chatRoutes';
import { CALL_TYPES, categoryIds } from '../../handoff/contactCategories';
import { countsCsv } from '../../handoff/wrapUp';
import { chatsHeld } from '../../handoff/workerCap';

export function registerInfoRoutes(server: Server, ctx: ConsoleContext): void {
  server.get('/api/console/texts', async (req: Request, res: Response) => {
    const language = ctx.translator.resolve(new URL(req.url ?? '/', 'http://x').searchParams.get('lang') ?? undefined, ctx.defaultLocale);
    res.json(texts(ctx, language));
  });
  server.get('/api/console/canned', authed(ctx, 'canned', async (req, res) => {
    const language = ctx.translator.resolve(new URL(req.url ?? '/', 'http://x').searchParams.get('language') ?? undefined, ctx.defaultLocale);
    res.json({ language, canned: texts(ctx, language).canned });
  }, { change: false }));
  server.get('/api/console/overview', authed(ctx, 'overview', async (_req, res) => {
    const now = ctx.hub.now();
    const open = await ctx.hub.deps.store.openSessions();
    const queues = new Map<string, { language: string; country: string; queued: number; longestWaitSeconds: number }>();
    for (const s of queued(open)) {
      const key = `${s.context.language}/${s.context.country ?? '-'}`;
      const q = queues.get(key) ?? { language: s.context.language, country: s.context.country ?? '-', queued: 0, longestWaitSeconds: 0 };
      q.queued += 1;
      q.longestWaitSeconds = Math.max(q.longestWaitSeconds, Math.round((now - s.queuedAt) / 1000));
      queues.set(key, q);
    }
    const active = open.filter((s) => s.status === 'active');
    const chats = active.map((s) => ({
      id: s.id, risk: s.context.risk, topic: s.context.topic, language: s.context.language, country: s.context.country ?? '-',
      worker: s.worker?.name ?? '', seconds: Math.max(0, Math.round((now - (s.acceptedAt ?? s.queuedAt)) / 1000))
    }));
    const workers = (await ctx.accounts.all()).map((a) => ({
      username: a.username, name: a.name, role: a.role, languages: a.languages, online: ctx.online.has(a.username),
      chats: chatsHeld(active, a.username), full: ctx.hub.cap.full(active, a.username)
    }));
    res.json({
      queues: [...queues.values()].sort((a, b) => b.longestWaitSeconds - a.longestWaitSeconds),
      chats,
      workers,
      maxChats: ctx.hub.cap.max,
      counts: { queued: queued(open).length, active: active.length, workersOnline: ctx.online.size }
    });
  }, { change: false, supervisor: true }));
  server.get('/api/console/export', authed(ctx, 'export', async (req, res) => {
    const month = new URL(req.url ?? '/', 'http://x').searchParams.get('month') ?? new Date(ctx.hub.now()).toISOString().slice(0, 7);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return sendError(res, 400, 'BadMonth', 'Give "month" as YYYY-MM.');
    const csv = countsCsv(month, await ctx.wrapUp.month(month));
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="beacon-contacts-${month}.csv"`,
      'Cache-Control': 'no-store'
    });
    res.end(csv);
  }, { change: false, supervisor: true }));
  server.get('/api/console/audit', authed(ctx, 'audit', async (req, res) => {
    const date = new URL(req.url ?? '/', 'http://x').searchParams.get('date') ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return sendError(res, 400, 'BadDate', 'Give "date" as YYYY-MM-DD.');
    res.json({ date, entries: await ctx.audit.day(date) });
  }, { change: false, supervisor: true }));
}

function texts(ctx: ConsoleContext, language: string) {
  const resources = ctx.translator.resources;
  const ns = (lang: string) => (resources[lang]?.['handoff'] ?? {}) as Record<string, Record<string, string>>;
  const pick = (group: string) => ({ ...ns('en')[group], ...ns(language)[group] });
  return {
    language,
    texts: pick('console'),
    outcomes: OUTCOMES.map((id) => ({ id, title: pick('outcomes')[id] ?? id })),
    canned: Object.entries(pick('canned')).map(([id, text]) => ({ id, text })),
    categories: categoryIds().map((id) => ({ id, title: pick('categories')[id.replace('/', '_')] ?? id })),
    callTypes: CALL_TYPES.map((id) => ({ id, title: pick('callTypes')[id] ?? id, data: id === 'childAboutSelf' || id === 'aboutAChild' })),
    categoryLimit: ctx.hub.deps.settings.categoryLimit ?? 3,
    values: ns(language)['values'] ?? ns('en')['values']
  };
}
