/**
 * The bot: an ordered, first-match-wins list of routes (`turnRouter.ts`). Conversation starts greet; messages and card submissions go to the conversation handler; any other
 * activity type is ignored politely (no reply, no error). State is saved once at the end of each turn, before
 * the turn's replies go out (`heldReplies.ts`); a message delivered twice is handled once (`seenActivities.ts`).
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Translator } from '../content/translator';
import { HeldReplies, heldRepliesOf } from './heldReplies';
import { SeenActivities } from './seenActivities';
import type { BeaconState } from './state';
import { asksForMore, bubbleLimit, tellMeMore } from './tellMeMore';
import { turnLanguage } from './turnLanguage';
import { TurnRouter } from './turnRouter';
import { greetOnce } from './welcome';

/** What handles a user's message after the greeting; the script engine implements it. */
export interface ConversationHandler {
  /** Called for a new conversation right after the welcome. */
  onStart(context: TurnContext): Promise<void>;
  /**
   * Called for every message or card submission. `firstTurn` is true when the welcome was just sent in
   * this turn: the handler still reads the message (it may be a cry for help), then starts the conversation.
   */
  onMessage(context: TurnContext, firstTurn: boolean): Promise<void>;
}

/** Runs before the router; the handoff relay implements it. True: the turn was handled, the router must not run. */
export interface TurnRelay {
  handle(context: TurnContext): Promise<boolean>;
}

export class BeaconBot {
  private readonly router = new TurnRouter();
  private readonly seen: SeenActivities;

  constructor(
    private readonly state: BeaconState,
    private readonly translator: Translator,
    private readonly handler: ConversationHandler,
    private readonly relay?: TurnRelay,
    /** Routes that go first (first match wins): the helpline workers' Teams channel actions. */
    routes?: (router: TurnRouter) => void
  ) {
    this.seen = new SeenActivities(state.seen);
    routes?.(this.router);
    this.router.membersAdded((context) => this.onMembersAdded(context));
    this.router.activity(ActivityTypes.Message, (context) => this.onMessage(context));
  }

  /** Runs one turn; unknown activity types fall through every route and are ignored. */
  async run(context: TurnContext): Promise<void> {
    // The same message delivered twice (a channel's retry) is handled once, even across a restart.
    if (await this.seen.isRepeat(context)) return;
    const replies = new HeldReplies(context);
    try {
      if (!(await this.sendWaiting(context))) {
        // While a helpline worker has the conversation, the relay takes the user's messages (DESIGN.md §3).
        if (!(await this.relay?.handle(context))) await this.router.run(context);
      }
      await this.keepWaiting(context, replies);
      await this.state.save(context);
    } finally {
      // After the save: the user never sees a question the store does not know they were asked.
      await replies.release();
    }
  }

  /**
   * "Tell me more" (or "more" typed in any language) after a turn that held messages back: sends them, and the
   * turn ends there. Any other message drops what was waiting and is answered as usual. True: the turn was handled.
   */
  private async sendWaiting(context: TurnContext): Promise<boolean> {
    if (context.activity.type !== ActivityTypes.Message) return false;
    const data = await this.state.conversationData.get(context, {});
    const waiting = data.waiting;
    if (!waiting?.length) return false;
    delete data.waiting;
    await this.state.conversationData.set(context, data);
    if (!asksForMore(context.activity.text, this.translator)) return false;
    await context.sendActivities(waiting.map((w) => ({ ...w })));
    return true;
  }

  /** Holds back what goes beyond the channel's bubbles per turn, in state for the next "Tell me more". */
  private async keepWaiting(context: TurnContext, replies: HeldReplies): Promise<void> {
    const max = bubbleLimit(context.activity.channelId);
    if (max === undefined) return;
    const waiting = replies.holdBack(max, tellMeMore(this.translator, replies.batch(), turnLanguage(context)));
    if (waiting.length === 0) return;
    const data = await this.state.conversationData.get(context, {});
    data.waiting = waiting;
    await this.state.conversationData.set(context, data);
  }

  private async onMembersAdded(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    const userJoined = (context.activity.membersAdded ?? []).some((m) => m.id !== botId);
    if (userJoined && (await greetOnce(context, this.state, this.translator))) {
      heldRepliesOf(context)?.startBatch();
      await this.handler.onStart(context);
    }
  }

  private async onMessage(context: TurnContext): Promise<void> {
    const firstTurn = await greetOnce(context, this.state, this.translator);
    if (firstTurn) heldRepliesOf(context)?.startBatch();
    await this.handler.onMessage(context, firstTurn);
  }
}
