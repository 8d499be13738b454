/**
 * The restify server: body limits, one JSON error shape, the Bot Framework endpoint, health and readiness,
 * the widget, and in production the Direct Line token route. The local Direct Line is added by `startBeacon` once
 * the port is known.
 */
import type { CloudAdapter } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import type { BeaconBot } from '../bot/beaconBot';
import type { Translator } from '../content/translator';
import type { Logger } from '../logging/logger';
import type { BeaconStorage } from '../storage/beaconStorage';
import { DIRECTLINE_TOKEN_ROUTE, registerDirectLineTokenRoute, type DirectLineTokenOptions } from './directlineToken';
import { sendError } from './httpErrors';
import type { InflightTracker } from './inflight';
import { messagesHandler } from './messagesRoute';
import { registerWidgetRoutes } from './widgetRoutes';

/** The largest request body accepted; larger gets 413. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: BeaconBot;
  storage: BeaconStorage;
  translator: Translator;
  inflight: InflightTracker;
  logger: Logger;
  publicDir: string;
  quickExitUrl: string;
  defaultLocale: string;
  /** Production only: the Azure Direct Line the widget uses, and the token route that guards its secret. */
  directLine?: Omit<DirectLineTokenOptions, 'logger'>;
  /** Dependencies beyond the store that /readyz checks (Redis with N instances), each rejecting when down. */
  dependencies?: Record<string, () => Promise<void>>;
  /** Sites allowed to frame the widget (EMBED_ALLOWED_ORIGINS). */
  embedAllowedOrigins?: readonly string[];
  /** BEACON_ENV=production: HSTS on, readiness without details, replies only to the channel's serviceUrl. */
  production?: boolean;
  /** The widget page's title in every language (WIDGET_TITLE). */
  widgetTitle?: string;
}

/** A year, with subdomains: App Service serves only https, and a child's browser should never try http. */
const HSTS = 'max-age=31536000; includeSubDomains';

export function createServer(deps: ServerDeps): Server {
  // No name: restify would send it as a `Server` header, which only helps someone fingerprinting the service.
  const server = restify.createServer({ name: '', handleUncaughtExceptions: false });
  server.pre((_req: Request, res: Response, next: () => void) => {
    res.header('X-Content-Type-Options', 'nosniff');
    if (deps.production) res.header('Strict-Transport-Security', HSTS);
    next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }));

  // Every restify error (400 bad JSON, 404, 405, 413, 500) leaves in the same shape, without internals.
  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number; body?: { code?: string } }, next: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) deps.logger.error({ event: 'http_error', route: req.getRoute()?.path, status, err: err.message });
    // A 404 names no path and a 5xx no cause: what the caller sent is not repeated back to them.
    const message = status >= 500 ? 'Something went wrong on our side.' : status === 404 ? 'There is nothing here.' : err.message;
    (err as unknown as { toJSON: () => unknown }).toJSON = () => ({ error: { code: err.body?.code ?? err.name, message } });
    next();
  });

  server.post('/api/messages', messagesHandler(deps.adapter, deps.bot, deps.inflight, !deps.production));
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json({ status: 'alive' });
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      await deps.storage.ping();
    } catch (error) {
      deps.logger.warn({ event: 'not_ready', dependency: 'storage', err: (error as Error).message });
      return sendError(res, 503, 'NotReady', 'The store is not reachable.');
    }
    for (const [name, ping] of Object.entries(deps.dependencies ?? {})) {
      try {
        await ping();
      } catch (error) {
        deps.logger.warn({ event: 'not_ready', dependency: name, err: (error as Error).message });
        return sendError(res, 503, 'NotReady', `${name[0]!.toUpperCase()}${name.slice(1)} is not reachable.`);
      }
    }
    // Which store and languages help an operator on the local defaults; on the internet they help nobody else.
    const details = { storage: deps.storage.kind, ...Object.fromEntries(Object.keys(deps.dependencies ?? {}).map((n) => [n, 'up'])), languages: deps.translator.languages };
    res.json(deps.production ? { status: 'ready' } : { status: 'ready', ...details });
  });
  if (deps.directLine) registerDirectLineTokenRoute(server, { ...deps.directLine, logger: deps.logger });
  registerWidgetRoutes(server, {
    ...deps,
    tokenUrl: deps.directLine ? DIRECTLINE_TOKEN_ROUTE : undefined,
    directLineEndpoint: deps.directLine?.endpoint
  });
  return server;
}
