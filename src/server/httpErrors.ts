/**
 * One shape for every error Beacon's HTTP API returns: `{ "error": { "code", "message" } }`, the shape the
 * Bot Framework services use. Messages say what was wrong with the request and never reveal internals.
 */
import type { Response } from 'restify';

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ error: { code, message } });
}
