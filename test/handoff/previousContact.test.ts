/**
 * "Contacted before": a child who comes back in a new conversation on a channel whose user ids last (Telegram,
 * WhatsApp, Teams; here the local Direct Line with a fixed user id) is told, before agreeing, that the worker will
 * see they asked before; the worker sees it on the queue entry and in the open chat — how often and roughly when,
 * nothing of what was said or noted then. "stop" forgets it, and it lapses after HANDOFF_PREVIOUS_CONTACT_DAYS
 * (the clock moved with Jest's fake Date; previousContacts.test.ts covers the sweep).
 */
import type { TestClient } from '../directline/directLineClient';
import { fromBot, HandoffScene, userMessage } from './handoffScene';
import type { Worker } from './consoleClient';

let scene: HandoffScene;
const DAY = 86_400_000;

beforeAll(async () => {
  scene = await HandoffScene.start({ ada: { name: 'Ada' } });
});
afterEach(async () => {
  jest.useRealTimers();
  await scene.reset();
});
afterAll(async () => {
  await scene?.close();
});

/** Asks for a person and returns what the consent step said, up to its question. */
async function askForPerson(user: TestClient): Promise<string> {
  const before = user.received.activities.length;
  await user.post({ type: 'message', text: 'talk to a person' });
  await user.received.waitFor(fromBot(/Is it OK to share this/));
  return user.received.activities.slice(before).filter(fromBot(/./)).map((a) => (a as { text?: string }).text).join('\n');
}

/** A first contact with words and a private note that must never come back; ended by the worker. */
async function firstContact(ada: Worker, userId: string): Promise<void> {
  const user = await scene.user({ userId });
  const sessionId = await scene.queue(user);
  expect((await ada.queue()).queued.find((s) => s.id === sessionId)?.context.previous).toBeUndefined();
  expect((await ada.accept(sessionId)).status).toBe(200);
  await user.received.waitFor(fromBot(/I'll stay quiet/));
  await user.post({ type: 'message', text: 'my first secret words' });
  await ada.waitFor(userMessage('my first secret words'));
  expect((await ada.call('POST', `/api/console/sessions/${sessionId}/notes`, { notes: 'a private note about the first chat' })).status).toBe(204);
  expect((await ada.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'supported' })).status).toBe(200);
  await user.end();
}

async function endChat(ada: Worker, sessionId: string): Promise<void> {
  expect((await ada.accept(sessionId)).status).toBe(200);
  expect((await ada.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'other' })).status).toBe(200);
}

describe('contacted before', () => {
  it('is told to the child first, then shown to the worker in the queue and the chat, with nothing of the earlier chat', async () => {
    const ada = await scene.worker('ada');
    await firstContact(ada, 'tg-child-1');

    const again = await scene.user({ userId: 'tg-child-1' });
    const consent = await askForPerson(again);
    expect(consent).toMatch(/For 30 days, Beacon remembers only that you asked for a person here \(never what you say\), so that the next worker knows\. Type "stop" to delete it\./);
    expect(consent).toMatch(/They will also see that you asked to talk to a person here before \(times: 1; the last time: today\), but nothing of what was said then\./);
    await again.post({ type: 'message', text: 'Yes, share this' });
    await again.received.waitFor(fromBot(/You are number 1/));

    const queue = await ada.queue();
    expect(queue.queued).toHaveLength(1);
    expect(queue.queued[0]!.context.previous).toEqual({ times: 1, last: 'today' });
    const sessionId = queue.queued[0]!.id;
    expect((await ada.accept(sessionId)).status).toBe(200);
    const open = await ada.call('GET', `/api/console/sessions/${sessionId}`);
    expect(open.body.session.context.previous).toEqual({ times: 1, last: 'today' });
    expect(open.body.messages).toEqual([]);
    const seen = JSON.stringify([queue, open.body]);
    expect(seen).not.toMatch(/secret words|private note/);
    expect(seen).not.toContain('tg-child-1');
    expect((await ada.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'other' })).status).toBe(200);
  });

  it('is gone after the child says "stop": the next time, neither the child nor the worker hears of it', async () => {
    const ada = await scene.worker('ada');
    await firstContact(ada, 'tg-child-2');
    const again = await scene.user({ userId: 'tg-child-2' });
    const sessionId = await scene.queue(again);
    expect((await ada.queue()).queued[0]!.context.previous).toEqual({ times: 1, last: 'today' });
    await again.post({ type: 'message', text: 'stop' });
    await again.received.waitFor(fromBot(/I've forgotten this chat/));
    expect((await ada.queue()).queued.map((s) => s.id)).not.toContain(sessionId);

    const third = await scene.user({ userId: 'tg-child-2' });
    expect(await askForPerson(third)).not.toMatch(/before/);
    await third.post({ type: 'message', text: 'Yes, share this' });
    await third.received.waitFor(fromBot(/You are number 1/));
    const entry = (await ada.queue()).queued[0]!;
    expect(entry.context.previous).toBeUndefined();
    await endChat(ada, entry.id);
  });

  it('is gone once the window has passed (30 days by default)', async () => {
    const ada = await scene.worker('ada');
    await firstContact(ada, 'tg-child-3');
    // Only Date moves; timers and sockets run as usual.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
    jest.setSystemTime(Date.now() + 29 * DAY);
    const soon = await scene.user({ userId: 'tg-child-3' });
    expect(await askForPerson(soon)).toMatch(/times: 1; the last time: 2 weeks to a month ago/);
    await soon.post({ type: 'message', text: 'No, don\'t share' });
    await soon.received.waitFor(fromBot(/nothing was shared/));

    jest.setSystemTime(Date.now() + 2 * DAY);
    const later = await scene.user({ userId: 'tg-child-3' });
    expect(await askForPerson(later)).not.toMatch(/before/);
    await later.post({ type: 'message', text: 'Yes, share this' });
    await later.received.waitFor(fromBot(/You are number 1/));
    // The worker's console session ran out with the month: they sign in again and see no flag.
    const back = await scene.worker('ada');
    const entry = (await back.queue()).queued[0]!;
    expect(entry.context.previous).toBeUndefined();
    await endChat(back, entry.id);
  });
});
