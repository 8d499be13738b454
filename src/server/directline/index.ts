/**
 * A Direct Line 3.0–compatible endpoint inside the bot, for BEACON_ENV=local only: the official Web Chat
 * widget and Node clients (botframework-directlinejs) talk to the bot at http://localhost:3978 with no Azure.
 * In production Azure Bot Service's Direct Line takes its place, so this mirrors what that service does for
 * the client library — tokens, conversations, watermarks, the WebSocket stream, the conversationUpdate that
 * lets the bot greet — and the Bot Connector routes the bot answers on. See README.md in this folder.
 *
 * Wiring: call once on the restify server, before `listen`; call `close()` on shutdown, before `server.close()`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { BeaconStorage } from '../../storage/beaconStorage';
import { registerActivityRoutes } from './activityRoutes';
import { BotForwarder } from './botForwarder';
import { registerConnectorRoutes } from './connectorRoutes';
import { resolveLimits, type DirectLineLimits } from './constants';
import type { DirectLineContext } from './context';
import { registerConversationRoutes } from './conversationRoutes';
import { StorageArchive } from './conversationArchive';
import { ConversationStore } from './conversationStore';
import { claimRequestBodies } from './requestBody';
import { StreamServer } from './streamServer';
import { registerTokenRoutes } from './tokenRoutes';
import { TokenService } from './tokens';
import { registerUploadRoute } from './uploadRoute';

export { CHANNEL_ID, BOT_ACCOUNT, type DirectLineLimits } from './constants';

export interface LocalDirectLineOptions {
  /** Where incoming activities are POSTed, e.g. 'http://127.0.0.1:3978/api/messages'. */
  botEndpoint: string;
  /** Put on each activity as serviceUrl; the bot's replies arrive at `<serviceUrl>/v3/conversations/...`. */
  serviceUrl: string;
  logger: Logger;
  /** HMAC key for tokens; a random one per process if absent (tokens then die with the process). */
  secret?: Buffer;
  limits?: Partial<DirectLineLimits>;
  /**
   * Beacon's data store: conversations, their history and watermarks are kept there, so a restart (even a kill)
   * loses none of them. Without it they live in this process's memory only.
   */
  storage?: BeaconStorage;
}

export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): { serviceUrl: string; close(): Promise<void> } {
  const limits = resolveLimits(options.limits);
  const logger = options.logger.child({ component: 'local-directline' });
  const secret = options.secret ?? randomBytes(32);
  const connectorKey = createHmac('sha256', secret).update('bot connector routes').digest('base64url');
  // Durable with the secret: a conversation reference saved before a restart (for a worker's message) still works.
  const serviceUrl = `${options.serviceUrl.replace(/\/+$/, '')}/connector/${connectorKey}`;
  const ctx: DirectLineContext = {
    store: new ConversationStore(limits, {
      archive: options.storage ? new StorageArchive(options.storage) : undefined,
      onArchiveError: (event, error) => logger.warn({ event, err: error instanceof Error ? error.name : 'Error' })
    }),
    tokens: new TokenService(limits.tokenTtlSeconds, secret),
    bot: new BotForwarder(options.botEndpoint, limits.botTimeoutSeconds * 1000, logger),
    logger,
    limits,
    serviceUrl,
    connectorKey,
    closed: false
  };

  claimRequestBodies(server);
  registerTokenRoutes(server, ctx);
  registerConversationRoutes(server, ctx);
  registerActivityRoutes(server, ctx);
  registerUploadRoute(server, ctx);
  registerConnectorRoutes(server, ctx);
  const streams = new StreamServer(server.server, ctx);

  // Idle conversations are forgotten on a timer that never keeps the process alive by itself.
  const sweepMs = Math.min(60_000, limits.idleTimeoutSeconds * 1000);
  const sweeper = setInterval(() => {
    void ctx.store.sweep().then((removed) => {
      if (removed > 0) logger.debug({ event: 'directline_conversations_expired', count: removed });
    });
  }, sweepMs);
  sweeper.unref();

  logger.info({ event: 'directline_local_enabled', serviceUrl: options.serviceUrl });
  let closing: Promise<void> | undefined;
  return {
    /** Where the bot-facing routes are (the serviceUrl the bot is given). */
    serviceUrl,
    close() {
      closing ??= (async () => {
        ctx.closed = true;
        clearInterval(sweeper);
        ctx.bot.close();
        await streams.close();
        // What is on its way into the store gets there; the store keeps the conversations for the next start.
        await ctx.store.flush();
        ctx.store.clear();
      })();
      return closing;
    }
  };
}
