/**
 * Oversight and scope: a supervisor sees every queue and the live counts (a worker gets 403 there); the audit
 * log records who accepted, viewed, transferred and ended what, without a word of what anyone wrote; a worker
 * whose languages or countries do not match a waiting user does not see them.
 */
import { fromBot, HandoffScene, userMessage } from './handoffScene';

let scene: HandoffScene;

beforeAll(async () => {
  scene = await HandoffScene.start({
    ada: { name: 'Ada' },
    bo: { name: 'Bo' },
    sam: { name: 'Sam', role: 'supervisor', languages: ['fr'], countries: ['FR'] },
    fran: { name: 'Fran', languages: ['fr'] },
    flo: { name: 'Flo', countries: ['FR'] },
    bea: { name: 'Bea', languages: ['en'], countries: ['BE'] }
  });
});
afterEach(async () => {
  await scene.reset();
});
afterAll(async () => {
  await scene?.close();
});

const today = () => new Date().toISOString().slice(0, 10);

describe('a supervisor', () => {
  it('sees all queues and live counts in the overview, which a worker may not open', async () => {
    const [ada, sam] = [await scene.worker('ada'), await scene.worker('sam')];
    const [first, second] = [await scene.user(), await scene.user()];
    const chatting = await scene.chatting(first, ada, 'Ada');
    const waiting = await scene.queue(second);

    const overview = await sam.call('GET', '/api/console/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.counts).toEqual({ queued: 1, active: 1, workersOnline: 2 });
    expect(overview.body.queues).toEqual([{ language: 'en', country: '-', queued: 1, longestWaitSeconds: expect.any(Number) }]);
    // Chats in progress with their risk and duration and who has them — and nothing of what was said.
    expect(overview.body.chats).toEqual([{ id: chatting, risk: 'normal', topic: 'general', language: 'en', country: '-', worker: 'Ada', seconds: expect.any(Number) }]);
    expect(overview.body.workers.map((w: { username: string; online: boolean; chats: number }) => [w.username, w.online, w.chats]))
      .toEqual(expect.arrayContaining([['ada', true, 1], ['sam', true, 0]]));
    // All queues: an English session, though this supervisor's own scope is French and France.
    expect((await sam.queue()).queued.map((s) => s.id)).toEqual([waiting]);

    const refused = await ada.call('GET', '/api/console/overview');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('SupervisorsOnly');

    expect((await ada.call('POST', `/api/console/sessions/${chatting}/end`, { outcome: 'other' })).status).toBe(200);
    await second.post({ type: 'message', text: 'Cancel' });
    await second.received.waitFor(fromBot(/you have left the queue/));
    const after = await sam.call('GET', '/api/console/overview');
    expect(after.body).toMatchObject({ queues: [], chats: [], counts: { queued: 0, active: 0, workersOnline: 2 } });
  });

  it('reads an audit log of accept, view, transfer and end that holds no message text', async () => {
    const [ada, bo, sam] = [await scene.worker('ada'), await scene.worker('bo'), await scene.worker('sam')];
    const user = await scene.user();
    const sessionId = await scene.chatting(user, ada, 'Ada');
    const secret = 'my secret words are purple giraffe 4711';
    await user.post({ type: 'message', text: secret });
    await ada.waitFor(userMessage(secret));
    await ada.send(sessionId, 'worker words: orange walrus 0815', 'ada-1');
    await user.received.waitFor(fromBot(/orange walrus/));
    expect((await ada.call('GET', `/api/console/sessions/${sessionId}`)).body.messages).toHaveLength(2);
    // A supervisor may look at the session, but not at the conversation of someone else's chat.
    const looked = await sam.call('GET', `/api/console/sessions/${sessionId}`);
    expect(looked.status).toBe(200);
    expect(looked.body.messages).toEqual([]);
    expect((await ada.call('POST', `/api/console/sessions/${sessionId}/transfer`, { to: 'bo' })).status).toBe(200);
    expect((await bo.accept(sessionId)).status).toBe(200);
    expect((await bo.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'safeguarding' })).status).toBe(200);

    const audit = await sam.call('GET', `/api/console/audit?date=${today()}`);
    expect(audit.status).toBe(200);
    const lines = audit.body.entries
      .filter((e: { session?: string }) => e.session === sessionId)
      .map((e: { actor: string; action: string; detail?: string }) => [e.actor, e.action, e.detail].filter(Boolean).join(' '));
    expect(lines).toEqual(['ada accepted', 'ada viewed', 'sam viewed', 'ada transferred colleague', 'bo accepted', 'bo ended safeguarding']);
    const raw = JSON.stringify(audit.body);
    expect(raw).not.toMatch(/purple giraffe|4711|orange walrus|0815/);
    expect((await ada.call('GET', '/api/console/audit')).status).toBe(403);
  });
});

describe("a worker's languages and countries", () => {
  it('hide a waiting user in another language or country from that worker, on the stream, in the queue and on accept', async () => {
    const [fran, flo, bea] = [await scene.worker('fran'), await scene.worker('flo'), await scene.worker('bea')];
    const user = await scene.user();
    await user.post({ type: 'message', text: 'change country' });
    await user.received.waitFor(fromBot(/Which country are you in\?/));
    await user.post({ type: 'message', text: 'Belgium' });
    await user.received.waitFor(fromBot(/Belgium/));
    const sessionId = await scene.queue(user);
    expect((await scene.store.session(sessionId))?.context).toMatchObject({ language: 'en', country: 'BE' });

    // English and Belgium: Bea's scope. Fran works in French, Flo for France.
    await bea.waitFor((f) => f.type === 'session' && f.session.id === sessionId);
    expect((await bea.queue()).queued.map((s) => s.id)).toEqual([sessionId]);
    for (const other of [fran, flo]) {
      await other.waitFor((f) => f.type === 'queue');
      expect(other.frames.some((f) => f.type === 'session' && f.session.id === sessionId)).toBe(false);
      expect((await other.queue()).queued).toEqual([]);
      expect((await other.accept(sessionId)).status).toBe(404);
    }
    expect((await bea.accept(sessionId)).status).toBe(200);
    await user.received.waitFor(fromBot(/You are now chatting with Bea/));
    expect((await bea.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'other' })).status).toBe(200);
  });
});
