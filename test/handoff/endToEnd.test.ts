/**
 * The whole handoff on the real server: a user through the local Direct Line (botframework-directlinejs over
 * WebSocket) and a worker through the console API and its WebSocket — request, consent, position, accept,
 * messages both ways, end — and two workers accepting the same conversation at once.
 */
import type { Activity } from 'botframework-directlinejs';
import type { RunningBeacon } from '../../src/beacon';
import { connectClient, type TestClient } from '../directline/directLineClient';
import { startTestBeacon } from '../support/testBeacon';
import { addWorker, tempDataDir, Worker } from './consoleClient';

const textOf = (a: Activity) => (a as { text?: string }).text ?? '';
const fromBot = (pattern: RegExp) => (a: Activity) => a.from.role === 'bot' && a.type === 'message' && pattern.test(textOf(a));

let beacon: RunningBeacon;
let user: TestClient | undefined;
const workers: Worker[] = [];

beforeAll(async () => {
  const dataDir = tempDataDir();
  await addWorker(dataDir, 'ada', { name: 'Ada' });
  await addWorker(dataDir, 'bo', { name: 'Bo' });
  beacon = await startTestBeacon({ DATA_DIR: dataDir });
});
afterEach(async () => {
  await user?.end();
  user = undefined;
  workers.splice(0).forEach((w) => w.close());
});
afterAll(async () => {
  await beacon?.close();
});

async function worker(name: string): Promise<Worker> {
  const w = new Worker(beacon.url, name);
  expect((await w.login()).status).toBe(200);
  await w.connect();
  workers.push(w);
  return w;
}

/** A user who asked for a person and agreed to share: they wait in the queue. Returns the session id. */
async function userInQueue(w: Worker): Promise<string> {
  user = connectClient(beacon.url);
  await user.received.waitFor(fromBot(/chatbot, not a person/), 10000);
  await user.post({ type: 'message', text: 'talk to a person' });
  await user.received.waitFor(fromBot(/here is exactly what they will see/));
  const fields = await user.received.waitFor(fromBot(/Topic: talking to someone/));
  expect(textOf(fields)).toMatch(/Language: English/);
  expect(textOf(fields)).toMatch(/How urgent it seems: not urgent/);
  await user.received.waitFor(fromBot(/Is it OK to share this/));
  await user.post({ type: 'message', text: 'Yes, share this' });
  await user.received.waitFor(fromBot(/You are number 1(; the wait is about \d+ minutes|, and someone should be with you in a minute or two)/));
  await user.received.waitFor(fromBot(/While you wait/));
  const queued = await w.waitFor((f) => f.type === 'session' && f.session.status === 'queued');
  return queued.session.id;
}

describe('handoff to a helpline worker, end to end', () => {
  it('goes from request through consent, queue position and accept to messages both ways and the end', async () => {
    const ada = await worker('ada');
    const sessionId = await userInQueue(ada);
    const queue = await ada.queue();
    expect(queue.queued.map((s) => s.id)).toEqual([sessionId]);
    expect(queue.queued[0]!.context).toMatchObject({ language: 'en', topic: 'general', risk: 'normal' });

    expect((await ada.accept(sessionId)).status).toBe(200);
    await user!.received.waitFor(fromBot(/You are now chatting with Ada, a helpline worker — a person\./));
    // The accept notice comes in two messages; count only once both have arrived.
    await user!.received.waitFor(fromBot(/I'll stay quiet/));

    const botMessagesBefore = user!.received.activities.filter((a) => a.from.role === 'bot' && a.type === 'message').length;
    await user!.post({ type: 'message', text: 'someone online keeps messaging me' });
    const toWorker = await ada.waitFor((f) => f.type === 'message' && f.message.from === 'user');
    expect(toWorker.message.text).toBe('someone online keeps messaging me');

    const first = await ada.send(sessionId, 'Thank you for telling me. I am here.', 'key-1');
    const retried = await ada.send(sessionId, 'Thank you for telling me. I am here.', 'key-1');
    expect(first.status).toBe(201);
    expect(retried.body.message.seq).toBe(first.body.message.seq);
    await user!.received.waitFor(fromBot(/^Ada \(helpline worker\): Thank you for telling me\. I am here\.$/));
    await ada.waitFor((f) => f.type === 'delivery' && f.delivery === 'delivered');
    await ada.send(sessionId, 'Second message', 'key-2');
    await user!.received.waitFor(fromBot(/Second message/));
    const workerLines = user!.received.activities.filter(fromBot(/helpline worker\):/)).map(textOf);
    expect(workerLines).toEqual(['Ada (helpline worker): Thank you for telling me. I am here.', 'Ada (helpline worker): Second message']);
    // Messages sent on the worker's initiative reply to nothing the user's client has seen: Web Chat would
    // hold back a reply to an unknown activity before showing it.
    const proactive = user!.received.activities.filter(fromBot(/helpline worker\)|now chatting/));
    expect(proactive.map((a) => (a as { replyToId?: string }).replyToId)).toEqual(proactive.map(() => undefined));
    // The bot itself said nothing to the user's message: only the worker's lines arrived.
    const botMessagesAfter = user!.received.activities.filter((a) => a.from.role === 'bot' && a.type === 'message').length;
    expect(botMessagesAfter - botMessagesBefore).toBe(2);

    const ended = await ada.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'supported' });
    expect(ended.status).toBe(200);
    await user!.received.waitFor(fromBot(/Ada has ended the chat/));
    await user!.received.waitFor(fromBot(/did talking with a person help\? The worker will not see your answer/));
    await user!.post({ type: 'message', text: 'Yes' });
    await user!.received.waitFor(fromBot(/Thank you\. Type "menu"/));

    // Nothing shared is kept after the end (no retention configured).
    expect(await beacon.storage.read([`handoff/session/${sessionId}`, `handoff/messages/${sessionId}`])).toEqual({});
    const audit = (await ada.call('GET', `/api/console/audit`)).status;
    expect(audit).toBe(403); // workers do not read the audit log; supervisors do
  });

  it('lets exactly one of two workers accept the same conversation at once; the other is told', async () => {
    const ada = await worker('ada');
    const bo = await worker('bo');
    const sessionId = await userInQueue(ada);
    const answers = await Promise.all([ada.accept(sessionId), bo.accept(sessionId)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('AlreadyTaken');
    await user!.received.waitFor(fromBot(/You are now chatting with (Ada|Bo)/));
    const winner = answers[0]!.status === 200 ? ada : bo;
    expect((await winner.call('POST', `/api/console/sessions/${sessionId}/end`, { outcome: 'other' })).status).toBe(200);
  });

  it('lets the user cancel while waiting: they leave the queue and nothing shared is kept', async () => {
    const ada = await worker('ada');
    const sessionId = await userInQueue(ada);
    await user!.post({ type: 'message', text: 'Cancel' });
    await user!.received.waitFor(fromBot(/you have left the queue/));
    expect((await ada.queue()).queued).toEqual([]);
    expect(await beacon.storage.read([`handoff/session/${sessionId}`])).toEqual({});
  });
});
