/**
 * What every console API route shares: the session cookie (HttpOnly, SameSite=Strict, Secure in production),
 * the check that a request comes from a signed-in worker (401 otherwise), the CSRF check on every change
 * (403 without the session's token in X-CSRF-Token), and one wrapper that turns failures into calm JSON errors.
 */
import type { Request, Response } from 'restify';
import type { IncomingMessage } from 'node:http';
import { HandoffRefusal } from '../../handoff/handoffStore';
import type { Logger } from '../../logging/logger';
import { sendError } from '../httpErrors';
import type { Account } from './accounts';
import type { ConsoleSession } from './consoleSessions';
import type { ConsoleContext } from './consoleContext';

export const COOKIE = 'beacon_console';

export function readCookie(req: IncomingMessage, name = COOKIE): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=') || undefined;
  }
  return undefined;
}

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.header('Set-Cookie', `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`);
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.header('Set-Cookie', `${COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`);
}

export interface Caller {
  token: string;
  session: ConsoleSession;
  account: Account;
}

type Route = (req: Request, res: Response, caller: Caller) => Promise<void>;

/**
 * Wraps an API route: 401 without a live session, 403 on a change without the CSRF token, 409 (or 404) when
 * the hub refuses the change, 500 with a generic message on anything else (logged without request content).
 */
export function authed(ctx: ConsoleContext, name: string, route: Route, options: { change: boolean; supervisor?: boolean }) {
  return async (req: Request, res: Response): Promise<void> => {
    res.header('Cache-Control', 'no-store');
    try {
      const token = readCookie(req);
      const session = await ctx.sessions.check(token);
      const account = session && (await ctx.accounts.find(session.username));
      if (!token || !session || !account) return sendError(res, 401, 'NotSignedIn', 'Sign in to the console first (the session is missing or expired).');
      if (options.change && req.header('x-csrf-token') !== session.csrf) {
        return sendError(res, 403, 'CsrfTokenMissing', 'This change needs the X-CSRF-Token header from GET /api/console/me.');
      }
      if (options.supervisor && account.role !== 'supervisor') return sendError(res, 403, 'SupervisorsOnly', 'Only supervisors may see this.');
      await route(req, res, { token, session, account });
    } catch (error) {
      refusalOrError(res, ctx.logger, name, error);
    }
  };
}

export function refusalOrError(res: Response, logger: Logger, name: string, error: unknown): void {
  if (res.headersSent) return;
  if (error instanceof HandoffRefusal) return sendError(res, error.code === 'NotFound' ? 404 : 409, error.code, error.message);
  logger.error({ event: 'console_route_failed', route: name, error: error instanceof Error ? error.name : typeof error });
  sendError(res, 500, 'ServiceError', 'The console could not handle the request.');
}

/** A JSON body's field as a string within a length, or undefined. */
export function bodyString(req: Request, field: string, max: number): string | undefined {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;
}
