/**
 * While a user waits for a helpline worker: their place in the queue and the estimated wait, updated when it
 * changes (HANDOFF_POSITION_UPDATE_SECONDS, here 1 so that an update is due at once), and the three choices —
 * keep waiting, the numbers instead, cancel.
 */
import { botLines, conversationOf, fromBot, HandoffScene, textOf } from './handoffScene';

let scene: HandoffScene;

beforeAll(async () => {
  scene = await HandoffScene.start({ ada: { name: 'Ada' } }, { HANDOFF_POSITION_UPDATE_SECONDS: '1' });
});
afterEach(async () => {
  await scene.reset();
});
afterAll(async () => {
  await scene?.close();
});

describe('waiting in the queue', () => {
  it('tells a second user they are number 2, then number 1 with the waiting choices once the first is accepted', async () => {
    const ada = await scene.worker('ada');
    const first = await scene.user();
    const second = await scene.user();
    const firstId = await scene.queue(first, 1);
    const secondId = await scene.queue(second, 2);
    expect((await ada.queue()).queued.map((s) => s.id)).toEqual([firstId, secondId]);
    expect(botLines(second, /You are now number/)).toEqual([]);

    expect((await ada.accept(firstId)).status).toBe(200);
    await first.received.waitFor(fromBot(/You are now chatting with Ada/));
    const update = await second.received.waitFor(fromBot(/You are now number 1 in the queue; (the wait is about \d+ minutes|someone should be with you in a minute or two)\./), 10000);
    // The update comes with the choices again, and the first user is not told about the queue any more.
    await second.received.waitFor((a) => fromBot(/While you wait, what would you like to do\?/)(a) && second.received.activities.indexOf(a) > second.received.activities.indexOf(update));
    expect(botLines(first, /You are now number/)).toEqual([]);
    // Once told, the same position is not repeated: a later change would be the next update.
    await second.post({ type: 'message', text: 'Keep waiting' });
    await second.received.waitFor(fromBot(/I'll tell you here when a worker is ready/));
    expect(botLines(second, /You are now number/)).toEqual([textOf(update)]);
    expect((await ada.call('POST', `/api/console/sessions/${firstId}/end`, { outcome: 'other' })).status).toBe(200);
    await second.post({ type: 'message', text: 'Cancel' });
    await second.received.waitFor(fromBot(/you have left the queue/));
  });

  it('after a transfer back to the queue, tells the user their place once, not again in the next update', async () => {
    const ada = await scene.worker('ada');
    const [a, b, c] = [await scene.user(), await scene.user(), await scene.user()];
    const aId = await scene.queue(a, 1);
    const bId = await scene.queue(b, 2);
    await scene.queue(c, 3);
    const updates = (pattern: RegExp, n: number) =>
      c.received.waitFor(() => botLines(c, pattern).length >= n, 10000);
    expect((await ada.accept(bId)).status).toBe(200);
    await b.received.waitFor(fromBot(/You are now chatting with Ada/));
    await updates(/You are now number 2 in the queue/, 1);
    await a.post({ type: 'message', text: 'Cancel' });
    await a.received.waitFor(fromBot(/you have left the queue/));
    await updates(/You are now number 1 in the queue/, 1);
    expect(aId).not.toBe(bId);

    expect((await ada.call('POST', `/api/console/sessions/${bId}/transfer`, {})).status).toBe(200);
    await b.received.waitFor(fromBot(/You are back in the queue: number 1\./));
    // The next update moves the third user back to number 2; by then the transferred user has had theirs.
    await updates(/You are now number 2 in the queue/, 2);
    expect(botLines(b, /You are now number/)).toEqual([]);
    for (const user of [b, c]) {
      await user.post({ type: 'message', text: 'Cancel' });
      await user.received.waitFor(fromBot(/you have left the queue/));
    }
  });

  it('"keep waiting" keeps the user in the queue; the choice\'s own words still work afterwards ("Cancel" leaves)', async () => {
    const ada = await scene.worker('ada');
    const user = await scene.user();
    const sessionId = await scene.queue(user);
    await user.post({ type: 'message', text: 'Keep waiting' });
    await user.received.waitFor(fromBot(/OK\. I'll tell you here when a worker is ready/));
    expect((await ada.queue()).queued.map((s) => s.id)).toEqual([sessionId]);
    // The buttons are still on screen: tapping "Cancel" later must not be lost on the topic menus.
    await user.post({ type: 'message', text: 'Cancel' });
    await user.received.waitFor(fromBot(/OK, you have left the queue/));
    expect((await ada.queue()).queued).toEqual([]);
  });

  it('a waiting user who is accepted is told who they are chatting with', async () => {
    const ada = await scene.worker('ada');
    const user = await scene.user();
    const sessionId = await scene.queue(user);
    await user.post({ type: 'message', text: 'Keep waiting' });
    await user.received.waitFor(fromBot(/OK\. I'll tell you here when a worker is ready/));
    expect((await ada.accept(sessionId)).status).toBe(200);
    await user.received.waitFor(fromBot(/You are now chatting with Ada, a helpline worker — a person\./));
    expect((await ada.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'other' })).status).toBe(200);
  });

  it('"give me the numbers instead" takes the user out of the queue, deletes what they shared and gives the helplines', async () => {
    const ada = await scene.worker('ada');
    const user = await scene.user();
    const sessionId = await scene.queue(user);
    await user.post({ type: 'message', text: 'Give me the numbers instead' });
    await user.received.waitFor(fromBot(/you have left the queue, and what you shared has been deleted\. Trained people answer at these helplines/));
    await user.received.waitFor(fromBot(/116 ?111|112/));
    // The console is told the queue changed (the session is no longer one a worker may see), and it is gone.
    await ada.waitFor((f) => f.type === 'queue');
    expect((await ada.queue()).queued).toEqual([]);
    expect(await scene.beacon.storage.read([`handoff/session/${sessionId}`])).toEqual({});
    // Not waiting any more: the next message goes to the bot, not to the queue.
    expect(await scene.store.link(conversationOf(user))).toBeUndefined();
  });

  it('"cancel" by its number (3) leaves the queue', async () => {
    const ada = await scene.worker('ada');
    const user = await scene.user();
    const sessionId = await scene.queue(user);
    await user.post({ type: 'message', text: '3' });
    await user.received.waitFor(fromBot(/OK, you have left the queue, and what you shared has been deleted\.$/));
    await ada.waitFor((f) => f.type === 'queue');
    expect((await ada.queue()).queued).toEqual([]);
    expect(await scene.beacon.storage.read([`handoff/session/${sessionId}`])).toEqual({});
    expect(botLines(user, /Trained people answer/)).toEqual([]);
  });
});
