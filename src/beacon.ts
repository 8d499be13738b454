/**
 * Builds and starts one Beacon: content → storage → state → adapter → bot → HTTP server (→ local Direct Line).
 * `index.ts` calls it with the validated environment; tests call it with their own config on port 0.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Server } from 'restify';
import { assembleBot } from './assembleBot';
import type { Config } from './config';
import type { Translator } from './content/translator';
import type { Logger } from './logging/logger';
import { registerLocalDirectLine } from './server/directline';
import { createServer } from './server/createServer';
import { openHandoff } from './server/console/handoffWiring';
import { durableSecret } from './handoff/durableSecret';
import { DEFAULT_TOKEN_LIMIT } from './server/directlineToken';
import { seedModelCache } from './engine/shippedModels';
import { InflightTracker } from './server/inflight';
import type { BeaconStorage } from './storage/beaconStorage';
import { createStorage } from './storage/createStorage';
import { storageOptionsFor } from './storage/storageSettings';
import { startStateExpiry } from './storage/stateExpiry';

/** The repository root (works from `src/` under ts-jest and from `dist/src/` after a build). */
export const ROOT_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

export interface RunningBeacon {
  url: string;
  port: number;
  server: Server;
  adapter: CloudAdapter;
  storage: BeaconStorage;
  translator: Translator;
  /** Stops accepting requests, lets in-flight turns finish (up to the grace period), closes the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  host?: string;
}

/**
 * Where the trained models are kept between starts: beside the data of a persistent (SQLite) deployment; with a
 * shared store (no data folder of its own), in the machine's temporary folder. Either is seeded with the models
 * the build trained, and the build's own folder is never written at run time.
 */
function modelCacheDir(config: Config): string {
  const cacheDir = config.STORAGE === 'sqlite' ? path.join(config.dataDir, 'cache') : path.join(tmpdir(), 'beacon-model-cache');
  seedModelCache(cacheDir);
  return cacheDir;
}

export async function startBeacon(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningBeacon> {
  const storage = await createStorage(storageOptionsFor(config));
  const handoff = await openHandoff(config, storage, logger);
  const { bot, middleware, onTurnError, translator } = await assembleBot({
    rootDir: ROOT_DIR, storage, defaultLocale: config.DEFAULT_LOCALE, logger, handoff: handoff.system, pseudo: config.CONTENT_PSEUDO,
    cacheDir: modelCacheDir(config)
  });
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MicrosoftAppId ?? '',
      MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
      // With no app id (local only) botbuilder wants MultiTenant: that is how it turns authentication off.
      MicrosoftAppType: config.authDisabled ? 'MultiTenant' : config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? ''
    })
  );
  adapter.use(middleware);
  adapter.onTurnError = onTurnError;
  const inflight = new InflightTracker();
  const server = createServer({
    adapter, bot, storage, translator, inflight, logger,
    publicDir: path.join(ROOT_DIR, 'public'),
    quickExitUrl: config.QUICK_EXIT_URL,
    defaultLocale: config.DEFAULT_LOCALE,
    embedAllowedOrigins: config.EMBED_ALLOWED_ORIGINS,
    production: config.BEACON_ENV === 'production',
    widgetTitle: config.WIDGET_TITLE,
    dependencies: handoff.dependencies,
    directLine:
      config.BEACON_ENV === 'production'
        ? {
            secret: config.DIRECTLINE_SECRET, endpoint: config.DIRECTLINE_ENDPOINT, trustProxy: config.TRUST_PROXY,
            limiter: handoff.sharedLimiter?.('directline-token', DEFAULT_TOKEN_LIMIT)
          }
        : undefined
  });

  const consoleApi = await handoff.attach(server, adapter, translator, path.join(ROOT_DIR, 'public'));

  const host = options.host ?? (config.BEACON_ENV === 'local' ? '127.0.0.1' : '0.0.0.0');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const directLine =
    config.BEACON_ENV === 'local'
      ? registerLocalDirectLine(server, {
          botEndpoint: `${url}/api/messages`, serviceUrl: url, logger, storage,
          // Kept in the store, so a user's token still works after a restart and a chat with a worker goes on.
          secret: await durableSecret(storage, 'directline')
        })
      : undefined;

  // Only now can a worker's message from before a restart reach the user (over the local Direct Line too).
  await consoleApi.resume();

  const stopExpiry = startStateExpiry(storage, config.STATE_TTL_DAYS, logger);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // Refuse new turns but keep the server up until the turns in flight have finished: their replies may
      // still travel over HTTP to a serviceUrl on this very server (the local Direct Line).
      inflight.draining = true;
      stopExpiry();
      const finished = await inflight.idle(config.SHUTDOWN_GRACE_MS);
      if (!finished) logger.warn({ event: 'shutdown_timeout', inflight: inflight.active });
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await consoleApi.close();
      await directLine?.close();
      server.server.closeAllConnections?.();
      await closed;
      await storage.close();
    })());

  return { url, port, server, adapter, storage, translator, close };
}
