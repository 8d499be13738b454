/**
 * A shift in two browsers (headless Chromium): a child on a phone, a worker on a desktop. The child on the
 * sextortion lesson asks for a person and arrives as high risk with a wait that ticks; the worker is alerted
 * (title and announcement); they chat; the child presses Quick Exit and the worker sees "left" within seconds;
 * the worker wraps up with notes, categories and call type; a supervisor sees the floor and the month's
 * export has the counts and no text. A worker at the most chats they may hold is told why an accept is refused,
 * and sees that a returning child contacted before. axe-core runs on the console in every state: 0 serious or
 * critical.
 */
import type { Browser } from 'playwright-core';
import type { RunningBeacon } from '../../src/beacon';
import { addWorker, tempDataDir, Worker } from '../handoff/consoleClient';
import { fromBot, greetedUser, joinQueue } from '../handoff/handoffScene';
import { startTestBeacon } from '../support/testBeacon';
import { seriousViolations } from './consoleAxe';
import { signInConsole } from './consolePage';
import { launchChromium, messageBox, openWidget, QUICK_EXIT_URL, say, suggestions } from './widgetBrowser';

const CHILD_WORDS = 'i did not know who to tell';
/** Danger now (someone at the door), which the crisis check reads as an emergency during a live chat too. */
const DANGER_WORDS = 'he is outside my door right now and wont leave';
const NOTE = 'Explained reporting; child will tell her aunt';

let beacon: RunningBeacon;
let browser: Browser;

beforeAll(async () => {
  const dataDir = tempDataDir();
  await addWorker(dataDir, 'ada', { name: 'Ada' });
  await addWorker(dataDir, 'sam', { name: 'Sam', role: 'supervisor' });
  beacon = await startTestBeacon({ DATA_DIR: dataDir, QUICK_EXIT_URL });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await beacon?.close();
});

describe('a shift in the console', () => {
  it('triage, alert, chat, Quick Exit seen as "left", wrap-up and an export with counts and no text', async () => {
    const desk = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const console_ = await desk.newPage();
    await console_.goto(`${beacon.url}/console`);
    await console_.locator('input[name="username"]').waitFor();
    expect(await seriousViolations(console_)).toEqual([]); // sign-in
    await signInConsole(console_, beacon.url, 'ada');
    await console_.getByText('Nobody is waiting.').waitFor({ timeout: 10000 });
    expect(await seriousViolations(console_)).toEqual([]); // empty queue

    // The child, on a phone, in the sextortion lesson, asks for a person.
    const { page: phone } = await openWidget(browser, beacon.url);
    await phone.getByText(/who is chatting today/).first().waitFor({ timeout: 30000 });
    await suggestions(phone).filter({ hasText: "I'm a young person" }).click({ timeout: 30000 });
    await phone.getByText(/Which age group/).first().waitFor({ timeout: 30000 });
    await suggestions(phone).filter({ hasText: '13 to 17' }).click();
    await say(phone, 'what is sextortion');
    await suggestions(phone).filter({ hasText: 'Talk to a person now' }).click({ timeout: 30000 });
    await phone.getByText(/How urgent it seems: important/).first().waitFor({ timeout: 30000 });
    await suggestions(phone).filter({ hasText: 'Yes, share this' }).click({ timeout: 30000 });
    await suggestions(phone).filter({ hasText: 'Yes, share that too' }).click({ timeout: 30000 });
    await phone.getByText(/You are number 1/).first().waitFor({ timeout: 30000 });

    // The worker is alerted: the page title counts who waits, and the arrival is announced.
    const item = console_.locator('#queue li.item');
    await item.first().waitFor({ timeout: 10000 });
    await console_.waitForFunction(() => document.title.startsWith('(1) waiting'), undefined, { timeout: 10000 });
    expect(await console_.locator('#arrivals').textContent()).toMatch(/^New conversation waiting: .*sextortion/);
    // High risk, by name, with a wait that ticks on the open page (no reload, no queue event).
    expect(await item.first().getAttribute('class')).toContain('risk-high');
    expect(await item.first().textContent()).toMatch(/English · 13 to 17 · a young person · sextortion · important/);
    const wait = item.first().locator('.wait');
    const first = await wait.textContent();
    await console_.waitForFunction((before) => document.querySelector('#queue .wait')?.textContent !== before, first, { timeout: 10000 });
    expect(await wait.textContent()).toMatch(/^waiting \d+ s$/);
    expect(await seriousViolations(console_)).toEqual([]); // someone waiting

    await console_.getByRole('button', { name: /^Accept/ }).click();
    await phone.getByText(/You are now chatting with Ada/).first().waitFor({ timeout: 30000 });
    await console_.getByText('Your chats: 1 of 3 at once').waitFor();
    // Typing both ways: the child's typing shows in the console, the worker's in the widget.
    await messageBox(phone).pressSequentially('i did', { delay: 50 });
    await console_.locator('#typing').waitFor({ state: 'visible', timeout: 10000 });
    await console_.locator('#text').pressSequentially('One', { delay: 50 });
    await phone.locator('.webchat__typing-indicator').first().waitFor({ state: 'attached', timeout: 10000 });
    await console_.locator('#text').fill('');
    await messageBox(phone).fill('');
    // Transfer goes to a named colleague picked from a list, with whether they are online and their languages.
    expect(await console_.locator('#colleague option').allTextContents()).toEqual(['Choose a colleague', 'Sam · offline · all languages']);
    await say(phone, CHILD_WORDS);
    const fromChild = console_.locator('#messages li.user');
    await fromChild.first().waitFor({ timeout: 10000 });
    expect(await fromChild.first().textContent()).toBe(`User: ${CHILD_WORDS}`);
    // A danger message says so in words, not only in red.
    await say(phone, DANGER_WORDS);
    const danger = console_.locator('#messages li.user.danger');
    await danger.first().waitFor({ timeout: 10000 });
    expect(await danger.first().textContent()).toBe(`User: Danger: the crisis check fired on this message. The user was shown the emergency number. ${DANGER_WORDS}`);
    // A canned reply goes in at the cursor, after what was typed; Ctrl+Enter sends.
    await console_.locator('#text').fill('Hi. ');
    await console_.locator('#canned').selectOption({ index: 3 });
    expect(await console_.locator('#text').inputValue()).toMatch(/^Hi\. Take your time/);
    await console_.locator('#text').press('Control+Enter');
    await phone.getByText(/Ada \(helpline worker\)|Hi\. Take your time/).first().waitFor({ timeout: 30000 });
    await console_.locator('#notes').fill(NOTE);
    expect(await seriousViolations(console_)).toEqual([]); // chat open

    // Quick Exit on the phone: the worker sees at once that the child has left.
    await phone.locator('#quick-exit').click();
    await phone.waitForURL(QUICK_EXIT_URL);
    await console_.getByText('The user left (Quick Exit).').waitFor({ timeout: 10000 });
    expect(await console_.locator('#send').isHidden()).toBe(true);

    // Wrap-up: notes kept, categories, call type, outcome (none chosen for them).
    const wrapUp = console_.locator('#wrapup');
    await wrapUp.waitFor();
    expect(await console_.locator('#notes').inputValue()).toBe(NOTE);
    expect(await console_.locator('#outcome').inputValue()).toBe('');
    expect(await seriousViolations(console_)).toEqual([]); // wrap-up
    await wrapUp.getByRole('button', { name: 'Save the wrap-up' }).click();
    expect(await console_.locator('#wrapup-error').textContent()).toMatch(/Choose 1 to 3 categories/);
    await wrapUp.getByLabel('Violence: online child sexual abuse and exploitation').check();
    await wrapUp.getByLabel('A child about themselves').check();
    await console_.locator('#outcome').selectOption('referred');
    await wrapUp.getByRole('button', { name: 'Save the wrap-up' }).click();
    await console_.getByText('Wrap-up saved.', { exact: false }).waitFor({ timeout: 10000 });

    // A supervisor: the floor, live, and the month's export.
    const office = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const supervisor = await office.newPage();
    await signInConsole(supervisor, beacon.url, 'sam');
    await supervisor.locator('#supervisor').waitFor();
    await supervisor.locator('#sv-workers td', { hasText: 'Ada' }).waitFor({ timeout: 10000 });
    // Each worker's load against the most chats they may hold.
    expect(await supervisor.locator('#sv-workers tr', { hasText: 'Ada' }).locator('td').last().textContent()).toBe('0 of 3');
    expect(await seriousViolations(supervisor)).toEqual([]); // supervisor
    const month = new Date().toISOString().slice(0, 7);
    const csv = await supervisor.evaluate(async (m) => (await fetch(`/api/console/export?month=${m}`)).text(), month);
    expect(csv.split('\r\n')).toEqual(expect.arrayContaining([
      `${month},category,violence/onlineSexualAbuse,1`, `${month},callType,childAboutSelf,1`, `${month},outcome,referred,1`,
      `${month},language,en,1`, `${month},ageBand,13to17,1`, `${month},left,quick_exit,1`
    ]));
    expect(csv).not.toContain('tomorrow');
    expect(csv).not.toContain('aunt');
    expect(csv).not.toContain('Take your time');
    await desk.close();
    await office.close();
    await phone.context().close();
  }, 180000);

  it('tells a worker at the cap why an accept is refused, and shows a returning child as contacted before', async () => {
    // Ada already holds three chats (the default cap), taken on the API.
    const api = new Worker(beacon.url, 'ada');
    await api.login();
    const held: string[] = [];
    const users = [];
    for (let i = 0; i < 3; i++) {
      const user = await greetedUser(beacon.url);
      users.push(user);
      await joinQueue(user);
      const [waiting] = (await api.queue()).queued;
      expect((await api.accept(waiting!.id)).status).toBe(200);
      held.push(waiting!.id);
    }
    // A child who asked before (and left the queue then) comes back in a new conversation.
    const before = await greetedUser(beacon.url, { userId: 'tg-returning' });
    users.push(before);
    await joinQueue(before);
    await before.post({ type: 'message', text: 'Cancel' });
    await before.received.waitFor(fromBot(/you have left the queue/));
    const child = await greetedUser(beacon.url, { userId: 'tg-returning' });
    users.push(child);
    await joinQueue(child);

    const desk = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await desk.newPage();
    await signInConsole(page, beacon.url, 'ada');
    const entry = page.locator('#queue li.item');
    await entry.first().waitFor();
    expect(await entry.first().locator('.previous').textContent()).toBe('Contacted before · times: 1 · last: today');
    expect(await page.locator('#my-load').textContent()).toBe('Your chats: 3 of 3 at once · full');
    await page.getByRole('button', { name: /^Accept/ }).click();
    await page.getByText('You already hold the most chats you can at once (3). End one or pass it on before you accept another.').waitFor();
    expect(await page.locator('#chat').isHidden()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]); // at the cap

    // One chat ends: the load goes down on the open page, and the accept goes through.
    expect((await api.call('POST', `/api/console/sessions/${held.shift()}/end`, { outcome: 'other' })).status).toBe(200);
    await page.getByText('Your chats: 2 of 3 at once').waitFor();
    await page.getByRole('button', { name: /^Accept/ }).click();
    await child.received.waitFor(fromBot(/You are now chatting with Ada/));
    const context = page.locator('#context');
    await context.getByText('Contacted before').waitFor();
    expect(await context.locator('dd.previous').textContent())
      .toBe('times: 1 · last: todayOnly how often and when: nothing of what was said then, and no notes.');
    expect(await seriousViolations(page)).toEqual([]); // chat open, contacted before

    for (const id of [...held, (await api.queue()).mine.find((s) => !held.includes(s.id))!.id]) {
      expect((await api.call('POST', `/api/console/sessions/${id}/end`, { outcome: 'other' })).status).toBe(200);
    }
    await desk.close();
    for (const user of users) await user.end();
  });
});
