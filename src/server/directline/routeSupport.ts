/**
 * Small helpers every Direct Line route uses: one wrapper that turns any failure into a calm JSON error (no
 * stack trace ever reaches a client, and the log gets the error's name and frames but not its message, which
 * may quote user input), the query string without depending on restify's queryParser, and watermarks.
 */
import type { Request, Response } from 'restify';
import { sendError } from '../httpErrors';
import type { DirectLineContext } from './context';

export type Handler = (req: Request, res: Response) => Promise<void>;

/**
 * Wraps a route: 500 with a generic message if the handler throws, and 503 after shutdown unless
 * `serveWhenClosed` — the bot-facing routes keep answering (404 once conversations are cleared), because
 * botbuilder retries a 503 for many seconds and that would hold up the bot's shutdown.
 */
export function guard(ctx: DirectLineContext, route: string, handler: Handler, serveWhenClosed = false): Handler {
  return async (req: Request, res: Response): Promise<void> => {
    if (ctx.closed && !serveWhenClosed) {
      sendError(res, 503, 'ServiceUnavailable', 'The local Direct Line service is shutting down.');
      return;
    }
    try {
      await handler(req, res);
    } catch (error) {
      ctx.logger.error({ event: 'directline_route_failed', route, error: errorSummary(error) });
      if (!res.headersSent) sendError(res, 500, 'ServiceError', 'The local Direct Line service could not handle the request.');
    }
  };
}

/** An error's name and stack frames, without the message line (it may contain what a user sent). */
export function errorSummary(error: unknown): { name: string; frames?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  return { name: error.name, frames: error.stack?.split('\n').slice(1, 6).join('\n') };
}

/** One query-string value. */
export function queryParam(req: Request, name: string): string | undefined {
  return new URL(req.url ?? '/', 'http://localhost').searchParams.get(name) ?? undefined;
}

/**
 * A watermark from the query: absent, empty or '-' mean "from the start" (what clients send before they have
 * one); otherwise a non-negative integer. `null` means the value is not a watermark.
 */
export function parseWatermark(value: string | undefined): number | undefined | null {
  if (value === undefined || value === '' || value === '-') return undefined;
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** A path parameter as a string (restify decodes it). */
export function pathParam(req: Request, name: string): string {
  const value: unknown = req.params?.[name];
  return typeof value === 'string' ? value : '';
}
