/**
 * What every part of the local Direct Line shares: the conversations, the token service, the link to the bot,
 * the limits and the logger. Built once in `index.ts`; `closed` turns every route into a 503 after shutdown.
 */
import type { Logger } from 'pino';
import type { BotForwarder } from './botForwarder';
import type { DirectLineLimits } from './constants';
import type { ConversationStore } from './conversationStore';
import type { TokenService } from './tokens';

export interface DirectLineContext {
  readonly store: ConversationStore;
  readonly tokens: TokenService;
  readonly bot: BotForwarder;
  readonly logger: Logger;
  readonly limits: DirectLineLimits;
  /** Put on every activity sent to the bot; its replies come back to `<serviceUrl>/v3/conversations/...`. */
  readonly serviceUrl: string;
  /** The secret path segment of the bot-facing routes (see CONNECTOR_BASE). */
  readonly connectorKey: string;
  closed: boolean;
}
