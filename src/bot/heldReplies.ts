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
import { splitBatch, type WaitingMessage } from './tellMeMore';

const HELD = Symbol('beacon.heldReplies');

/** The turn's held replies, for code that runs inside the turn (the welcome starts a batch of its own). */
export function heldRepliesOf(context: TurnContext): HeldReplies | undefined {
  return context.turnState.get(HELD) as HeldReplies | undefined;
}

export class HeldReplies {
  private held: Partial<Activity>[] = [];
  private holding: boolean;
  /** Where the current batch starts: what came before (the welcome) is never held back. */
  private batchStart = 0;

  constructor(private readonly context: TurnContext) {
    this.holding = context.activity.deliveryMode !== 'expectReplies';
    context.turnState.set(HELD, this);
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!this.holding || activities.every((a) => a.type === 'typing')) return next();
      this.held.push(...activities);
      return activities.map((): ResourceResponse => ({ id: `held-${randomUUID()}` }));
    });
  }

  /** What is held from now on is a new batch (after the welcome). */
  startBatch(): void {
    this.batchStart = this.held.length;
  }

  /**
   * Keeps at most `max` bubbles of the current batch to send, the last with the `button` ("Tell me more"), and
   * returns the rest for the caller to keep in state. Nothing is held back when replies are not held.
   */
  holdBack(max: number | undefined, button: string): WaitingMessage[] {
    if (!this.holding) return [];
    const { now, waiting } = splitBatch(this.held.slice(this.batchStart), max, button);
    this.held = [...this.held.slice(0, this.batchStart), ...now];
    return waiting;
  }

  /** The held activities of the current batch (for the button's language). */
  batch(): readonly Partial<Activity>[] {
    return this.held.slice(this.batchStart);
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
