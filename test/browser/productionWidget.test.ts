/**
 * The widget as it runs in production, in a real browser: the page gets its token from /api/directline/token
 * (which trades the secret server-side) and talks to a Direct Line service on another origin, allowed by the
 * page's CSP. The Direct Line service here is a second Beacon's built-in Direct Line (BEACON_ENV=local), a real
 * implementation of the protocol Web Chat speaks, behind a small proxy that adds the CORS headers Azure's service
 * sends (the built-in one is same-origin only); the production Beacon under test never serves Direct Line itself.
 */
import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { startTestBeacon } from '../support/testBeacon';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SECRET = 'browser-test-directline-secret-0123456789';
const GUID = '11111111-2222-3333-4444-555555555555';

let directLine: RunningBeacon;
let production: RunningBeacon;
let browser: Browser;
let cors: { server: Server; url: string };

/**
 * Forwards HTTP and WebSocket traffic to `target` under one origin, as Azure's Direct Line serves both: it answers
 * CORS preflights, adds the CORS headers, and rewrites the built-in Direct Line's stream URLs (another port) to
 * itself, so the page's CSP — which allows exactly the Direct Line origin — applies as it would in production.
 */
async function startCorsProxy(target: URL): Promise<{ server: Server; url: string }> {
  const allow = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'authorization, content-type, x-ms-bot-agent, x-requested-with',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS'
  };
  let self = '';
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      for (const [name, value] of Object.entries(allow)) res.setHeader(name, value);
      res.statusCode = 204;
      res.end();
      return;
    }
    const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.from(Buffer.concat(chunks).toString('utf8').replace(/ws:\/\/127\.0\.0\.1:(\d+)\//g, `${self.replace('http', 'ws')}/__stream$1/`));
        for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && name !== 'content-length') res.setHeader(name, value);
        for (const [name, value] of Object.entries(allow)) res.setHeader(name, value);
        res.setHeader('content-length', body.length);
        res.statusCode = answer.statusCode ?? 502;
        res.end(body);
      });
    });
    req.pipe(upstream);
  });
  server.on('upgrade', (req, socket, head) => {
    const [, port, rest] = /^\/__stream(\d+)(\/.*)$/.exec(req.url ?? '') ?? [];
    if (!port || !rest) return socket.destroy();
    const upstream = connect(Number(port), '127.0.0.1', () => {
      const lines = [`${req.method} ${rest} HTTP/1.1`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${k === 'host' ? `127.0.0.1:${port}` : String(v)}`)];
      upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url: self };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium" (.ci/run does).`);
  directLine = await startTestBeacon();
  cors = await startCorsProxy(new URL(directLine.url));
  production = await startTestBeacon(
    {
      BEACON_ENV: 'production',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: GUID,
      MicrosoftAppPassword: 'not-used-in-this-test',
      MicrosoftAppTenantId: GUID,
      DIRECTLINE_SECRET: SECRET,
      DIRECTLINE_ENDPOINT: cors.url
    },
    { host: '127.0.0.1' }
  );
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await production?.close();
  cors?.server.closeAllConnections();
  await new Promise((resolve) => cors?.server.close(resolve));
  await directLine?.close();
});

describe('the production widget', () => {
  it('starts a chat with a token from /api/directline/token and talks to the Direct Line service', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(production.url);
    await page.getByText(/I['’]m a chatbot, not a person/).first().waitFor({ timeout: 20000 });
    expect(requests).toContain(`${production.url}/api/directline/token`);
    expect(requests.some((url) => url.startsWith(`${cors.url}/v3/directline/conversations`))).toBe(true);
    expect(requests.some((url) => url.includes('/v3/directline/tokens/generate'))).toBe(false); // only the server asks for tokens
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('beacon.conversation') ?? '{}') as { domain?: string; expiresAt?: number });
    expect(stored.domain).toBe(`${cors.url}/v3/directline`);
    expect(stored.expiresAt).toBeGreaterThan(Date.now());
    await context.close();
  });
});
