/**
 * `GET /api/directline/token` (production only): trades the Direct Line secret, which must never reach a
 * browser, for a short-lived token bound to one new conversation, by calling the Direct Line service's
 * `tokens/generate`. The widget page calls it once per chat. The token names a random `dl_` user id, so the
 * browser cannot pose as another user, and nothing identifies the person. `POST` is accepted as well, so the
 * widget uses one request shape here and against the local Direct Line.
 * Each client may start a limited number of chats (a token bucket keyed by a hash of its address): enough for
 * a school class behind one address, too few for a script to drain the bot's Direct Line quota.
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod/v4';
import { hashId, type Logger } from '../logging/logger';
import { sendError } from './httpErrors';
import { RateLimiter, type Limiter } from './rateLimiter';

export const DIRECTLINE_TOKEN_ROUTE = '/api/directline/token';

export interface DirectLineTokenOptions {
  /** Unset: the route answers 503, so the page shows its calm "unavailable" text. */
  secret?: string;
  /** e.g. https://europe.directline.botframework.com (no trailing slash). */
  endpoint: string;
  /** True behind a proxy that appends the client's address to X-Forwarded-For (Azure App Service does). */
  trustProxy: boolean;
  logger: Logger;
  /** Shared by the instances with REDIS_URL; this process's own otherwise. */
  limiter?: Limiter;
  timeoutMs?: number;
}

/** 20 chat starts at once per address, then one more every 3 seconds. */
export const DEFAULT_TOKEN_LIMIT = { capacity: 20, refillMs: 3000 };

const tokenReply = z.object({ token: z.string().min(1), conversationId: z.string().min(1), expires_in: z.number().int().positive() });

export function registerDirectLineTokenRoute(server: Server, options: DirectLineTokenOptions): void {
  const limiter = options.limiter ?? new RateLimiter(DEFAULT_TOKEN_LIMIT);
  const handler = async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    const decision = await limiter.take(clientAddress(req, options.trustProxy));
    if (!decision.allowed) {
      res.header('Retry-After', String(decision.retryAfterSeconds));
      return sendError(res, 429, 'TooManyRequests', `Too many chats started from this address; try again in ${decision.retryAfterSeconds} s.`);
    }
    if (!options.secret) {
      return sendError(res, 503, 'NotConfigured', 'Web chat is not set up on this server: DIRECTLINE_SECRET is not set.');
    }
    const outcome = await generateToken(options.endpoint, options.secret, options.timeoutMs ?? 10000);
    if (!outcome.ok) {
      options.logger.warn({ event: 'directline_token_failed', status: outcome.status, err: outcome.reason });
      return sendError(res, 502, 'DirectLineUnavailable', 'The Direct Line service did not issue a token; try again shortly.');
    }
    options.logger.info({ event: 'directline_token_issued', conversation: hashId(outcome.reply.conversationId) });
    res.json(200, outcome.reply);
  };
  server.get(DIRECTLINE_TOKEN_ROUTE, handler);
  server.post(DIRECTLINE_TOKEN_ROUTE, handler);
}

type Outcome = { ok: true; reply: z.infer<typeof tokenReply> } | { ok: false; status?: number; reason: string };

async function generateToken(endpoint: string, secret: string, timeoutMs: number): Promise<Outcome> {
  try {
    const response = await fetch(`${endpoint}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: { id: `dl_${randomUUID()}` } }),
      signal: AbortSignal.timeout(timeoutMs)
    });
    if (!response.ok) return { ok: false, status: response.status, reason: 'rejected' };
    const parsed = tokenReply.safeParse(await response.json());
    return parsed.success ? { ok: true, reply: parsed.data } : { ok: false, status: response.status, reason: 'unexpected reply' };
  } catch (error) {
    // The cause names the network problem (refused, timeout); it never contains the secret.
    return { ok: false, reason: (error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable' };
  }
}

/**
 * The address to rate-limit by. Behind a trusted proxy, the last X-Forwarded-For entry (the one the proxy
 * itself added; earlier entries are whatever the client claimed); otherwise the socket's peer.
 */
export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.header('x-forwarded-for');
    const last = forwarded?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (last) return withoutPort(last);
  }
  return req.socket?.remoteAddress ?? 'unknown';
}

/** "203.0.113.7:51234" → "203.0.113.7", "[2001:db8::1]:443" → "2001:db8::1"; a bare IPv6 address is kept. */
export function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) return bracketed[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4?.[1] ?? address;
}
