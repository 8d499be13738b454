/**
 * A live chat with a user whose country Beacon does not know (issue 17): after the chat the helplines are never
 * "none" (116 111 and 112 for most of Europe, then the country offered), and during the chat a danger reading
 * gives the emergency number and asks the user to tell the worker their country, never a bot command to type.
 */
import { fromBot, HandoffScene, textOf } from './handoffScene';

let scene: HandoffScene;

beforeAll(async () => {
  scene = await HandoffScene.start({ ada: { name: 'Ada' } });
});
afterEach(async () => {
  await scene.reset();
});
afterAll(async () => {
  await scene?.close();
});

describe('a live chat when the country is not known', () => {
  it('after the worker ends it: 116 111 and 112, and a way to say the country', async () => {
    const ada = await scene.worker('ada');
    const user = await scene.user();
    const sessionId = await scene.chatting(user, ada, 'Ada');
    expect((await ada.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'supported' })).status).toBe(200);
    await user.received.waitFor(fromBot(/these helplines are there for you/));
    await user.received.waitFor(fromBot(/116 111/));
    await user.received.waitFor(fromBot(/change country/));
  });

  it('during the chat, the crisis check gives 112 and asks to tell the worker the country, with no command to type', async () => {
    const ada = await scene.worker('ada');
    const user = await scene.user();
    await scene.chatting(user, ada, 'Ada');
    const before = user.received.activities.length;
    await user.post({ type: 'message', text: 'he is outside my house right now and says he will hurt me' });
    await user.received.waitFor(fromBot(/Tell the helpline worker which country you are in/));
    const said = user.received.activities.slice(before).filter(fromBot(/./)).map(textOf);
    expect(said.join('\n')).toMatch(/112/);
    expect(said.join('\n')).not.toMatch(/[Tt]ype "/);
  });
});
