/**
 * Console sign-in sessions, kept in the store so a restart does not sign workers out (the console reconnects
 * by itself). The cookie carries a random token; the store keys it by its SHA-256, so a copy of the store does
 * not hold usable tokens. Each session has its own CSRF token and ends after CONSOLE_IDLE_MINUTES without use.
 * Repeated wrong passwords lock the user name for CONSOLE_LOCKOUT_MINUTES.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { HandoffStore } from '../../handoff/handoffStore';

export interface ConsoleSession {
  username: string;
  csrf: string;
  lastSeen: number;
}

export interface SessionPolicy {
  idleMs: number;
  maxFailures: number;
  lockoutMs: number;
}

const key = (token: string) => `console/session/${createHash('sha256').update(token).digest('hex')}`;
const throttleKey = (username: string) => `console/login/${createHash('sha256').update(username).digest('hex').slice(0, 32)}`;

export class ConsoleSessions {
  constructor(
    private readonly store: HandoffStore,
    private readonly policy: SessionPolicy,
    private readonly now: () => number = Date.now
  ) {}

  async create(username: string): Promise<{ token: string; session: ConsoleSession }> {
    const token = randomBytes(32).toString('base64url');
    const session: ConsoleSession = { username, csrf: randomBytes(24).toString('base64url'), lastSeen: this.now() };
    await this.store.update(key(token), () => session);
    return { token, session };
  }

  /** The live session for a token, touched now; undefined when unknown or idle too long (then deleted). */
  async check(token: string | undefined, touch = true): Promise<ConsoleSession | undefined> {
    if (!token) return undefined;
    const session = await this.store.get<ConsoleSession>(key(token));
    if (!session) return undefined;
    if (this.now() - session.lastSeen > this.policy.idleMs) {
      await this.store.remove([key(token)]);
      return undefined;
    }
    if (!touch) return session;
    session.lastSeen = this.now();
    await this.store.update(key(token), () => session);
    return session;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) await this.store.remove([key(token)]);
  }

  /** Until when a user name is locked out, if it is. */
  async lockedUntil(username: string): Promise<number | undefined> {
    const entry = await this.store.get<{ failures: number; lockedUntil?: number }>(throttleKey(username));
    return entry?.lockedUntil !== undefined && entry.lockedUntil > this.now() ? entry.lockedUntil : undefined;
  }

  /** Counts a wrong password; returns true when this one locked the user name. */
  async failed(username: string): Promise<boolean> {
    let locked = false;
    await this.store.update<{ failures: number; lockedUntil?: number }>(throttleKey(username), (entry) => {
      const failures = (entry?.lockedUntil && entry.lockedUntil <= this.now() ? 0 : entry?.failures ?? 0) + 1;
      locked = failures >= this.policy.maxFailures;
      return locked ? { failures, lockedUntil: this.now() + this.policy.lockoutMs } : { failures };
    });
    return locked;
  }

  async succeeded(username: string): Promise<void> {
    await this.store.remove([throttleKey(username)]);
  }
}
