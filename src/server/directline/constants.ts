/**
 * Fixed values of the local Direct Line stand-in. They mirror what Azure Bot Service's Direct Line puts on
 * activities, so the bot cannot tell the two apart: the same channel id, a bot account on every user message,
 * ids of the form `<conversationId>|<sequence>`.
 */

/** The channel id Azure's Direct Line uses; the bot sees exactly this locally. */
export const CHANNEL_ID = 'directline';

/** Who the bot is in every conversation (the `recipient` of user activities, the `from` of bot activities). */
export const BOT_ACCOUNT = Object.freeze({ id: 'beacon', name: 'Beacon', role: 'bot' as const });

/** Client-facing (Direct Line 3.0) and bot-facing (Bot Connector) route prefixes. */
export const CLIENT_PREFIX = '/v3/directline';
export const CONNECTOR_PREFIX = '/v3/conversations';
/**
 * The bot-facing routes live under `/connector/<key>`: the key is in the serviceUrl the bot is given, so only
 * the bot's own calls (which follow that serviceUrl) reach them, not another local process (review D8).
 */
export const CONNECTOR_BASE = '/connector/:connectorKey';

/** Largest JSON body either side may send; the same limit as the rest of Beacon's HTTP API. */
export const MAX_JSON_BYTES = 256 * 1024;

/** Largest file upload accepted (and thrown away) before the request is refused. */
export const MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

/** Every limit, with the value used when the caller gives none. */
export interface DirectLineLimits {
  /** Conversations kept in memory; the one idle longest is evicted to make room. */
  maxConversations: number;
  /** Activities kept per conversation (for polling and reconnects); older ones are dropped. */
  maxActivitiesPerConversation: number;
  /** Lifetime of a token; clients refresh it (botframework-directlinejs does so every 15 minutes). */
  tokenTtlSeconds: number;
  /** A conversation with no traffic and no open stream for this long is forgotten, history included. */
  idleTimeoutSeconds: number;
  /** How often an open stream gets an empty frame and a ping; a socket that misses a pong is dropped. */
  heartbeatSeconds: number;
  /** How long one bot turn may take before the client is told the bot timed out (Azure uses 15 s). */
  botTimeoutSeconds: number;
}

export const DEFAULT_LIMITS: DirectLineLimits = Object.freeze({
  maxConversations: 1000,
  maxActivitiesPerConversation: 500,
  tokenTtlSeconds: 3600,
  idleTimeoutSeconds: 1800,
  heartbeatSeconds: 30,
  botTimeoutSeconds: 15
});

/** Merges the caller's limits over the defaults; a value that is not a positive number is a wiring mistake. */
export function resolveLimits(given: Partial<DirectLineLimits> | undefined): DirectLineLimits {
  const limits: DirectLineLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as Array<keyof DirectLineLimits>) {
    const value = given?.[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new Error(`Local Direct Line: limits.${key} must be a positive number, got ${String(value)}.`);
    }
    limits[key] = value;
  }
  return limits;
}
