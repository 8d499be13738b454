/**
 * The answers to the one optional question after a chat, counted per month and per answer only: not linked to
 * the session, the worker or the user, so no worker can ever read what a user said about them.
 */
import type { HandoffStore } from './handoffStore';

export type FeedbackAnswer = 'yes' | 'somewhat' | 'no';

export class FeedbackLog {
  constructor(private readonly store: HandoffStore, private readonly now: () => number = Date.now) {}

  async count(answer: FeedbackAnswer): Promise<void> {
    const month = new Date(this.now()).toISOString().slice(0, 7);
    await this.store.update<Record<string, number>>(`handoff/feedback/${month}`, (c) => ({ ...c, [answer]: (c?.[answer] ?? 0) + 1 }));
  }

  async month(month: string): Promise<Record<string, number>> {
    return (await this.store.get<Record<string, number>>(`handoff/feedback/${month}`)) ?? {};
  }
}
