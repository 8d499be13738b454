/**
 * Signing in and out. A wrong password and an unknown user name get the same answer after the same work (an
 * argon2id verification), and both count towards the lockout of that user name from that client. Each client
 * may also fail only a few sign-ins a minute, whatever the names (a spray of names is slowed as much as one).
 *   POST /api/console/login   { username, password } → 200 { user, csrfToken } + session cookie | 401 | 429
 *   POST /api/console/logout  (CSRF) → 204
 *   GET  /api/console/me      → 200 { user, csrfToken } | 401
 */
import type { Request, Response, Server } from 'restify';
import { clientAddress } from '../directlineToken';
import { sendError } from '../httpErrors';
import { publicAccount } from './accounts';
import type { ConsoleContext } from './consoleContext';
import { authed, bodyString, clearSessionCookie, refusalOrError, setSessionCookie } from './consoleHttp';
import { dummyHash, verifyPassword } from './passwordHash';

export function registerAuthRoutes(server: Server, ctx: ConsoleContext): void {
  server.post('/api/console/login', async (req: Request, res: Response) => {
    try {
      await login(ctx, req, res);
    } catch (error) {
      refusalOrError(res, ctx.logger, 'login', error);
    }
  });
  server.post('/api/console/logout', authed(ctx, 'logout', async (_req, res, caller) => {
    await ctx.sessions.destroy(caller.token);
    await ctx.audit.record({ actor: caller.account.username, action: 'logout' });
    clearSessionCookie(res, ctx.secureCookies);
    res.send(204);
  }, { change: true }));
  server.get('/api/console/me', authed(ctx, 'me', async (_req, res, caller) => {
    res.json({ user: publicAccount(caller.account), csrfToken: caller.session.csrf });
  }, { change: false }));
}

async function login(ctx: ConsoleContext, req: Request, res: Response): Promise<void> {
  res.header('Cache-Control', 'no-store');
  if (!req.is('application/json')) return sendError(res, 415, 'JsonOnly', 'Send the sign-in as application/json.');
  const username = bodyString(req, 'username', 40)?.toLowerCase();
  const password = bodyString(req, 'password', 1024);
  if (!username || !password) return sendError(res, 400, 'BadRequest', 'Give "username" and "password".');
  const client = clientAddress(req, ctx.trustProxy);
  // Only failures count: a worker who signs in often is never slowed, a client that guesses is.
  const attempt = await ctx.loginLimiter.check(client);
  if (!attempt.allowed) {
    res.header('Retry-After', String(attempt.retryAfterSeconds));
    return sendError(res, 429, 'TooManyAttempts', 'Too many sign-in attempts from here; wait a little and try again.');
  }
  const lockedUntil = await ctx.sessions.lockedUntil(username, client);
  if (lockedUntil) return locked(res, lockedUntil);
  const account = await ctx.accounts.find(username);
  const ok = await verifyPassword(password, account?.hash ?? (await dummyHash()));
  if (!ok || !account) {
    await ctx.loginLimiter.take(client);
    const nowLocked = await ctx.sessions.failed(username, client);
    await ctx.audit.record({ actor: username, action: nowLocked ? 'locked_out' : 'login_failed' });
    if (nowLocked) return locked(res, (await ctx.sessions.lockedUntil(username, client)) ?? Date.now());
    return sendError(res, 401, 'InvalidCredentials', 'The user name or password is wrong.');
  }
  await ctx.sessions.succeeded(username, client);
  const { token, session } = await ctx.sessions.create(username);
  await ctx.audit.record({ actor: username, action: 'login' });
  setSessionCookie(res, token, ctx.secureCookies);
  res.json({ user: publicAccount(account), csrfToken: session.csrf });
}

function locked(res: Response, until: number): void {
  res.header('Retry-After', String(Math.max(1, Math.ceil((until - Date.now()) / 1000))));
  sendError(res, 429, 'LockedOut', 'Too many wrong passwords for this user name; try again later.');
}
