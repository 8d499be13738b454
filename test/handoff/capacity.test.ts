/**
 * A worker holds at most HANDOFF_MAX_CHATS_PER_WORKER chats at once (here 2): an accept beyond it is refused
 * with the reason, and the child keeps their place for a colleague; two or three accepts pressed at once never
 * get past the cap; a transfer to a colleague at the cap is refused to the sender, and the colleague picker and
 * the supervisor view show each worker's load against the cap.
 */
import { Worker } from './consoleClient';
import { fromBot, HandoffScene, joinQueue } from './handoffScene';

let scene: HandoffScene;

beforeAll(async () => {
  scene = await HandoffScene.start(
    { ada: { name: 'Ada' }, bo: { name: 'Bo' }, sam: { name: 'Sam', role: 'supervisor' } },
    { HANDOFF_MAX_CHATS_PER_WORKER: '2' }
  );
});
afterEach(async () => {
  await scene.reset();
});
afterAll(async () => {
  await scene?.close();
});

/** Ends every chat still live or waiting, as its worker, so that each test starts with empty hands. */
afterEach(async () => {
  for (const s of (await scene.store.openSessions()).filter((x) => x.status === 'active')) {
    const worker = new Worker(scene.beacon.url, s.worker!.username);
    await worker.login();
    expect((await worker.call('POST', `/api/console/sessions/${s.id}/end`, { outcome: 'other' })).status).toBe(200);
  }
});

describe('the most chats a worker holds at once', () => {
  it('refuses an accept beyond the cap with the reason; the child stays in the queue and a colleague takes them', async () => {
    const [ada, bo] = [await scene.worker('ada'), await scene.worker('bo')];
    const [first, second, third] = [await scene.user(), await scene.user(), await scene.user()];
    await scene.chatting(first, ada, 'Ada');
    await scene.chatting(second, ada, 'Ada');
    expect((await ada.queue()).load).toEqual({ chats: 2, max: 2 });
    const waiting = await scene.queue(third);

    const refused = await ada.accept(waiting);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('AtCapacity');
    expect(refused.body.error.message).toMatch(/already hold 2 chats, the most at once/);
    // Nothing moved: the child still waits, unaware, and Ada still has exactly her two chats.
    expect((await bo.queue()).queued.map((s) => s.id)).toEqual([waiting]);
    expect((await ada.queue()).mine).toHaveLength(2);
    expect(third.received.activities.some(fromBot(/You are now chatting with/))).toBe(false);

    expect((await bo.accept(waiting)).status).toBe(200);
    await third.received.waitFor(fromBot(/You are now chatting with Bo/));
  });

  it('lets only as many of three accepts pressed at once through as the cap allows', async () => {
    const [ada, bo] = [await scene.worker('ada'), await scene.worker('bo')];
    const users = [await scene.user(), await scene.user(), await scene.user()];
    for (const [i, user] of users.entries()) await joinQueue(user, i + 1);
    const waiting = (await ada.queue()).queued.map((s) => s.id);
    expect(waiting).toHaveLength(3);

    const answers = await Promise.all(waiting.map((id) => ada.accept(id)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('AtCapacity');
    const open = await scene.store.openSessions();
    expect(open.filter((s) => s.status === 'active' && s.worker?.username === 'ada')).toHaveLength(2);
    const left = open.filter((s) => s.status === 'queued');
    expect(left).toHaveLength(1);
    // The one Ada could not take is still there for a colleague.
    expect((await bo.accept(left[0]!.id)).status).toBe(200);
  });

  it('refuses a transfer to a colleague at the cap and tells the sender; the picker and the supervisor show who is full', async () => {
    const [ada, bo, sam] = [await scene.worker('ada'), await scene.worker('bo'), await scene.worker('sam')];
    const [a, b, c] = [await scene.user(), await scene.user(), await scene.user()];
    await scene.chatting(a, bo, 'Bo');
    await scene.chatting(b, bo, 'Bo');
    const mine = await scene.chatting(c, ada, 'Ada');

    const picker = await ada.call('GET', '/api/console/colleagues');
    expect(picker.body.max).toBe(2);
    expect(picker.body.colleagues.find((x: { username: string }) => x.username === 'bo')).toMatchObject({ chats: 2, full: true });
    expect(picker.body.colleagues.find((x: { username: string }) => x.username === 'sam')).toMatchObject({ chats: 0, full: false });

    const before = c.received.activities.length;
    const refused = await ada.call('POST', `/api/console/sessions/${mine}/transfer`, { to: 'bo' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('ColleagueFull');
    // The chat stays Ada's and the child hears nothing about a transfer.
    expect((await ada.queue()).mine.map((s) => s.id)).toEqual([mine]);
    expect(c.received.activities.slice(before).some(fromBot(/passed your chat on/))).toBe(false);

    const overview = await sam.call('GET', '/api/console/overview');
    expect(overview.body.maxChats).toBe(2);
    const load = (u: string) => overview.body.workers.find((w: { username: string }) => w.username === u);
    expect(load('bo')).toMatchObject({ chats: 2, full: true });
    expect(load('ada')).toMatchObject({ chats: 1, full: false });
  });
});
