/**
 * The handoff and its console, as `startBeacon` wires them: the hub before the bot (the bot binds to it),
 * the console routes and stream once the server exists, the adapter for proactive messages once it exists.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { Config } from '../../config';
import type { Translator } from '../../content/translator';
import { handoffSettings } from '../../handoff/handoffConfig';
import { RedisScaleOut } from '../../hub/redisScaleOut';
import { HandoffStore } from '../../handoff/handoffStore';
import { HandoffSystem } from '../../handoff/handoffSystem';
import { teamsChannelSettings } from '../../handoff/teams/teamsConfig';
import type { Logger } from '../../logging/logger';
import type { BeaconStorage } from '../../storage/beaconStorage';
import { RateLimiter, type Limiter, type RateLimitOptions } from '../rateLimiter';
import { Accounts, type AccountBook } from './accounts';
import { ConsoleSessions } from './consoleSessions';
import { registerConsole } from './index';

const LOGIN_BURST = 10;
const LOGIN_REFILL_MS = 6000;

export interface HandoffWiring {
  system: HandoffSystem;
  /** A per-client limit shared by the instances (REDIS_URL); undefined in one process. */
  sharedLimiter?: (name: string, options: RateLimitOptions) => Limiter;
  /** For /readyz: the dependencies beyond the store (Redis, with N instances), each rejecting when down. */
  dependencies: Record<string, () => Promise<void>>;
  /**
   * Adds /console and /api/console, and starts queue updates; returns `resume` (to call once the server
   * listens: deliveries left from before a restart) and what to close.
   */
  attach(server: Server, adapter: CloudAdapter, translator: Translator, publicDir: string): Promise<{ resume(): Promise<void>; close(): Promise<void> }>;
}

export async function openHandoff(config: Config, storage: BeaconStorage, logger: Logger): Promise<HandoffWiring> {
  // N instances: what every instance needs is in Redis; one process keeps today's store and memory.
  const shared = config.REDIS_URL ? new RedisScaleOut(config.REDIS_URL, new HandoffStore(storage), logger.child({ component: 'hub-redis' })) : undefined;
  const accounts: AccountBook = shared?.accounts ?? new Accounts(storage, config.dataDir);
  const online = shared?.online ?? new Map<string, number>();
  const teams = teamsChannelSettings(config);
  const system = await HandoffSystem.open({
    settings: handoffSettings(config),
    storage,
    scaleOut: shared,
    // A Teams channel of the helpline is a place where workers answer, like console accounts.
    workersConfigured: async () => !!teams || (await accounts.any().catch(() => false)),
    workersOnDuty: () => online.size,
    teams: teams && { settings: teams, language: config.DEFAULT_LOCALE, logger: logger.child({ component: 'teams-handoff' }) }
  });
  return {
    system,
    dependencies: shared ? { redis: () => shared.ping() } : {},
    sharedLimiter: shared && ((name, options) => shared.limiter(name, options)),
    async attach(server, adapter, translator, publicDir) {
      const sessions = new ConsoleSessions(shared?.consoleItems ?? system.store, {
        idleMs: config.CONSOLE_IDLE_MINUTES * 60_000,
        maxFailures: config.CONSOLE_MAX_FAILED_LOGINS,
        lockoutMs: config.CONSOLE_LOCKOUT_MINUTES * 60_000
      });
      const consoleApi = registerConsole(server, {
        hub: system.hub, chat: system.chat, departures: system.departures, wrapUp: system.wrapUp, audit: system.audit, feedback: system.feedback, accounts, sessions, translator,
        logger: logger.child({ component: 'console' }),
        secureCookies: config.BEACON_ENV === 'production',
        defaultLocale: config.DEFAULT_LOCALE,
        // Ten failed sign-ins at once, then one every six seconds, per client address.
        loginLimiter: shared
          ? shared.limiter('console-login', { capacity: LOGIN_BURST, refillMs: LOGIN_REFILL_MS })
          : new RateLimiter({ capacity: LOGIN_BURST, refillMs: LOGIN_REFILL_MS }),
        trustProxy: config.TRUST_PROXY,
        online
      }, publicDir);
      // Deliveries left from before a restart go through the shared queue when Redis answers soon enough.
      await shared?.redis.whenUp(5000).catch(() => undefined);
      await system.connect(adapter, config.MicrosoftAppId ?? '');
      return {
        resume: () => system.resume(),
        async close() {
          await consoleApi.close();
          await system.close();
        }
      };
    }
  };
}
