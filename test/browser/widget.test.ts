/**
 * The widget in a real browser (headless Debian Chromium driven by playwright-core): the page greets in the
 * browser's language, answers a typed message, makes no third-party request, shows no upload button, and
 * Quick Exit replaces the page (Back does not return) after clearing the chat from the tab's storage.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { startTestBeacon } from '../support/testBeacon';

const CHROMIUM = '/usr/bin/chromium';
const QUICK_EXIT_URL = 'https://quick-exit.example/';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let beacon: RunningBeacon;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium" (.ci/run does).`);
  beacon = await startTestBeacon({ QUICK_EXIT_URL });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await beacon?.close();
});

async function openWidget(locale: string): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.route(`${QUICK_EXIT_URL}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>weather</p>' }));
  await page.goto(beacon.url);
  return { page, requests };
}

describe('the web widget', () => {
  it('greets in English, understands a typed answer, shows no upload button and loads nothing from elsewhere', async () => {
    const { page, requests } = await openWidget('en-GB');
    expect(await page.getByText('You are chatting with a bot, not a person.').isVisible()).toBe(true);
    await page.getByText(/I['’]m a chatbot, not a person/).first().waitFor({ timeout: 20000 });
    const input = page.locator('input[data-id="webchat-sendbox-input"], textarea[data-id="webchat-sendbox-input"]').first();
    await page.getByText(/who is chatting today/).first().waitFor({ timeout: 20000 });
    await input.fill('2');
    await input.press('Enter');
    await page.getByText(/type your question in your own words/).first().waitFor({ timeout: 20000 });
    expect(await page.locator('button[title="Upload file"], .webchat__upload-button').count()).toBe(0);
    const foreign = requests.filter((url) => !url.startsWith(beacon.url) && !url.startsWith('ws://127.0.0.1') && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    const cookies = await page.context().cookies();
    expect(cookies).toEqual([]);
    await page.context().close();
  });

  it('greets in French when the browser speaks French', async () => {
    const { page } = await openWidget('fr-FR');
    await page.getByText(/Je suis un chatbot, pas une personne/).first().waitFor({ timeout: 20000 });
    await expect(page.getByRole('link', { name: 'Quitter vite' }).isVisible()).resolves.toBe(true);
    await page.context().close();
  });

  it('Quick Exit replaces the page, clears the chat from storage, and Back does not return to it', async () => {
    const { page } = await openWidget('en-GB');
    await page.getByText(/I['’]m a chatbot, not a person/).first().waitFor({ timeout: 20000 });
    expect(await page.evaluate(() => sessionStorage.length)).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Quick Exit' }).click();
    await page.waitForURL(QUICK_EXIT_URL);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toBe(`${beacon.url}/`);
    await page.context().close();
  });

  it('starts a new chat when the conversation saved in the tab no longer exists (e.g. after a restart)', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('beacon.conversation')) {
        sessionStorage.setItem('beacon.conversation', JSON.stringify({ token: 'stale', conversationId: 'gone', domain: `${location.origin}/v3/directline` }));
      }
    });
    const page = await context.newPage();
    await page.goto(beacon.url);
    await page.getByRole('button', { name: 'Continue the chat' }).click({ timeout: 30000 });
    await page.getByText(/I['’]m a chatbot, not a person/).first().waitFor({ timeout: 30000 });
    const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem('beacon.conversation') ?? '{}') as { conversationId?: string });
    expect(saved.conversationId).not.toBe('gone');
    await context.close();
  });

  it('Quick Exit is reachable first by keyboard', async () => {
    const { page } = await openWidget('en-GB');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.id);
    expect(focused).toBe('quick-exit');
    await page.context().close();
  });
});
