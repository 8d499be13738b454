/**
 * Triage: a request for a person arrives with the topic the user was on and the risk it calls for — a child on
 * the sextortion path who asks for a person is high risk, one whose checker found warning signs too, and a
 * crisis reading earlier in the conversation makes it urgent; the queue is ordered by risk, then by wait.
 */
import type { TestClient } from '../directline/directLineClient';
import { conversationOf, fromBot, HandoffScene, textOf } from './handoffScene';

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

/** Sends `text` and waits for a bot message matching `reply`. */
async function say(user: TestClient, text: string, reply: RegExp): Promise<void> {
  const before = user.received.activities.length;
  await user.post({ type: 'message', text });
  await user.received.waitFor((a) => fromBot(reply)(a) && user.received.activities.indexOf(a) >= before, 10000).catch((e) => {
    throw new Error(`After "${text}", no ${reply}; got ${JSON.stringify(user.received.activities.slice(before).map(textOf))}`, { cause: e });
  });
}

/** Agrees to share (the topics too, when asked) and waits for the place in the queue. */
async function share(user: TestClient): Promise<void> {
  await say(user, 'Yes, share this', /Share this too\?/);
  await say(user, 'Yes, share that too', /You are number \d+/);
}

describe('triage', () => {
  it('a young person on the sextortion lesson who asks for a person arrives as sextortion, high risk, ahead of an earlier normal request', async () => {
    const ada = await scene.worker('ada');
    const first = await scene.user();
    await say(first, 'talk to a person', /Topic: talking to someone\n.*How urgent it seems: not urgent/s);
    await say(first, 'Yes, share this', /You are number 1/);

    const child = await scene.user();
    await say(child, "I'm a young person", /Which age group/);
    await say(child, 'what is sextortion', /Shall I go on\?/);
    await say(child, 'Talk to a person now', /Topic: sextortion\n.*How urgent it seems: important/s);
    await share(child);

    const { queued } = await ada.queue();
    expect(queued.map((s) => [s.context['topic'], s.context['risk']])).toEqual([['sextortion', 'high'], ['general', 'normal']]);
  });

  it("a checker that found warning signs raises the risk of the person asked for after it", async () => {
    const ada = await scene.worker('ada');
    const child = await scene.user();
    await say(child, "I'm a young person", /Which age group/);
    await say(child, 'is this ok', /much older than you/);
    await say(child, 'Yes', /secret/);
    // Each answer brings its feedback, then the next question (which ends with a question mark).
    for (let question = 3; question <= 10; question += 1) await say(child, 'No', /\?\s*$/);
    await say(child, 'No', /What would you like to do now\?/);
    await say(child, 'talk to a person', /Topic: grooming\n.*How urgent it seems: important/s);
    await share(child);
    const id = (await scene.store.link(conversationOf(child)))?.sessionId;
    const session = (await ada.queue()).queued.find((s) => s.id === id);
    expect(session?.context).toMatchObject({ topic: 'grooming', risk: 'high' });
  });

  it('a crisis earlier in the conversation makes a later request urgent', async () => {
    const ada = await scene.worker('ada');
    const child = await scene.user();
    await say(child, 'he is outside my house right now', /Are you safe right now\?/);
    await say(child, 'talk to a person', /How urgent it seems: urgent/);
    await say(child, 'Yes, share this', /You are number 1|Share this too\?/);
    const [session] = (await ada.queue()).queued;
    // Urgent goes first, whoever waited longer.
    expect(session?.context['risk']).toBe('urgent');
  });
});
