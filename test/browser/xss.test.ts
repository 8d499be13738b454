/**
 * Text is text on both sides of a live chat (reliability review D3), in headless Chromium: the child in the
 * shipped widget, the helpline worker in the shipped console, both real pages on a real Beacon. Everything the
 * worker types reaches the child's page as the characters typed — no element made from it, no script run, no
 * link to `javascript:` — and everything the child types reaches the worker's page the same way; neither page
 * reports a Content-Security-Policy violation, and every message the widget receives says its `textFormat`.
 */
import type { Browser, Page } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { addWorker, tempDataDir } from '../handoff/consoleClient';
import { startTestBeacon } from '../support/testBeacon';
import { signInConsole } from './consolePage';
import { launchChromium, openWidget, say, suggestions } from './widgetBrowser';

jest.setTimeout(300_000);

/** Each payload, if it ever became HTML, would set `window.__xss` or make one of the elements in FORBIDDEN. */
const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '"><img src=x onerror=window.__xss=2>',
  '<b onmouseover="window.__xss=3">bold</b>',
  '<script>window.__xss=4</script>',
  '[click me](javascript:window.__xss=5)',
  '<svg onload="window.__xss=6"></svg>',
  '<iframe src="javascript:window.__xss=7"></iframe>',
  '<a href="javascript:window.__xss=8">a link</a>',
  '![x](https://x.invalid/x.png" onerror="window.__xss=9)',
  '<details open ontoggle="window.__xss=10">d</details>',
  '<style>body{display:none}</style>',
  '<u>under</u> <i>it</i> <marquee>m</marquee>',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<form action="javascript:window.__xss=11"><input autofocus onfocus="window.__xss=12"></form>'
];
const FORBIDDEN = 'img, script, svg, iframe, a, b, i, u, details, style, marquee, form, input, object, embed';

let beacon: RunningBeacon;
let browser: Browser;

beforeAll(async () => {
  const dataDir = tempDataDir();
  await addWorker(dataDir, 'ada', { name: 'Ada' });
  beacon = await startTestBeacon({ DATA_DIR: dataDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await beacon?.close();
});

/** The console, signed in; `violations` and `dialogs` fill as the page reports them. */
async function openConsole(): Promise<{ page: Page; violations: string[]; dialogs: string[] }> {
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  const violations: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInConsole(page, beacon.url, 'ada');
  await page.getByText('Nobody is waiting.').waitFor({ timeout: 30_000 });
  return { page, violations, dialogs };
}

it("shows every payload as text in the child's widget and in the worker's console, creating no element", async () => {
  const child = await openWidget(browser, beacon.url);
  const dialogs: string[] = [];
  child.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Every activity the widget gets over its WebSocket, to check each message says how to show its text.
  const received: Array<{ type?: string; textFormat?: string; text?: string }> = [];
  child.page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => {
    if (typeof payload === 'string' && payload) received.push(...((JSON.parse(payload) as { activities?: typeof received }).activities ?? []));
  }));
  const worker = await openConsole();

  await child.page.getByText(/who is chatting today/).first().waitFor({ timeout: 30_000 });
  await say(child.page, 'talk to a person');
  await suggestions(child.page).filter({ hasText: 'Yes, share this' }).click({ timeout: 30_000 });
  await child.page.getByText(/You are number 1/).first().waitFor({ timeout: 30_000 });
  await worker.page.getByRole('button', { name: 'Accept' }).click({ timeout: 30_000 });
  await child.page.getByText(/stay quiet/).first().waitFor({ timeout: 30_000 });

  // The worker's payloads, typed in the console, in the child's widget (one bot bubble each).
  const BOT_BUBBLES = '#webchat .webchat__bubble:not(.webchat__bubble--from-user)';
  const before = await child.page.locator(BOT_BUBBLES).count();
  for (const [i, payload] of PAYLOADS.entries()) {
    await worker.page.locator('#text').fill(payload);
    await worker.page.getByRole('button', { name: 'Send' }).click();
    await child.page.waitForFunction(([selector, n]) => document.querySelectorAll(selector).length >= n, [BOT_BUBBLES, before + i + 1] as const, { timeout: 30_000 });
  }
  const workerBubbles = child.page.locator(BOT_BUBBLES);
  const shownToChild = (await workerBubbles.locator('.webchat__bubble__content').allTextContents()).slice(before);
  expect(shownToChild.map((text) => PAYLOADS.find((payload) => text.includes(payload)) ?? text)).toEqual(PAYLOADS);
  expect(await child.page.locator('#webchat .beacon-worker').count()).toBe(PAYLOADS.length);
  const madeInChild = await child.page.evaluate(([selector, from, forbidden]) =>
    Array.from(document.querySelectorAll(selector)).slice(from).flatMap((bubble) => Array.from(bubble.querySelectorAll(forbidden)).map((el) => el.outerHTML)), [BOT_BUBBLES, before, FORBIDDEN] as const);
  expect(madeInChild).toEqual([]);

  // The child's payloads, typed in the widget, in the worker's console.
  for (const [i, payload] of PAYLOADS.entries()) {
    await say(child.page, payload);
    await worker.page.waitForFunction((n) => document.querySelectorAll('#messages li.user').length >= n, i + 1, { timeout: 30_000 });
  }
  expect(await worker.page.locator('#messages li.user .text').allTextContents()).toEqual(PAYLOADS);
  expect(await worker.page.locator('#messages').locator(FORBIDDEN).count()).toBe(0);

  // Hover and focus everything once, so a handler that did get attached would have fired.
  for (const page of [child.page, worker.page]) {
    await page.mouse.move(10, 10);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  }
  expect(await child.page.locator('#webchat a[href^="javascript:" i], #webchat a[href^="data:" i]').count()).toBe(0);
  expect([dialogs, worker.dialogs]).toEqual([[], []]);
  expect([child.violations, worker.violations]).toEqual([[], []]);

  const messages = received.filter((a) => a.type === 'message' && typeof a.text === 'string');
  expect(messages.length).toBeGreaterThan(PAYLOADS.length);
  expect(messages.filter((a) => a.textFormat !== 'plain' && a.textFormat !== 'markdown').map((a) => a.text)).toEqual([]);
  await child.page.context().close();
  await worker.page.context().close();
});
