/**
 * The console in a real browser (headless Chromium, playwright-core): a worker signs in, accepts a waiting
 * user, and a user message that looks like HTML (`<img src=x onerror=alert(1)>`) shows as text and runs nothing;
 * End chat asks for confirmation and leads to the wrap-up with no outcome chosen.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import type { TestClient } from '../directline/directLineClient';
import { signInConsole } from '../browser/consolePage';
import { startTestBeacon } from '../support/testBeacon';
import { addWorker, tempDataDir } from './consoleClient';
import { fromBot, greetedUser, joinQueue } from './handoffScene';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HOSTILE = '<img src=x onerror=alert(1)>';

let beacon: RunningBeacon;
let browser: Browser;
let user: TestClient | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: run "apt-get install -y chromium" (.ci/run does).`);
  const dataDir = tempDataDir();
  await addWorker(dataDir, 'ada', { name: 'Ada' });
  beacon = await startTestBeacon({ DATA_DIR: dataDir });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});
afterAll(async () => {
  await user?.end();
  await browser?.close();
  await beacon?.close();
});

describe('the worker console in a browser', () => {
  it('signs in, accepts, and shows a user message that looks like HTML as text, running nothing', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signInConsole(page, beacon.url, 'ada');
    await page.getByText('Nobody is waiting.').waitFor({ timeout: 10000 });

    user = await greetedUser(beacon.url);
    await joinQueue(user);

    await page.getByRole('button', { name: 'Accept' }).click({ timeout: 10000 });
    await user.received.waitFor(fromBot(/You are now chatting with Ada/));
    await user.post({ type: 'message', text: HOSTILE });
    const shown = page.locator('#messages li.user');
    await shown.first().waitFor({ timeout: 10000 });
    expect(await shown.first().locator('.text').textContent()).toBe(HOSTILE);
    // Who wrote it is in the text for screen readers.
    expect(await shown.first().textContent()).toBe(`User: ${HOSTILE}`);
    expect(await page.locator('#messages img').count()).toBe(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);

    await page.locator('#text').fill('I am here to help.');
    await page.getByRole('button', { name: 'Send' }).click();
    await user.received.waitFor(fromBot(/^Ada \(helpline worker\): I am here to help\.$/));

    // End chat asks first; "No" keeps the chat, "Yes" ends it and opens the wrap-up with no outcome chosen.
    await page.getByRole('button', { name: 'End chat' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'No, keep chatting' }).click();
    expect(await confirm.isHidden()).toBe(true);
    expect(await page.locator('#send').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'End chat' }).click();
    await confirm.getByRole('button', { name: 'Yes, end the chat' }).click();
    await user.received.waitFor(fromBot(/Ada has ended the chat/));
    await page.locator('#wrapup').waitFor();
    expect(await page.locator('#outcome').inputValue()).toBe('');
    await page.context().close();
  });
});
