/**
 * The web widget: `/` is the chat page, filled per response with a CSP nonce, the Quick Exit address and the
 * page's few words in the browser's language (from `locales/<lang>/widget.json`). Web Chat's official bundle is
 * served from node_modules, so the page makes no third-party request and sets no cookie (in production, Web Chat
 * talks to Azure's Direct Line, whose address and token URL reach the page as data attributes).
 * The page's scripts and styles are served under content-hashed names, compressed and cached for a year (see
 * staticAsset.ts); the page itself is never cached, so a new version is picked up on the next load.
 * `/embed.js` is the one-line embed for a helpline's site: it frames this page and carries out Quick Exit there.
 */
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Request, Response, Server } from 'restify';
import type { Translator } from '../content/translator';
import { newNonce, setPageHeaders } from './securityHeaders';
import { StaticAsset } from './staticAsset';

export interface WidgetOptions {
  publicDir: string;
  translator: Translator;
  quickExitUrl: string;
  defaultLocale: string;
  /** Where the page gets a Direct Line token (local: this server's stand-in; production: /api/directline/token). */
  tokenUrl?: string;
  /** The Direct Line service the page talks to (production); unset: this server's own /v3/directline. */
  directLineEndpoint?: string;
  /** Sites that may frame the page (EMBED_ALLOWED_ORIGINS). */
  embedAllowedOrigins?: readonly string[];
  /** The page title in every language (WIDGET_TITLE); unset: the neutral title in `widget.json`. */
  widgetTitle?: string;
  /** Where compressed copies of the large bundle are kept between starts; default: the system's temp folder. */
  staticCacheDir?: string;
}

/** The local Direct Line stand-in's token route (see directline/tokenRoutes.ts). */
const LOCAL_TOKEN_URL = '/v3/directline/tokens/generate';

/** Words the page shows as text, and words its scripts read from data attributes. */
const PAGE_KEYS = [
  'title', 'botNotice', 'quickExit', 'quickExitHint', 'chatLabel', 'loading', 'unavailable', 'safetyLine', 'privacyLine',
  'exitTwoMore', 'exitOneMore', 'exitExpired', 'workerNotice', 'workerLabel', 'placeholder', 'resumeQuestion',
  'resumeContinue', 'resumeRestart'
] as const;

export function registerWidgetRoutes(server: Server, options: WidgetOptions): void {
  const template = readFileSync(path.join(options.publicDir, 'index.html'), 'utf8');
  const assets = widgetAssets(options);
  const endpoint = options.directLineEndpoint;
  const policy = {
    connectOrigins: endpoint ? [new URL(endpoint).origin, new URL(endpoint).origin.replace(/^http/, 'ws')] : [],
    frameAncestors: options.embedAllowedOrigins ?? []
  };
  const pageValues: Record<string, string> = {
    quickExitUrl: options.quickExitUrl,
    tokenUrl: options.tokenUrl ?? LOCAL_TOKEN_URL,
    directLineDomain: endpoint ? `${endpoint}/v3/directline` : ''
  };
  for (const asset of assets) pageValues[`asset:${asset.plainPath.slice(1)}`] = asset.hashedPath;

  server.get('/', async (req: Request, res: Response) => {
    const nonce = newNonce();
    const language = options.translator.resolve(preferredLanguage(req.header('accept-language')), options.defaultLocale);
    const values: Record<string, string> = { nonce, lang: language, ...pageValues };
    for (const key of PAGE_KEYS) values[key] = options.translator.t(language, `widget:${key}`);
    if (options.widgetTitle) values.title = options.widgetTitle;
    const html = template.replace(/\{\{([\w:.-]+)\}\}/g, (_m, name: string) => escapeHtml(values[name] ?? ''));
    setPageHeaders(res, nonce, policy);
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.sendRaw(200, html);
  });

  // No icon: answer the browser's automatic request without a 404 in its console.
  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.sendRaw(204, '');
  });

  for (const asset of assets) {
    server.get(asset.hashedPath, async (req: Request, res: Response) => asset.serve(req, res, true));
    server.get(asset.plainPath, async (req: Request, res: Response) => asset.serve(req, res, false));
  }
}

/** The files the page loads (and embed.js, which other sites load under its plain name). */
function widgetAssets(options: WidgetOptions): StaticAsset[] {
  // The package exports no package.json; its main file is lib/index.js, and the browser bundle is in dist/.
  const webchatBundle = path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
  const cacheDir = options.staticCacheDir ?? path.join(os.tmpdir(), 'beacon-static-cache');
  const js = 'application/javascript; charset=utf-8';
  const own = (name: string, type: string) => new StaticAsset({ name, file: path.join(options.publicDir, name), type, cacheDir });
  return [
    new StaticAsset({ name: 'webchat.js', file: webchatBundle, type: js, cacheDir }),
    own('quick-exit.js', js),
    own('widget.js', js),
    own('widget.css', 'text/css; charset=utf-8'),
    own('embed.js', js)
  ];
}

/** The first language tag of an Accept-Language header ("fr-BE,fr;q=0.9" → "fr-BE"). */
export function preferredLanguage(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.split(';')[0]?.trim() || undefined;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
