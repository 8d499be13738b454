/**
 * The widget in a real browser (headless Debian Chromium driven by playwright-core): the page greets in the
 * browser's language, answers a typed message, makes no third-party request, shows no upload button, and
 * Quick Exit replaces the page (Back does not return) after clearing the chat from the tab's storage.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { startTestBeacon } from '../support/testBeacon';

/** The languages added in the second wave, each with the browser locale of one of its countries. */
const NEW_LANGUAGES: ReadonlyArray<[string, string]> = [['nl', 'nl-BE'], ['pl', 'pl-PL'], ['tr', 'tr-TR'], ['uk', 'uk-UA'], ['ro', 'ro-MD']];
const localeText = (language: string, file: string, key: string): string =>
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'locales', language, file), 'utf8'))[key.split('.')[0]!][key.split('.')[1]!] as string;

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

  it.each(NEW_LANGUAGES)('greets in %s from the browser locale %s, and no text runs off a 360 px screen', async (language, locale) => {
    const { page } = await openWidget(locale);
    const greeting = localeText(language, 'common.json', 'welcome.bot');
    await page.getByText(greeting.slice(0, 20)).first().waitFor({ timeout: 20000 });
    await page.getByText(localeText(language, 'start.json', 'who.prompt').slice(0, 15)).first().waitFor({ timeout: 20000 });
    await expect(page.getByRole('link', { name: JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'locales', language, 'widget.json'), 'utf8')).quickExit }).isVisible()).resolves.toBe(true);
    // Every visible element ends inside the screen (Web Chat's screen-reader-only live region is off screen on
    // purpose), and the page cannot be scrolled sideways.
    const overflowing = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return Array.from(document.querySelectorAll('body *'))
        .filter((el) => !el.closest('[class*="live-region"], [class*="screen-reader"]'))
        .filter((el) => el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().right > width + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)}`);
    });
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const shot = await page.screenshot({ fullPage: true });
    expect(shot.readUInt32BE(16)).toBe(360); // the PNG is as wide as the screen: nothing widened the page
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
