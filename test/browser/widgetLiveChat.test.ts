/**
 * A live chat with a helpline worker, seen in the widget in a real browser: the header stops saying "a bot" and
 * names the worker; the worker's messages look different from the bot's and carry a label; a worker message that
 * looks like HTML stays text; and when the worker ends the chat, the header says "bot" again.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { addWorker, tempDataDir, Worker } from '../handoff/consoleClient';
import { startTestBeacon } from '../support/testBeacon';
import { seriousViolations } from './consoleAxe';
import { launchChromium, openWidget, say, suggestions } from './widgetBrowser';

const HOSTILE = '<img src=x onerror="document.title=1"> hello';

let beacon: RunningBeacon;
let browser: Browser;
let worker: Worker;

beforeAll(async () => {
  mkdirSync(path.join(os.tmpdir(), 'beacon-widget-shots'), { recursive: true });
  const dataDir = tempDataDir();
  await addWorker(dataDir, 'ada', { name: 'Ada' });
  beacon = await startTestBeacon({ DATA_DIR: dataDir });
  browser = await launchChromium();
  worker = new Worker(beacon.url, 'ada');
  expect((await worker.login()).status).toBe(200);
  await worker.connect();
});
afterAll(async () => {
  worker?.close();
  await browser?.close();
  await beacon?.close();
});

describe('the widget during a live chat', () => {
  it('names the worker in the header, labels their messages, shows their HTML as text, and says "bot" again after', async () => {
    const { page, violations } = await openWidget(browser, beacon.url);
    const notice = page.locator('#bot-notice');
    await page.getByText(/who is chatting today/).first().waitFor({ timeout: 30000 });
    await say(page, 'talk to a person');
    await suggestions(page).filter({ hasText: 'Yes, share this' }).click({ timeout: 30000 });
    await page.getByText(/You are number 1/).first().waitFor({ timeout: 30000 });
    expect(await notice.textContent()).toBe('You are chatting with a bot, not a person.');

    const [waiting] = (await worker.queue()).queued;
    expect((await worker.accept(waiting!.id)).status).toBe(200);
    await page.getByText(/stay quiet/).first().waitFor({ timeout: 30000 });
    expect(await notice.textContent()).toBe('You are chatting with Ada, a helpline worker.');

    expect((await worker.send(waiting!.id, HOSTILE, 'k-1')).status).toBe(201);
    const bubble = page.locator('#webchat .beacon-worker');
    await bubble.first().waitFor({ timeout: 30000 });
    expect(await bubble.first().textContent()).toContain(HOSTILE);
    expect(await page.locator('#webchat .webchat__bubble img').count()).toBe(0);
    expect(await page.title()).not.toBe('1');
    const label = await bubble.first().locator('.webchat__bubble__content').evaluate((el) => getComputedStyle(el, '::before').content);
    expect(label).toBe('"Ada, helpline worker"');
    // A live chat is as accessible as the bot's: the worker's look and label break no contrast or naming rule.
    expect(await seriousViolations(page)).toEqual([]);
    const colours = await page.locator('#webchat .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content').evaluateAll((list) =>
      [...new Set(list.map((el) => getComputedStyle(el).backgroundColor))]);
    expect(colours.length).toBe(2);
    await page.screenshot({ path: path.join(os.tmpdir(), 'beacon-widget-shots', 'phone360-en-live-chat.png') });

    expect((await worker.call('POST', `/api/console/sessions/${waiting!.id}/end`, { outcome: 'supported' })).status).toBe(200);
    await page.getByText(/Ada has ended the chat/).first().waitFor({ timeout: 30000 });
    expect(await notice.textContent()).toBe('You are chatting with a bot, not a person.');
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
