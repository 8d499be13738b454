/**
 * Texts and oversight:
 *   GET /api/console/texts?lang=fr   → { language, texts, outcomes, canned }   (public: the page's words)
 *   GET /api/console/overview        → supervisors: every queue with counts and longest wait, live counts
 *   GET /api/console/audit?date=…    → supervisors: one day of the audit log (no message text in it)
 */
import type { Request, Response, Server } from 'restify';
import { queued } from '../../handoff/queueOrder';
import { sendError } from '../httpErrors';
import { authed } from './consoleHttp';
import type { ConsoleContext } from './consoleContext';
import { OUTCOMES } from './chatRoutes';

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
    res.json({
      queues: [...queues.values()],
      counts: { queued: queued(open).length, active: open.filter((s) => s.status === 'active').length, workersOnline: ctx.online.size }
    });
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
    values: ns(language)['values'] ?? ns('en')['values']
  };
}
