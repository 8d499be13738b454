/**
 * The widget embedded in a helpline's page on another site, in a real browser: the one-tag embed shows the chat,
 * Quick Exit inside the frame leaves the whole page (Back does not return to it), a plain iframe does the same
 * without the script, forged messages are ignored, and a site not listed in EMBED_ALLOWED_ORIGINS cannot frame it.
 * "Another site" is http://localhost:<port>, a different origin from the bot's http://127.0.0.1:<port>.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { startTestBeacon } from '../support/testBeacon';

const CHROMIUM = '/usr/bin/chromium';
const QUICK_EXIT_URL = 'https://quick-exit.example/';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let beacon: RunningBeacon;
let browser: Browser;
let host: { server: Server; origin: string };
let stranger: { server: Server; origin: string };

/** A site with pages that embed the chat: /script (embed.js), /iframe (a bare iframe). */
async function startHostSite(chatUrl: () => string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const body =
      req.url === '/iframe'
        ? `<h1>Helpline</h1><iframe src="${chatUrl()}/" title="Chat" style="width:360px;height:600px"></iframe>`
        : `<h1>Helpline</h1><script src="${chatUrl()}/embed.js" data-title="Chat" defer></script>`;
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html><head><title>Helpline</title></head><body>${body}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium" (.ci/run does).`);
  host = await startHostSite(() => beacon.url);
  stranger = await startHostSite(() => beacon.url);
  beacon = await startTestBeacon({ QUICK_EXIT_URL, EMBED_ALLOWED_ORIGINS: host.origin });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await beacon?.close();
  for (const site of [host, stranger]) await new Promise((resolve) => site?.server.close(resolve));
});

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 800, height: 800 } });
  const page = await context.newPage();
  await page.route(`${QUICK_EXIT_URL}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>weather</p>' }));
  await page.goto(url);
  return page;
}

async function expectLeftForGood(page: Page, hostUrl: string): Promise<void> {
  await page.waitForURL(QUICK_EXIT_URL);
  await page.goBack().catch(() => undefined);
  expect(page.url()).not.toBe(hostUrl);
}

describe('the widget embedded in a helpline’s page', () => {
  it('shows the chat where the script tag stands, and Quick Exit replaces the whole page', async () => {
    const page = await open(`${host.origin}/script`);
    const chat = page.frameLocator('iframe[title="Chat"]');
    await chat.getByText(/I['’]m a chatbot, not a person/).first().waitFor({ timeout: 20000 });
    await chat.getByRole('link', { name: 'Quick Exit' }).click();
    await expectLeftForGood(page, `${host.origin}/script`);
    await page.context().close();
  });

  it('leaves the whole page from a plain iframe too, without the script', async () => {
    const page = await open(`${host.origin}/iframe`);
    const chat = page.frameLocator('iframe[title="Chat"]');
    await chat.getByText(/I['’]m a chatbot, not a person/).first().waitFor({ timeout: 20000 });
    await chat.getByRole('link', { name: 'Quick Exit' }).click();
    await expectLeftForGood(page, `${host.origin}/iframe`);
    await page.context().close();
  });

  it('ignores a Quick Exit message that does not come from the chat frame', async () => {
    const page = await open(`${host.origin}/script`);
    await page.frameLocator('iframe[title="Chat"]').getByText(/I['’]m a chatbot, not a person/).first().waitFor({ timeout: 20000 });
    await page.evaluate(() => window.postMessage({ type: 'beacon:quick-exit', url: 'https://quick-exit.example/' }, '*'));
    await page.waitForTimeout(500);
    expect(page.url()).toBe(`${host.origin}/script`);
    await page.context().close();
  });

  it('cannot be framed by a site the operator has not listed', async () => {
    const page = await open(`${stranger.origin}/iframe`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(await frame!.locator('#quick-exit').count()).toBe(0);
    await page.context().close();
  });
});
