/**
 * The web widget: `/` is the chat page, filled per response with a CSP nonce, the Quick Exit address and the
 * page's few words in the browser's language (from `locales/<lang>/widget.json`). Web Chat's official bundle is
 * served from node_modules, so the page makes no third-party request and sets no cookie (in production, Web Chat
 * talks to Azure's Direct Line, whose address and token URL reach the page as data attributes).
 * `/embed.js` is the one-line embed for a helpline's site: it frames this page and carries out Quick Exit there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Translator } from '../content/translator';
import { newNonce, setPageHeaders } from './securityHeaders';

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
}

/** The local Direct Line stand-in's token route (see directline/tokenRoutes.ts). */
const LOCAL_TOKEN_URL = '/v3/directline/tokens/generate';

const PAGE_KEYS = ['title', 'botNotice', 'quickExit', 'quickExitHint', 'chatLabel', 'loading', 'unavailable'] as const;

export function registerWidgetRoutes(server: Server, options: WidgetOptions): void {
  const template = readFileSync(path.join(options.publicDir, 'index.html'), 'utf8');
  // The package exports no package.json; its main file is lib/index.js, and the browser bundle is in dist/.
  const webchatBundle = path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
  const staticFiles: Record<string, { file: string; type: string }> = {
    '/webchat.js': { file: webchatBundle, type: 'application/javascript; charset=utf-8' },
    '/widget.js': { file: path.join(options.publicDir, 'widget.js'), type: 'application/javascript; charset=utf-8' },
    '/widget.css': { file: path.join(options.publicDir, 'widget.css'), type: 'text/css; charset=utf-8' },
    '/embed.js': { file: path.join(options.publicDir, 'embed.js'), type: 'application/javascript; charset=utf-8' }
  };
  const endpoint = options.directLineEndpoint;
  const policy = {
    connectOrigins: endpoint ? [new URL(endpoint).origin, new URL(endpoint).origin.replace(/^http/, 'ws')] : [],
    frameAncestors: options.embedAllowedOrigins ?? []
  };
  const pageValues = {
    quickExitUrl: options.quickExitUrl,
    tokenUrl: options.tokenUrl ?? LOCAL_TOKEN_URL,
    directLineDomain: endpoint ? `${endpoint}/v3/directline` : ''
  };

  server.get('/', async (req: Request, res: Response) => {
    const nonce = newNonce();
    const language = options.translator.resolve(preferredLanguage(req.header('accept-language')), options.defaultLocale);
    const values: Record<string, string> = { nonce, lang: language, ...pageValues };
    for (const key of PAGE_KEYS) values[key] = options.translator.t(language, `widget:${key}`);
    const html = template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => escapeHtml(values[name] ?? ''));
    setPageHeaders(res, nonce, policy);
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.sendRaw(200, html);
  });

  // No icon: answer the browser's automatic request without a 404 in its console.
  server.get('/favicon.ico', async (_req: Request, res: Response) => {
    res.sendRaw(204, '');
  });

  for (const [route, { file, type }] of Object.entries(staticFiles)) {
    const body = readFileSync(file);
    server.get(route, async (_req: Request, res: Response) => {
      res.header('Content-Type', type);
      res.header('X-Content-Type-Options', 'nosniff');
      res.header('Cache-Control', 'public, max-age=3600');
      res.sendRaw(200, body);
    });
  }
}

/** The first language tag of an Accept-Language header ("fr-BE,fr;q=0.9" → "fr-BE"). */
export function preferredLanguage(header: string | undefined): string | undefined {
  return header?.split(',')[0]?.split(';')[0]?.trim() || undefined;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
