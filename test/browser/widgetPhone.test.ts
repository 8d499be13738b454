/**
 * The widget on small phones, in a real browser: at 320 px in German the menu's question and all its buttons are
 * on screen at once (buttons wrap their text, the list scrolls within about 40% of the screen); the page logs no
 * CSP violation; a reload shows nothing of the chat until the child chooses "continue", and "start again" starts
 * afresh; after "stop" a reload starts a new chat at once. Screenshots at 320 and 360 px go to the system's temp folder for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { startTestBeacon } from '../support/testBeacon';
import { launchChromium, messageBox, openWidget, say, suggestions } from './widgetBrowser';

const SHOTS = path.join(os.tmpdir(), 'beacon-widget-shots');

let beacon: RunningBeacon;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  beacon = await startTestBeacon();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await beacon?.close();
});

/** Whether the last bubble matching `text` lies wholly between the page's top lines and the suggestion buttons. */
async function questionInView(page: Page, text: RegExp): Promise<boolean> {
  const box = await page.locator('#webchat .webchat__bubble').filter({ hasText: text }).last().boundingBox();
  const top = await page.locator('#safety-line').boundingBox();
  const buttons = await page.locator('#webchat .webchat__suggested-actions').boundingBox();
  if (!box || !top || !buttons) return false;
  return box.y >= top.y + top.height - 1 && box.y + box.height <= buttons.y + 1;
}

async function toYouthMenu(page: Page, under18: string, teen: string, menuPrompt: RegExp): Promise<void> {
  await suggestions(page).filter({ hasText: under18 }).click({ timeout: 30000 });
  await suggestions(page).filter({ hasText: teen }).click({ timeout: 30000 });
  await page.locator('#webchat .webchat__bubble').filter({ hasText: menuPrompt }).waitFor({ timeout: 30000 });
  await page.waitForTimeout(800);
}

describe('the widget on a phone', () => {
  it('shows the menu question and every button on a 320 px German phone, buttons wrapped, with no CSP violation', async () => {
    const { page, violations } = await openWidget(browser, beacon.url, { locale: 'de-DE', viewport: { width: 320, height: 568 } });
    const prompt = /Was möchtest du machen/;
    await toYouthMenu(page, 'Ich bin unter 18', '13 bis 17', prompt);
    await page.screenshot({ path: path.join(SHOTS, 'phone320-de-menu.png') });
    expect(await questionInView(page, prompt)).toBe(true);
    const area = await page.locator('#webchat .webchat__suggested-actions').boundingBox();
    expect(area!.height).toBeLessThanOrEqual(568 * 0.45);
    const buttons = await suggestions(page).evaluateAll((list) =>
      list.map((b) => ({ cut: b.scrollWidth > b.clientWidth + 1, text: b.textContent ?? '' })));
    expect(buttons.length).toBeGreaterThanOrEqual(6);
    expect(buttons.filter((b) => b.cut)).toEqual([]);
    // The list scrolls: its last button can be reached and pressed.
    await suggestions(page).last().scrollIntoViewIfNeeded();
    expect(await suggestions(page).last().isVisible()).toBe(true);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('fits the English menu on a 360 px phone too', async () => {
    const { page, violations } = await openWidget(browser, beacon.url, { locale: 'en-GB', viewport: { width: 360, height: 740 } });
    await page.screenshot({ path: path.join(SHOTS, 'phone360-en-greeting.png') });
    const prompt = /What would you like to do/;
    await toYouthMenu(page, "I'm a young person", '13 to 17', prompt);
    await page.screenshot({ path: path.join(SHOTS, 'phone360-en-menu.png') });
    expect(await questionInView(page, prompt)).toBe(true);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('after the "Is this OK?" questions, scrolls to the start of the long answer, so the verdict is in view', async () => {
    const { page } = await openWidget(browser, beacon.url, { locale: 'en-GB', viewport: { width: 360, height: 740 } });
    await toYouthMenu(page, "I'm a young person", '13 to 17', /What would you like to do/);
    await suggestions(page).filter({ hasText: 'Is this OK?' }).click();
    // "Yes" to every sign: a serious one leads straight to the strongest answer (the checker weighs them).
    const verdict = page.locator('#webchat .webchat__bubble').filter({ hasText: /You said yes to (a serious warning sign|\d+ of)/ });
    const yes = suggestions(page).filter({ hasText: /^Yes$/ }).first();
    for (let i = 0; i < 12; i++) {
      // The next question's buttons or the verdict, whichever the checker sends: on a loaded machine the reply
      // can come in more than one bubble, so counting bubbles alone can look for "Yes" under the verdict.
      await verdict.or(yes).first().waitFor({ timeout: 30000 });
      if ((await verdict.count()) > 0) break;
      const asked = await page.locator('#webchat .webchat__bubble').count();
      await yes.click({ timeout: 30000 });
      await page.waitForFunction((n) => document.querySelectorAll('#webchat .webchat__bubble').length > n + 1, asked);
    }
    await verdict.waitFor({ timeout: 30000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(SHOTS, 'phone360-en-checker-verdict.png') });
    const box = await verdict.boundingBox();
    const top = await page.locator('#safety-line').boundingBox();
    const buttons = await page.locator('#webchat .webchat__suggested-actions').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(top!.y + top!.height - 1);
    expect(box!.y + 40).toBeLessThan(buttons!.y);
    await page.context().close();
  });

  it('after a reload shows nothing of the chat until "continue", and "start again" starts afresh', async () => {
    const { page } = await openWidget(browser, beacon.url);
    await page.getByText(/who is chatting today/).first().waitFor({ timeout: 30000 });
    await say(page, 'my secret words');
    await page.locator('#webchat .webchat__bubble--from-user').filter({ hasText: 'my secret words' }).waitFor({ timeout: 30000 });
    await page.reload();
    await page.getByRole('button', { name: 'Continue the chat' }).waitFor({ timeout: 30000 });
    await page.waitForTimeout(1000);
    expect(await page.getByText('my secret words').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'phone360-en-reload.png') });
    await page.getByRole('button', { name: 'Continue the chat' }).click();
    await page.getByText('my secret words').first().waitFor({ timeout: 30000 });

    await page.reload();
    await page.getByRole('button', { name: 'Start again' }).click({ timeout: 30000 });
    await page.getByText(/who is chatting today/).first().waitFor({ timeout: 30000 });
    await messageBox(page).waitFor();
    expect(await page.getByText('my secret words').count()).toBe(0);
    await page.context().close();
  });

  it('after "stop", a reload does not offer to continue: a new chat starts and nothing of the old one shows', async () => {
    const { page } = await openWidget(browser, beacon.url);
    await page.getByText(/who is chatting today/).first().waitFor({ timeout: 30000 });
    await say(page, 'my other secret');
    await say(page, 'stop');
    await page.getByText(/forgotten this chat/).first().waitFor({ timeout: 30000 });
    await page.reload();
    await page.getByText(/who is chatting today/).first().waitFor({ timeout: 30000 });
    expect(await page.getByRole('button', { name: 'Continue the chat' }).isVisible()).toBe(false);
    expect(await page.getByText('my other secret').count()).toBe(0);
    expect(await page.getByText(/forgotten this chat/).count()).toBe(0);
    await page.context().close();
  });
});
