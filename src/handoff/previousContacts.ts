/**
 * "Contacted before" (helpline-worker-features row 13, pseudonymous identifier only): when a user asks for a
 * person, whether the same user on the same channel asked before within HANDOFF_PREVIOUS_CONTACT_DAYS, how many
 * times and, coarsely, how long ago. The channel and user id are kept only as a keyed hash (HMAC-SHA256 with a
 * secret kept in the store, so a list of guessed ids cannot be matched against it), with the day of each request
 * — never a message, a note, a topic or an outcome. A request lapses after the window; "stop" deletes the user's
 * record; an hourly sweep deletes the lapsed ones that nobody asked about again. Keys:
 *   handoff/contact/<hash>   { days: [start of the UTC day of each request, oldest first] }
 *   handoff/contacts         { until: { <hash>: when that record lapses } }   (the store cannot list keys)
 */
import { createHmac } from 'node:crypto';
import type { HandoffStore } from './handoffStore';

const DAY_MS = 86_400_000;
/** More requests than this in one window count as this many: the flag says "often" either way. */
const MAX_KEPT = 50;
const INDEX = 'handoff/contacts';

/** How long ago, in coarse steps: today, the past 7 days, 1–2 weeks, 2 weeks to a month, more than a month. */
export type Since = 'today' | 'week' | 'weeks' | 'month' | 'longer';

export interface PreviousContact {
  /** Earlier requests for a person within the window. */
  times: number;
  /** When the last one was. */
  last: Since;
}

/** Who asked: the channel and the user's id on it, as the channel gives them. */
export interface ContactId {
  channelId?: string;
  userId?: string;
}

interface ContactRecord {
  days: number[];
}

export class PreviousContacts {
  constructor(
    private readonly store: HandoffStore,
    private readonly secret: Buffer,
    /** The window in days; 0 keeps nothing. */
    readonly days: number,
    private readonly now: () => number
  ) {}

  /** Creates the sweep's index before two requests change it at once (see HandoffStore.update). */
  async init(): Promise<void> {
    if (!(await this.store.get(INDEX))) await this.store.update(INDEX, (index) => index ?? { until: {} });
  }

  /** The user's earlier requests still within the window; undefined when there are none (or it is off). */
  async recall(who: ContactId): Promise<PreviousContact | undefined> {
    const key = this.keyOf(who);
    if (!key) return undefined;
    const days = this.current((await this.store.get<ContactRecord>(key))?.days ?? []);
    const last = days[days.length - 1];
    if (last === undefined) return undefined;
    return { times: days.length, last: since(this.dayOf(this.now()) - last) };
  }

  /** Remembers one more request (today) and when the record lapses. */
  async record(who: ContactId): Promise<void> {
    const key = this.keyOf(who);
    if (!key) return;
    const today = this.dayOf(this.now());
    await this.store.update<ContactRecord>(key, (r) => ({ days: [...this.current(r?.days ?? []), today].slice(-MAX_KEPT) }));
    await this.index((until) => (until[hashOf(key)] = today + this.days * DAY_MS));
  }

  /** "stop": the user's record goes at once. */
  async forget(who: ContactId): Promise<void> {
    const key = this.keyOf(who);
    if (!key) return;
    await this.store.remove([key]);
    await this.index((until) => delete until[hashOf(key)]);
  }

  /** Deletes the records whose last request is past the window; returns how many. */
  async purgeExpired(now = this.now()): Promise<number> {
    const until = (await this.store.get<{ until: Record<string, number> }>(INDEX))?.until ?? {};
    const lapsed = Object.keys(until).filter((hash) => until[hash]! <= now);
    if (lapsed.length === 0) return 0;
    await this.store.remove(lapsed.map((hash) => `handoff/contact/${hash}`));
    await this.index((current) => lapsed.forEach((hash) => current[hash]! <= now && delete current[hash]));
    return lapsed.length;
  }

  private keyOf(who: ContactId): string | undefined {
    if (this.days <= 0 || !who.channelId || !who.userId) return undefined;
    const hash = createHmac('sha256', this.secret).update(`${who.channelId}\u0000${who.userId}`).digest('hex');
    return `handoff/contact/${hash}`;
  }

  /** The days still within the window. */
  private current(days: number[]): number[] {
    const oldest = this.dayOf(this.now()) - (this.days - 1) * DAY_MS;
    return days.filter((d) => d >= oldest);
  }

  private dayOf(time: number): number {
    return Math.floor(time / DAY_MS) * DAY_MS;
  }

  private async index(change: (until: Record<string, number>) => unknown): Promise<void> {
    await this.store.update<{ until: Record<string, number> }>(INDEX, (index) => {
      const until = { ...(index?.until ?? {}) };
      change(until);
      return { until };
    });
  }
}

function hashOf(key: string): string {
  return key.slice('handoff/contact/'.length);
}

function since(ms: number): Since {
  const days = Math.round(ms / DAY_MS);
  if (days <= 0) return 'today';
  if (days < 7) return 'week';
  if (days < 14) return 'weeks';
  if (days <= 31) return 'month';
  return 'longer';
}
