/**
 * GET /console: the worker console page, with the same strict headers as the widget (CSP with a nonce, no
 * referrer, no caching) and its script and style from this server. The page holds no user text in HTML: it
 * fetches JSON and renders every user message with textContent.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { Translator } from '../../content/translator';
import { newNonce, setPageHeaders } from '../securityHeaders';
import { preferredLanguage } from '../widgetRoutes';

export function registerConsolePage(server: Server, publicDir: string, translator: Translator, defaultLocale: string): void {
  const template = readFileSync(path.join(publicDir, 'console.html'), 'utf8');
  const files: Record<string, { file: string; type: string }> = {
    '/console.js': { file: 'console.js', type: 'application/javascript; charset=utf-8' },
    '/console.css': { file: 'console.css', type: 'text/css; charset=utf-8' }
  };
  server.get('/console', async (req: Request, res: Response) => {
    const nonce = newNonce();
    const lang = translator.resolve(preferredLanguage(req.header('accept-language')), defaultLocale);
    const values: Record<string, string> = { nonce, lang, title: translator.t(lang, 'handoff:console.title') };
    const html = template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => escapeHtml(values[name] ?? ''));
    setPageHeaders(res, nonce);
    res.header('Content-Type', 'text/html; charset=utf-8');
    res.sendRaw(200, html);
  });
  for (const [route, { file, type }] of Object.entries(files)) {
    const body = readFileSync(path.join(publicDir, file));
    server.get(route, async (_req: Request, res: Response) => {
      res.header('Content-Type', type);
      res.header('X-Content-Type-Options', 'nosniff');
      res.header('Cache-Control', 'no-cache');
      res.sendRaw(200, body);
    });
  }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
