/**
 * What the widget's browser tests share: headless Debian Chromium, a page opened at a phone's size in a given
 * language with the Quick Exit destination stubbed, Content-Security-Policy violations collected as the page
 * reports them, and the usual locators (message box, suggestion buttons, bot bubbles).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const QUICK_EXIT_URL = 'https://quick-exit.example/';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium" (.ci/run does).`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export interface OpenOptions extends BrowserContextOptions {
  /** Do not wait for the page's scripts (for a page whose bundle is held back). */
  commitOnly?: boolean;
  /** Called on the page before it loads, e.g. to route requests. */
  before?: (page: Page) => Promise<void>;
}

/** Opens the widget; `violations` fills with every CSP violation the page reports (directive and blocked URI). */
export async function openWidget(browser: Browser, url: string, options: OpenOptions = {}): Promise<{ page: Page; violations: string[] }> {
  const { commitOnly, before, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 360, height: 740 }, ...contextOptions });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.route(`${QUICK_EXIT_URL}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>weather</p>' }));
  if (before) await before(page);
  await page.goto(url, { waitUntil: commitOnly ? 'commit' : 'load' });
  return { page, violations };
}

export const messageBox = (page: Page) => page.locator('[data-id="webchat-sendbox-input"]').first();
export const suggestions = (page: Page) => page.locator('#webchat .webchat__suggested-action');

/** Sends a typed message from the message box. */
export async function say(page: Page, text: string): Promise<void> {
  await messageBox(page).fill(text);
  await messageBox(page).press('Enter');
}
