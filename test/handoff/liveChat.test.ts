/**
 * During a live chat: typing indicators both ways, and "stop" from the user ending the chat for both sides.
 */
import { botLines, conversationOf, fromBot, HandoffScene, userMessage } from './handoffScene';

let scene: HandoffScene;

beforeAll(async () => {
  scene = await HandoffScene.start({ ada: { name: 'Ada' }, bo: { name: 'Bo' } });
});
afterEach(async () => {
  await scene.reset();
});
afterAll(async () => {
  await scene?.close();
});

describe('a live chat', () => {
  it("shows the worker's typing to the user as a typing activity, and the user's typing to that worker only", async () => {
    const [ada, bo] = [await scene.worker('ada'), await scene.worker('bo')];
    const user = await scene.user();
    const sessionId = await scene.chatting(user, ada, 'Ada');
    await user.received.waitFor(fromBot(/Write your messages here/));
    const botSaid = botLines(user, /./).length;

    expect((await ada.call('POST', `/api/console/sessions/${sessionId}/typing`, {})).status).toBe(204);
    await user.received.waitFor((a) => a.type === 'typing' && a.from.role === 'bot');
    // Only the worker in the chat may type in it.
    expect((await bo.call('POST', `/api/console/sessions/${sessionId}/typing`, {})).body.error.code).toBe('NotYours');

    await user.post({ type: 'typing' });
    await ada.waitFor((f) => f.type === 'typing' && f.sessionId === sessionId);
    // The bot stays silent about typing, and the colleague is not told.
    await user.post({ type: 'message', text: 'here I am' });
    await ada.waitFor(userMessage('here I am'));
    expect(bo.frames.some((f) => f.type === 'typing' || f.type === 'message')).toBe(false);
    expect(botLines(user, /./)).toHaveLength(botSaid);
    expect((await ada.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'other' })).status).toBe(200);
  });

  it('"stop" from the user ends the chat for both: the user is told, the worker sees it ended and can no longer write', async () => {
    const ada = await scene.worker('ada');
    const user = await scene.user();
    const sessionId = await scene.chatting(user, ada, 'Ada');
    await user.post({ type: 'message', text: 'first words' });
    await ada.waitFor(userMessage('first words'));

    await user.post({ type: 'message', text: 'stop' });
    await user.received.waitFor(fromBot(/You have left the chat with the helpline worker\./));
    const ended = await ada.waitFor((f) => f.type === 'session' && f.session.id === sessionId && f.session.status === 'ended');
    expect(ended.session.mine).toBe(true);
    // "stop" itself is not passed on as a message, and the worker cannot write into the ended chat.
    expect(ada.frames.some(userMessage('stop'))).toBe(false);
    const late = await ada.send(sessionId, 'are you there?', 'ada-late');
    expect([late.status, late.body.error.code]).toEqual([409, 'UserLeft']);
    // The chat stays in the worker's list until they wrap it up.
    expect((await ada.queue()).mine.map((s) => [s.id, s.wrapUpDue, s.left])).toEqual([[sessionId, true, 'cancelled']]);

    // The user is back with the bot: what they write now is not relayed to anyone.
    await user.post({ type: 'message', text: 'menu' });
    await user.received.waitFor((a) => fromBot(/./)(a) && user.received.activities.indexOf(a) > user.received.activities.findIndex(fromBot(/You have left the chat/)));
    expect(ada.frames.some(userMessage('menu'))).toBe(false);
    expect(await scene.store.link(conversationOf(user))).toBeUndefined();
  });
});
