/**
 * Quick Exit in a real browser, when it matters most: while the chat is still loading on a slow phone (the Web
 * Chat bundle is held back and never arrives), with JavaScript turned off, and by keyboard (Shift pressed three
 * times, each press announced). Escape, which Web Chat uses, and Shift used for capital letters never leave.
 */
import type { Browser, Page } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { startTestBeacon } from '../support/testBeacon';
import { launchChromium, messageBox, openWidget, QUICK_EXIT_URL } from './widgetBrowser';

let beacon: RunningBeacon;
let browser: Browser;

beforeAll(async () => {
  beacon = await startTestBeacon({ QUICK_EXIT_URL });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await beacon?.close();
});

/** Holds back the Web Chat bundle's response for as long as the test runs. */
async function holdBundle(page: Page): Promise<void> {
  await page.route('**/webchat.*.js', () => undefined);
}

describe('Quick Exit', () => {
  it('leaves at once while the chat is still loading, and the emergency line is already there', async () => {
    const { page } = await openWidget(browser, beacon.url, { commitOnly: true, before: holdBundle });
    await page.locator('#quick-exit').waitFor();
    expect(await page.locator('#safety-line').textContent()).toMatch(/112.*help/);
    expect(await page.locator('.webchat__send-box').count()).toBe(0);
    await page.locator('#quick-exit').click();
    await page.waitForURL(QUICK_EXIT_URL);
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toBe(`${beacon.url}/`);
    await page.context().close();
  });

  it('leaves with JavaScript turned off: it is a plain link', async () => {
    const { page } = await openWidget(browser, beacon.url, { javaScriptEnabled: false });
    await page.getByRole('link', { name: 'Quick Exit' }).click();
    await page.waitForURL(QUICK_EXIT_URL);
    await page.context().close();
  });

  it('leaves when Shift is pressed three times, and says how many presses are left', async () => {
    const { page } = await openWidget(browser, beacon.url, { commitOnly: true, before: holdBundle });
    await page.locator('#quick-exit').waitFor();
    await page.keyboard.press('Shift');
    expect(await page.locator('#exit-announcer').textContent()).toBe('Shift, press 2 more times to exit.');
    await page.keyboard.press('Shift');
    expect(await page.locator('#exit-announcer').textContent()).toBe('Shift, press 1 more time to exit.');
    await page.keyboard.press('Shift');
    await page.waitForURL(QUICK_EXIT_URL);
    await page.context().close();
  });

  it('does not leave on Escape in the message box, nor on Shift used for capital letters', async () => {
    const { page } = await openWidget(browser, beacon.url);
    await messageBox(page).waitFor({ timeout: 30000 });
    await messageBox(page).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    for (const letter of ['KeyH', 'KeyI', 'KeyM']) {
      await page.keyboard.down('Shift');
      await page.keyboard.press(letter);
      await page.keyboard.up('Shift');
    }
    await page.waitForTimeout(500);
    expect(page.url()).toBe(`${beacon.url}/`);
    expect(await messageBox(page).inputValue()).toBe('HIM');
    await page.context().close();
  });
});
