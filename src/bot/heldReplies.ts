/**
 * Replies wait until the turn's state is saved (reliability review D6). Without this, a process killed after
 * a reply went out but before the store was written leaves the user looking at question N+1 while the store
 * still holds question N; their next answer then goes to the wrong question. Holding the messages of a turn and
 * sending them right after the save closes that window: what the user sees is always what the store has.
 * Typing indicators pass at once (they say a reply is coming; holding them defeats them), and with
 * `expectReplies` botbuilder already returns the replies in the HTTP response after the turn.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';

export class HeldReplies {
  private held: Partial<Activity>[] = [];
  private holding: boolean;

  constructor(private readonly context: TurnContext) {
    this.holding = context.activity.deliveryMode !== 'expectReplies';
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!this.holding || activities.every((a) => a.type === 'typing')) return next();
      this.held.push(...activities);
      return activities.map((): ResourceResponse => ({ id: `held-${randomUUID()}` }));
    });
  }

  /** Sends what was held, in order, and lets anything sent after this (an apology on error) go at once. */
  async release(): Promise<void> {
    this.holding = false;
    const activities = this.held;
    this.held = [];
    if (activities.length === 0) return;
    await this.context.adapter.sendActivities(this.context, activities);
    this.context.responded = true;
  }
}
