/**
 * POST /api/handoff/left  { conversationId, key, what: "quick_exit" | "closed" | "back" } → 204
 * The widget's `navigator.sendBeacon` when a child presses Quick Exit or closes the page (text/plain, so the
 * browser sends it as the page goes away). The key is the one the bot gave that conversation when it joined
 * the queue; a wrong key or a bad body changes nothing and gets a 400 that says what is missing.
 */
import type { Request, Response, Server } from 'restify';
import type { Report } from '../../handoff/departures';
import { sendError } from '../httpErrors';
import type { ConsoleContext } from './consoleContext';
import { refusalOrError } from './consoleHttp';

const REPORTS: readonly Report[] = ['quick_exit', 'closed', 'back'];

export function registerLeaveRoute(server: Server, ctx: ConsoleContext): void {
  server.post('/api/handoff/left', async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    const body = parse(req.body);
    const conversationId = field(body, 'conversationId', 200);
    const key = field(body, 'key', 100);
    const what = field(body, 'what', 20) as Report | undefined;
    if (!conversationId || !key || !what || !REPORTS.includes(what)) {
      return sendError(res, 400, 'BadRequest', 'Give "conversationId", "key" (from the bot) and "what": quick_exit, closed or back.');
    }
    try {
      if (!(await ctx.departures.report(conversationId, key, what))) return sendError(res, 400, 'BadKey', 'This key does not belong to this conversation.');
      res.send(204);
    } catch (error) {
      refusalOrError(res, ctx.logger, 'left', error);
    }
  });
}

function parse(body: unknown): Record<string, unknown> {
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      const value: unknown = JSON.parse(String(body));
      return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}

function field(body: Record<string, unknown>, name: string, max: number): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}
