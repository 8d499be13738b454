/**
 * The bot: an ordered, first-match-wins list of routes (`turnRouter.ts`). Conversation starts greet; messages and card submissions go to the conversation handler; any other
 * activity type is ignored politely (no reply, no error). State is saved once at the end of each turn, before
 * the turn's replies go out (`heldReplies.ts`); a message delivered twice is handled once (`seenActivities.ts`).
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Translator } from '../content/translator';
import { HeldReplies } from './heldReplies';
import { SeenActivities } from './seenActivities';
import type { BeaconState } from './state';
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
      // While a helpline worker has the conversation, the relay takes the user's messages (DESIGN.md §3).
      if (!(await this.relay?.handle(context))) await this.router.run(context);
      await this.state.save(context);
    } finally {
      // After the save: the user never sees a question the store does not know they were asked.
      await replies.release();
    }
  }

  private async onMembersAdded(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    const userJoined = (context.activity.membersAdded ?? []).some((m) => m.id !== botId);
    if (userJoined && (await greetOnce(context, this.state, this.translator))) {
      await this.handler.onStart(context);
    }
  }

  private async onMessage(context: TurnContext): Promise<void> {
    const firstTurn = await greetOnce(context, this.state, this.translator);
    await this.handler.onMessage(context, firstTurn);
  }
}
