/**
 * The router: an ordered, first-match-wins list of routes — the part of teams-ai's `Application` that Beacon
 * used. Loading teams-ai costs about as much start-up time as botbuilder itself, because its `Application`
 * loads its AI side (planners, prompts, moderators, the OpenAI client and tokenizer) and botbuilder-dialogs'
 * prompts with their date and number recognizers; Beacon calls none of them (`npm run bench`, start-up
 * profile). The routes keep teams-ai's meaning, so a move to the Microsoft 365 Agents SDK's router is a rename.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';

/** Whether a route takes this turn. */
export type RouteSelector = (context: TurnContext) => boolean | Promise<boolean>;
export type RouteHandler = (context: TurnContext) => Promise<void>;

interface Route {
  selector: RouteSelector;
  handler: RouteHandler;
}

export class TurnRouter {
  private readonly routes: Route[] = [];

  /** A route for an activity type ("message") or for what a selector picks. */
  activity(type: string | RouteSelector, handler: RouteHandler): this {
    const selector: RouteSelector = typeof type === 'string' ? (context) => context.activity.type?.toLowerCase() === type.toLowerCase() : type;
    this.routes.push({ selector, handler });
    return this;
  }

  /** Members joined the conversation (the user opened the chat, or the bot was added). */
  membersAdded(handler: RouteHandler): this {
    return this.activity((context) => context.activity.type === ActivityTypes.ConversationUpdate && (context.activity.membersAdded?.length ?? 0) > 0, handler);
  }

  /**
   * An Adaptive Card's Action.Submit (a message with an object value and no text) that the selector picks;
   * the handler gets the submitted data.
   */
  cardSubmit<T>(selector: RouteSelector, handler: (context: TurnContext, data: T) => Promise<void>): this {
    const submitted: RouteSelector = (context) => {
      const a = context.activity;
      return a.type === ActivityTypes.Message && !a.text && typeof a.value === 'object' && a.value !== null && selector(context);
    };
    return this.activity(submitted, (context) => handler(context, context.activity.value as T));
  }

  /** Runs the first route that takes the turn; false when none does (the activity is ignored). */
  async run(context: TurnContext): Promise<boolean> {
    if (context.activity.type === ActivityTypes.Message) {
      // In a Teams channel the message starts with "@Beacon": the words after it are what was said.
      context.activity.text = TurnContext.removeRecipientMention(context.activity);
    }
    for (const route of this.routes) {
      if (await route.selector(context)) {
        await route.handler(context);
        return true;
      }
    }
    return false;
  }
}
