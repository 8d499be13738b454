/**
 * An instance lost at once (SIGKILL, as when App Service recycles a machine) loses nothing: the channel sends the
 * user's next turns to the other instance, the worker's console signs in there with the same session (it is in
 * Redis) and the chat goes on, every message numbered once.
 */
import { joinQueue, waitingSession } from './chatSteps';
import { Cluster } from './cluster';
import { startedForFile, waitUntil } from '../support/beaconProcess';

jest.setTimeout(400_000);

const twoInstances = startedForFile(() => Cluster.start(['A', 'B'], ['ada']));

it('goes on through B when A is killed mid-chat', async () => {
  const cluster = twoInstances();
  const [a, b] = cluster.pair;
  const ada = await cluster.worker(a, 'ada');
  const user = cluster.channel.user();
  await joinQueue(user, a);
  const sessionId = await waitingSession(ada);
  expect((await ada.accept(sessionId)).status).toBe(200);
  await user.waitFor(/You are now chatting with Ada/);
  expect((await ada.send(sessionId, 'worker line 1', 'w-1')).status).toBe(201);
  await user.waitFor(/worker line 1/);
  await user.say(a.url, 'user line 1');
  await ada.waitFor((f) => f.type === 'message' && f.message?.text === 'user line 1', 30_000);

  await a.kill('SIGKILL');
  expect(a.running).toBe(false);

  // The console reconnects to B with the cookie it has: the sign-in session is shared.
  ada.baseUrl = b.url;
  expect((await ada.call('GET', '/api/console/me')).status).toBe(200);
  await ada.connect();
  expect((await ada.queue()).mine.map((s) => s.id)).toContain(sessionId);

  for (let i = 2; i <= 4; i++) {
    expect(await user.say(b.url, `user line ${i}`)).toBe(200);
    expect((await ada.send(sessionId, `worker line ${i}`, `w-${i}`)).status).toBe(201);
  }
  const fromWorker = () => user.lines.filter((l) => /worker line \d/.test(l)).map((l) => /worker line (\d)/.exec(l)![1]);
  await waitUntil(() => fromWorker().length >= 4, 60_000, `the user got ${JSON.stringify(fromWorker())}`);
  // A console that reconnects may be sent again an event it already had (B's relay reads A's events from the
  // stream at its own pace); the console shows a message once per number, so the worker's view is counted so.
  const toWorker = () => {
    const bySeq = new Map<number, string>();
    for (const f of ada.frames) if (f.type === 'message' && f.sessionId === sessionId && f.message.from === 'user') bySeq.set(f.message.seq, f.message.text);
    return [...bySeq.values()];
  };
  await waitUntil(() => toWorker().length >= 4, 60_000, `the worker got ${JSON.stringify(toWorker())}`);
  await new Promise((r) => setTimeout(r, 1500));

  expect(fromWorker()).toEqual(['1', '2', '3', '4']);
  expect(toWorker()).toEqual(['user line 1', 'user line 2', 'user line 3', 'user line 4']);
  const stored = (await ada.call('GET', `/api/console/sessions/${sessionId}`)).body.messages;
  expect(stored.map((m: { seq: number }) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

  // The user ends the chat on B; the worker hears of it there.
  await user.say(b.url, 'stop');
  await ada.waitFor((f) => f.type === 'session' && f.session?.id === sessionId && f.session?.status === 'ended', 30_000);
});
