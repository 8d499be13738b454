/**
 * Reaches a user outside their own turn: a worker's message minutes later, "a worker accepted", a new queue
 * position. Bot Framework proactive messages (`continueConversationAsync` with the saved reference) go through
 * the user's channel — on the widget, the local Direct Line's WebSocket. The adapter exists only once the
 * server is built, so it is connected after the bot is assembled.
 */
import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { setTurnLanguage } from '../bot/turnLanguage';

export interface UserChannel {
  /** Runs `work` in a proactive turn on the user's conversation; rejects when the channel refuses. */
  send(reference: Partial<ConversationReference>, language: string, work: (context: TurnContext) => Promise<void>): Promise<void>;
}

export class ProactiveChannel implements UserChannel {
  private adapter?: CloudAdapter;
  private appId = '';

  connect(adapter: CloudAdapter, appId: string): void {
    this.adapter = adapter;
    this.appId = appId;
  }

  async send(reference: Partial<ConversationReference>, language: string, work: (context: TurnContext) => Promise<void>): Promise<void> {
    if (!this.adapter) throw new Error('Handoff: cannot reach the user because no adapter is connected (startBeacon connects it).');
    // The adapter hands a failed proactive turn to its onTurnError and resolves, so a refusal by the channel
    // (the user went away) would pass for a delivery: keep the failure here and reject with it.
    let failure: { cause: unknown } | undefined = { cause: new Error('the proactive turn did not run') };
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      setTurnLanguage(context, language);
      // A proactive turn starts from a made-up activity; replies to it would carry its id as `replyToId`, and
      // Web Chat holds back a reply to an activity it has never seen (for seconds) before showing it.
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      try {
        await work(context);
        failure = undefined;
      } catch (cause) {
        failure = { cause };
      }
    });
    if (failure) throw new Error("Handoff: the user's channel did not take the message (they may have left).", failure);
  }
}
