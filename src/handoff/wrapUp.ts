/**
 * The wrap-up: after a chat a worker had ends (they ended it, or the user left), the worker records what
 * helplines report — contact categories (up to HANDOFF_CATEGORY_LIMIT), the call type, the outcome — and may
 * keep private notes until then. Only counts are kept, per month: by category, call type, outcome, language,
 * country and age band, never a message or a note. Then the session, its messages and its notes are deleted
 * (or kept for HANDOFF_RETENTION_DAYS). Kept apart from the queue so a transport change leaves it alone.
 */
import { CALL_TYPES, isCategory } from './contactCategories';
import type { HandoffHub } from './handoffHub';
import { HandoffRefusal } from './handoffStore';
import type { HandoffSession, WorkerRef } from './handoffTypes';

export const OUTCOMES = ['supported', 'referred', 'safeguarding', 'no_reply', 'other'] as const;
export const MAX_NOTES = 4000;
export const DIMENSIONS = ['contacts', 'category', 'callType', 'outcome', 'language', 'country', 'ageBand', 'left'] as const;
type Dimension = (typeof DIMENSIONS)[number];
export type MonthCounts = Partial<Record<Dimension, Record<string, number>>>;

export interface WrapUpForm {
  categories: string[];
  callType: string;
  outcome: string;
}

export class WrapUp {
  constructor(private readonly hub: HandoffHub) {}

  private get limit(): number {
    return this.hub.deps.settings.categoryLimit ?? 3;
  }

  /** What is wrong with a form, as one sentence for the API's error; undefined when it is complete. */
  problem(form: Partial<WrapUpForm>): string | undefined {
    const categories = form.categories ?? [];
    if (categories.length === 0 || categories.length > this.limit) return `Choose 1 to ${this.limit} "categories".`;
    const unknown = categories.find((c) => !isCategory(c));
    if (unknown !== undefined) return `"${unknown.slice(0, 40)}" is not a contact category.`;
    if (!form.callType || !CALL_TYPES.includes(form.callType)) return `Give "callType", one of: ${CALL_TYPES.join(', ')}.`;
    if (!form.outcome || !(OUTCOMES as readonly string[]).includes(form.outcome)) return `Give "outcome", one of: ${OUTCOMES.join(', ')}.`;
    return undefined;
  }

  /** The worker's private notes on their chat (live or waiting for its wrap-up); never logged. */
  async setNotes(sessionId: string, worker: WorkerRef, notes: string): Promise<void> {
    await this.hub.deps.store.updateSession(sessionId, (s) => {
      this.mine(s, worker);
      if (notes) s.notes = notes.slice(0, MAX_NOTES);
      else delete s.notes;
    });
  }

  /** Counts the form, then deletes the session with its messages and notes (unless retention keeps it). */
  async submit(sessionId: string, worker: WorkerRef, form: WrapUpForm): Promise<HandoffSession> {
    const problem = this.problem(form);
    if (problem) throw new HandoffRefusal('BadWrapUp', problem);
    const session = await this.hub.deps.store.updateSession(sessionId, (s) => {
      this.mine(s, worker);
      if (!s.wrapUpDue) throw new HandoffRefusal('NoWrapUp', 'This chat has no wrap-up due (it is still live, or it was already wrapped up).');
      delete s.wrapUpDue;
      s.outcome = form.outcome;
      // Notes go with the session: kept only while a retention period keeps the session.
      if (s.keepUntil === undefined) delete s.notes;
    });
    await this.count(session, form);
    await this.hub.deps.audit.record({ actor: worker.username, action: 'wrapped_up', session: sessionId, detail: form.outcome });
    await this.hub.deps.store.close(session);
    this.hub.deps.events.emit('session', session);
    return session;
  }

  /** A worker's End with the outcome only (the older API): counted by outcome alone. */
  async countOutcomeOnly(session: HandoffSession): Promise<void> {
    await this.add(session.endedAt ?? this.hub.now(), [['contacts', 'all'], ['outcome', session.outcome ?? 'other'], ...contextCounts(session)]);
  }

  /** A wrap-up nobody did within a day: the session is deleted anyway (uncounted), never kept by neglect. */
  async expireDue(now: number, maxAgeMs = 86_400_000): Promise<void> {
    for (const s of await this.hub.deps.store.openSessions()) {
      if (!s.wrapUpDue || (s.endedAt ?? now) > now - maxAgeMs) continue;
      const session = await this.hub.deps.store.updateSession(s.id, (x) => {
        delete x.wrapUpDue;
        if (x.keepUntil === undefined) delete x.notes;
      });
      await this.hub.deps.store.close(session);
    }
  }

  async month(month: string): Promise<MonthCounts> {
    return (await this.hub.deps.store.get<MonthCounts>(`handoff/stats/${month}`)) ?? {};
  }

  private async count(session: HandoffSession, form: WrapUpForm): Promise<void> {
    const pairs: Array<[Dimension, string]> = [
      ['contacts', 'all'], ...form.categories.map((c): [Dimension, string] => ['category', c]),
      ['callType', form.callType], ['outcome', form.outcome], ...contextCounts(session)
    ];
    await this.add(session.endedAt ?? this.hub.now(), pairs);
  }

  private async add(at: number, pairs: Array<[Dimension, string]>): Promise<void> {
    const month = new Date(at).toISOString().slice(0, 7);
    await this.hub.deps.store.update<MonthCounts>(`handoff/stats/${month}`, (current) => {
      const next: MonthCounts = { ...current };
      for (const [dimension, value] of pairs) {
        const group = { ...next[dimension] };
        group[value] = (group[value] ?? 0) + 1;
        next[dimension] = group;
      }
      return next;
    });
  }

  private mine(s: HandoffSession, worker: WorkerRef): void {
    if (s.worker?.username !== worker.username) throw new HandoffRefusal('NotYours', 'Only the worker who had this chat can write its notes and wrap-up.');
  }
}

function contextCounts(session: HandoffSession): Array<[Dimension, string]> {
  const c = session.context;
  const pairs: Array<[Dimension, string]> = [['language', c.language], ['country', c.country ?? 'unknown'], ['ageBand', c.ageBand ?? 'unspecified']];
  if (session.left) pairs.push(['left', session.left]);
  return pairs;
}

/** The month's counts as CSV: month,dimension,value,count — counts only, no text from any conversation. */
export function countsCsv(month: string, counts: MonthCounts): string {
  const rows = ['month,dimension,value,count'];
  for (const dimension of DIMENSIONS) {
    for (const [value, n] of Object.entries(counts[dimension] ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
      rows.push([month, dimension, csvCell(value), String(n)].join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Values are ids and codes; anything else is quoted, and a leading formula character is neutralised. */
function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /^[A-Za-z0-9_/.-]*$/.test(safe) ? safe : `"${safe.replace(/"/g, '""')}"`;
}
