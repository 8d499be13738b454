/**
 * A worker passes a chat on: back to the queue (any worker may then accept it) or to one named colleague (only
 * they see it and can take it). The user is told either way, and the chat goes on with the new worker.
 */
import { botLines, fromBot, HandoffScene, userMessage } from './handoffScene';

let scene: HandoffScene;

beforeAll(async () => {
  scene = await HandoffScene.start({ ada: { name: 'Ada' }, bo: { name: 'Bo' }, cy: { name: 'Cy' } });
});
afterEach(async () => {
  await scene.reset();
});
afterAll(async () => {
  await scene?.close();
});

describe('transferring a chat', () => {
  it('back to the queue: the user is told their place, another worker accepts, and the chat goes on with them', async () => {
    const [ada, bo] = [await scene.worker('ada'), await scene.worker('bo')];
    const user = await scene.user();
    const sessionId = await scene.chatting(user, ada, 'Ada');

    const moved = await ada.call('POST', `/api/console/sessions/${sessionId}/transfer`, {});
    expect(moved.status).toBe(200);
    expect(moved.body.session).toMatchObject({ status: 'queued', mine: false });
    await user.received.waitFor(fromBot(/^Ada has passed your chat on to a colleague\. You are back in the queue: number 1\.$/));
    await bo.waitFor((f) => f.type === 'session' && f.session.id === sessionId && f.session.status === 'queued');
    expect((await bo.queue()).queued.map((s) => s.id)).toEqual([sessionId]);
    expect((await ada.queue()).mine).toEqual([]);

    expect((await bo.accept(sessionId)).status).toBe(200);
    await user.received.waitFor(fromBot(/You are now chatting with Bo, a helpline worker — a person\./));
    await user.post({ type: 'message', text: 'is this Bo now?' });
    await bo.waitFor(userMessage('is this Bo now?'));
    // The previous worker no longer has the chat: no more messages, and no way to write in it.
    expect(ada.frames.some(userMessage('is this Bo now?'))).toBe(false);
    expect((await ada.send(sessionId, 'still here?', 'ada-late')).body.error.code).toBe('NotYours');
    await bo.send(sessionId, 'Yes, I am Bo.', 'bo-1');
    await user.received.waitFor(fromBot(/^Bo \(helpline worker\): Yes, I am Bo\.$/));
    expect((await bo.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'supported' })).status).toBe(200);
  });

  it('to a named colleague: only that colleague sees and can take it, and the user is told a colleague will join', async () => {
    const [ada, bo, cy] = [await scene.worker('ada'), await scene.worker('bo'), await scene.worker('cy')];
    const user = await scene.user();
    const sessionId = await scene.chatting(user, ada, 'Ada');

    const moved = await ada.call('POST', `/api/console/sessions/${sessionId}/transfer`, { to: 'bo' });
    expect(moved.status).toBe(200);
    await user.received.waitFor(fromBot(/^Ada has passed your chat on to a colleague, who will join you soon\.$/));
    await bo.waitFor((f) => f.type === 'session' && f.session.id === sessionId && f.session.offeredTo === 'bo');
    expect((await bo.queue()).queued.map((s) => s.id)).toEqual([sessionId]);
    // Everyone else learns only that the queue changed, and does not find it there.
    expect(cy.frames.some((f) => f.type === 'session' && f.session.offeredTo)).toBe(false);
    expect((await cy.queue()).queued).toEqual([]);
    expect((await ada.queue()).queued).toEqual([]);
    expect((await cy.accept(sessionId)).status).toBe(404);
    expect((await ada.accept(sessionId)).status).toBe(404);
    expect((await cy.call('GET', `/api/console/sessions/${sessionId}`)).status).toBe(404);

    expect((await bo.accept(sessionId)).status).toBe(200);
    await user.received.waitFor(fromBot(/You are now chatting with Bo/));
    expect((await bo.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'referred' })).status).toBe(200);
  });

  it('refuses a transfer to an unknown colleague, and by a worker who is not in the chat; the user hears nothing', async () => {
    const [ada, bo] = [await scene.worker('ada'), await scene.worker('bo')];
    const user = await scene.user();
    const sessionId = await scene.chatting(user, ada, 'Ada');

    const unknown = await ada.call('POST', `/api/console/sessions/${sessionId}/transfer`, { to: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('UnknownColleague');
    const notYours = await bo.call('POST', `/api/console/sessions/${sessionId}/transfer`, {});
    expect(notYours.status).toBe(409);
    expect(notYours.body.error.code).toBe('NotYours');

    // The chat is untouched: Ada still has it, and the user was told nothing about a transfer.
    await ada.send(sessionId, 'Still with you.', 'ada-1');
    await user.received.waitFor(fromBot(/Ada \(helpline worker\): Still with you\./));
    expect(botLines(user, /passed your chat on/)).toEqual([]);
    expect((await ada.queue()).mine.map((s) => s.id)).toEqual([sessionId]);
    expect((await ada.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'other' })).status).toBe(200);
  });
});
