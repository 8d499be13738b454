/**
 * Console sign-in sessions, kept in the store so a restart does not sign workers out (the console reconnects
 * by itself). The cookie carries a random token; the store keys it by its SHA-256, so a copy of the store does
 * not hold usable tokens. Each session has its own CSRF token and ends after CONSOLE_IDLE_MINUTES without use.
 * Repeated wrong passwords lock the user name FROM THAT CLIENT for CONSOLE_LOCKOUT_MINUTES, doubling with each
 * lockout in a row (up to a day): a stranger elsewhere who types a worker's name five times locks only
 * themselves out, never the worker (reliability review D7). Clients are told apart by a hash of their address.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Where sessions and lockouts are kept: the handoff store (one instance) or Redis (N instances). */
export interface SessionItems {
  get<T>(key: string): Promise<T | undefined>;
  update<T extends object>(key: string, change: (current: T | undefined) => T): Promise<T>;
  remove(keys: string[]): Promise<void>;
}

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
const throttleKey = (username: string, client: string) =>
  `console/login/${createHash('sha256').update(`${username}\u0000${client}`).digest('hex').slice(0, 32)}`;
/** The longest a lockout grows to. */
const MAX_LOCKOUT_MS = 24 * 60 * 60 * 1000;

interface Throttle {
  failures: number;
  lockedUntil?: number;
  /** Lockouts in a row for this name and client; each one lasts twice as long as the one before. */
  lockouts?: number;
}

export class ConsoleSessions {
  constructor(
    private readonly store: SessionItems,
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

  /** Until when a user name is locked out for this client, if it is. */
  async lockedUntil(username: string, client: string): Promise<number | undefined> {
    const entry = await this.store.get<Throttle>(throttleKey(username, client));
    return entry?.lockedUntil !== undefined && entry.lockedUntil > this.now() ? entry.lockedUntil : undefined;
  }

  /** Counts a wrong password from this client; returns true when this one locked the user name for it. */
  async failed(username: string, client: string): Promise<boolean> {
    let locked = false;
    await this.store.update<Throttle>(throttleKey(username, client), (entry) => {
      const expired = entry?.lockedUntil !== undefined && entry.lockedUntil <= this.now();
      const failures = (expired ? 0 : entry?.failures ?? 0) + 1;
      const lockouts = entry?.lockouts ?? 0;
      locked = failures >= this.policy.maxFailures;
      if (!locked) return { failures, lockouts, ...(expired ? {} : entry?.lockedUntil ? { lockedUntil: entry.lockedUntil } : {}) };
      const lockoutMs = Math.min(MAX_LOCKOUT_MS, this.policy.lockoutMs * 2 ** lockouts);
      return { failures, lockouts: lockouts + 1, lockedUntil: this.now() + lockoutMs };
    });
    return locked;
  }

  async succeeded(username: string, client: string): Promise<void> {
    await this.store.remove([throttleKey(username, client)]);
  }
}
