/**
 * Accessibility of the widget (axe-core, WCAG 2.2 A/AA and best practice, in headless Chromium): no serious or
 * critical violation in any shipped language, at the greeting and after a typed question has opened a lesson.
 * The live chat is checked in widgetLiveChat.test.ts.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { ROOT_DIR } from '../../src/beacon';
import { Translator } from '../../src/content/translator';
import { startTestBeacon } from '../support/testBeacon';
import { seriousViolations } from './consoleAxe';
import { launchChromium, openWidget, say } from './widgetBrowser';

/** A young person's question typed at the greeting, in each shipped language: it opens the lesson on grooming. */
const QUESTION: Record<string, string> = {
  en: 'what does grooming mean exactly',
  fr: "c'est quoi exactement le grooming",
  de: 'was ist grooming und woran erkenne ich es',
  es: 'qué es exactamente el grooming',
  it: "che cos'è esattamente il grooming",
  nl: 'wat betekent grooming eigenlijk precies',
  pl: 'co to jest ten grooming w internecie',
  tr: 'grooming ne anlama geliyor',
  uk: 'а що взагалі означає грумінг',
  ro: 'ce este mai exact grooming-ul'
};
const BROWSER_LOCALE: Record<string, string> = {
  en: 'en-GB', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', it: 'it-IT', nl: 'nl-NL', pl: 'pl-PL', tr: 'tr-TR', uk: 'uk-UA', ro: 'ro-RO'
};

let beacon: RunningBeacon;
let browser: Browser;
let translator: Translator;

beforeAll(async () => {
  translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  beacon = await startTestBeacon();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await beacon?.close();
});

/**
 * Waits for a bot text by its first four words (markdown and typographic spaces aside; Web Chat's markdown turns
 * straight apostrophes into typographic ones).
 */
async function shows(page: Page, language: string, key: string): Promise<void> {
  const words = translator.t(language, key).replace(/\*\*/g, '').split(/[\s\u00a0\u202f]+/).slice(0, 4).join(' ');
  const pattern = new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2019]"));
  await page.locator('#webchat .webchat__bubble').getByText(pattern).first().waitFor({ timeout: 120000 });
}

it('checks every language Beacon ships (a folder in locales/)', () => {
  expect(Object.keys(QUESTION).sort()).toEqual([...translator.languages].sort());
});

describe.each(Object.keys(QUESTION))('the widget in %s', (language) => {
  it('has no serious or critical accessibility violation at the greeting and in a lesson', async () => {
    const { page } = await openWidget(browser, beacon.url, { locale: BROWSER_LOCALE[language] });
    await shows(page, language, 'welcome.bot');
    await shows(page, language, 'start:who.prompt');
    expect(await seriousViolations(page)).toEqual([]);

    await say(page, QUESTION[language]!);
    await shows(page, language, 'youth/grooming:intro.1');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
