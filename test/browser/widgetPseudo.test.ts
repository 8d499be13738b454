/**
 * The widget in pseudo-localisation mode (`CONTENT_PSEUDO=on`, `npm run content:pseudo`), in a real browser:
 * every text a user reads on the page — the page's own words, the bot's messages and its buttons — comes from
 * `locales/`, so it shows accented between ⟦ ⟧. A text that is not is written in code or in the page, and a
 * translator could never translate it. Screenshots go to the system's temp folder for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { startTestBeacon } from '../support/testBeacon';
import { launchChromium, openWidget, suggestions } from './widgetBrowser';

const SHOTS = path.join(os.tmpdir(), 'beacon-widget-shots');

let beacon: RunningBeacon;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  beacon = await startTestBeacon({ CONTENT_PSEUDO: 'on' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await beacon?.close();
});

/**
 * Every visible text on the page with two or more Latin letters in a row: text that did not come from `locales/`. Web Chat's own timestamps ("Just now") are its library's words, not Beacon's.
 */
async function untranslatable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || element.closest('script, style, noscript, .webchat__activity-status')) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      // Text only a screen reader reads (clipped to a pixel) is Web Chat's own, in its own translations.
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      // Pseudo texts hold no Latin letter at all, even when split over several nodes (bold, links).
      const text = (node.textContent ?? '').replace(/⟦[^⟧]*⟧/g, '');
      if (/[A-Za-z]{2,}/.test(text)) found.push(`${text.trim()} (in <${element.tagName.toLowerCase()} class="${element.className}">)`);
    }
    return [...new Set(found)];
  });
}

describe('the widget in pseudo-localisation mode', () => {
  it('shows only texts from locales/ on the page, in the greeting and in the buttons', async () => {
    const { page } = await openWidget(browser, beacon.url, { locale: 'en-GB', viewport: { width: 360, height: 740 } });
    await suggestions(page).first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'pseudo-greeting.png') });
    expect(await page.title()).toMatch(/^⟦/);
    expect(await untranslatable(page)).toEqual([]);
    // One step further: the first button's answer and its buttons come from locales/ too.
    const before = await page.locator('#webchat .webchat__bubble').count();
    await suggestions(page).first().click();
    await page.waitForFunction((n) => document.querySelectorAll('#webchat .webchat__bubble').length > n + 1, before, { timeout: 30000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'pseudo-second-step.png') });
    expect(await untranslatable(page)).toEqual([]);
    await page.context().close();
  });
});
