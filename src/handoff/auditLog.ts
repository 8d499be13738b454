/**
 * Who accepted, viewed, transferred and ended what, and when — never what anyone wrote. One store item per
 * day, appended with the eTag so two instances never overwrite each other's lines. Supervisors read it.
 */
import type { HandoffStore } from './handoffStore';

export type AuditAction = 'login' | 'login_failed' | 'locked_out' | 'logout' | 'accepted' | 'viewed' | 'transferred' | 'ended' | 'user_left' | 'wrapped_up';

export interface AuditEntry {
  at: number;
  actor: string;
  action: AuditAction;
  session?: string;
  /** Short codes only (an outcome code, a transfer target); never free text. */
  detail?: string;
}

export class AuditLog {
  constructor(private readonly store: HandoffStore, private readonly now: () => number = Date.now) {}

  async record(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    const at = this.now();
    const line: AuditEntry = { at, ...entry };
    await this.store.update<{ entries: AuditEntry[] }>(dayKey(at), (day) => ({ entries: [...(day?.entries ?? []), line] }));
  }

  /** The entries of one day (UTC, "YYYY-MM-DD"). */
  async day(date: string): Promise<AuditEntry[]> {
    return (await this.store.get<{ entries: AuditEntry[] }>(`handoff/audit/${date}`))?.entries ?? [];
  }
}

function dayKey(at: number): string {
  return `handoff/audit/${new Date(at).toISOString().slice(0, 10)}`;
}
