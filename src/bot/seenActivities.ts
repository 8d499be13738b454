/**
 * A user's message is handled once, even when the channel delivers it twice (a retry after a timeout, a
 * client resending after a restart). The ids of the conversation's last messages live in its conversation
 * state, so they are saved in the same write as the turn's position (a kill cannot keep one without the
 * other), survive a restart, add no store call to a turn, and expire with the conversation (STATE_TTL_DAYS).
 * The key is the channel's activity id with its timestamp: a redelivery repeats both, while a restarted
 * local Direct Line may reuse an id but not its timestamp.
 */
import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';

/** How many recent message keys a conversation remembers; a retry comes within seconds, a few messages later at most. */
export const SEEN_KEEP = 32;

export interface SeenList {
  keys: string[];
}

export class SeenActivities {
  constructor(private readonly seen: StatePropertyAccessor<SeenList>) {}

  /**
   * True when this message was handled before (the turn must do nothing); otherwise remembers it, to be saved
   * with the turn's state. Activities without an id, and anything but messages, are always new.
   */
  async isRepeat(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message || typeof activity.id !== 'string' || !activity.id) return false;
    const key = `${activity.id}|${String(activity.timestamp ?? '')}`;
    const list = await this.seen.get(context, { keys: [] });
    if (list.keys.includes(key)) return true;
    await this.seen.set(context, { keys: [...list.keys, key].slice(-SEEN_KEEP) });
    return false;
  }
}
