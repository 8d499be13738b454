/**
 * A worker holds at most HANDOFF_MAX_CHATS_PER_WORKER live chats at once (helpline-worker-features row 5). A
 * chat that ended and waits for its wrap-up does not count: the child is gone, and a forgotten wrap-up must not
 * lock a worker out of the queue.
 *
 * The count and the accept that could exceed it run one at a time per worker, so two accepts pressed together
 * (two tabs, a double click) cannot both pass a count of cap − 1: in this process behind a promise chain per
 * worker; with N instances also behind a short Redis claim on the worker (the same SET NX PX claim that lets one
 * accept per session go ahead). When that claim is busy the accept waits a little and tries again; when Redis
 * cannot be reached, only the chain in this process serialises, as the session claim then leaves it to the eTag.
 */
import type { HandoffSession } from './handoffTypes';
import { HandoffRefusal } from './handoffStore';
import type { SessionClaims } from './scaleOut';

const CLAIM_ATTEMPTS = 20;
const CLAIM_PAUSE_MS = 50;

/** The live chats a worker holds in these sessions. */
export function chatsHeld(sessions: HandoffSession[], username: string): number {
  return sessions.filter((s) => s.status === 'active' && s.worker?.username === username).length;
}

export class WorkerCap {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    readonly max: number,
    private readonly claims?: SessionClaims
  ) {}

  full(sessions: HandoffSession[], username: string): boolean {
    return chatsHeld(sessions, username) >= this.max;
  }

  /** Refuses when the worker already holds the most chats they may. */
  check(sessions: HandoffSession[], username: string): void {
    if (!this.full(sessions, username)) return;
    throw new HandoffRefusal('AtCapacity', `You already hold ${this.max} chats, the most at once (HANDOFF_MAX_CHATS_PER_WORKER). End or pass one on first.`);
  }

  /** Runs `work` alone for this worker: no other accept of theirs runs meanwhile, here or (with Redis) elsewhere. */
  async alone<T>(username: string, work: () => Promise<T>): Promise<T> {
    const before = this.chains.get(username) ?? Promise.resolve();
    const run = before.then(() => this.claimed(username, work));
    const tail = run.catch(() => undefined);
    this.chains.set(username, tail);
    try {
      return await run;
    } finally {
      if (this.chains.get(username) === tail) this.chains.delete(username);
    }
  }

  private async claimed<T>(username: string, work: () => Promise<T>): Promise<T> {
    const claims = this.claims;
    if (!claims) return work();
    const key = `worker:${username}`;
    let held: boolean | undefined = false;
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS && held === false; attempt++) {
      held = await claims.hold(key).catch(() => undefined);
      if (held === false) await new Promise((resolve) => setTimeout(resolve, CLAIM_PAUSE_MS * attempt));
    }
    if (held === false) throw new HandoffRefusal('Busy', 'Another accept of yours is still under way. Try again in a moment.');
    try {
      return await work();
    } finally {
      if (held) await claims.release(key);
    }
  }
}
