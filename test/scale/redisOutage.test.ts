/**
 * Redis goes down, then comes back empty (no persistence): while it is down users still get the helpline
 * numbers and may still join the queue (it is in the store), /readyz says Redis is the problem; once it is
 * back, workers sign in again (their accounts come back from the store), find the queue as it was, and chat.
 */
import { joinQueue, waitingSession } from './chatSteps';
import { Cluster } from './cluster';
import { startedForFile, waitUntil } from '../support/beaconProcess';

jest.setTimeout(400_000);

const twoInstances = startedForFile(() => Cluster.start(['A', 'B'], ['ada']));

it('gives users the numbers while Redis is down, and the queue recovers when it is back', async () => {
  const cluster = twoInstances();
  const [a, b] = cluster.pair;
  const first = cluster.channel.user();
  await joinQueue(first, a);

  await cluster.redis.stop();
  await waitUntil(async () => (await a.readyStatus()) === 503, 30_000, 'A still says it is ready');
  const notReady = await a.readyBody();
  expect(notReady.body).toEqual({ error: { code: 'NotReady', message: 'Redis is not reachable.' } });

  const second = cluster.channel.user();
  let before = second.lines.length;
  expect(await second.say(b.url, 'help')).toBe(200);
  await waitUntil(() => second.lines.length > before, 30_000, 'no answer to "help" while Redis is down');
  expect(second.lines.slice(before).join('\n')).toMatch(/116 ?111|112/);
  before = second.lines.length;
  await joinQueue(second, b, a);
  expect(second.lines.slice(before).join('\n')).toMatch(/You are number 2/);

  await cluster.redis.start();
  for (const instance of [a, b]) await waitUntil(async () => (await instance.readyStatus()) === 200, 30_000, `${instance.name} not ready again`);

  // Redis came back empty: the worker signs in again and finds both users waiting, in order.
  const ada = await cluster.worker(b, 'ada');
  const queue = (await ada.queue()).queued.map((s) => s.id);
  expect(queue).toHaveLength(2);
  const secondSession = await waitingSession(ada, [queue[0]!]);
  expect(queue[1]).toBe(secondSession);
  expect((await ada.accept(secondSession)).status).toBe(200);
  await second.waitFor(/You are now chatting with Ada/);
  expect((await ada.send(secondSession, 'worker line 1', 'w-1')).status).toBe(201);
  await second.waitFor(/worker line 1/);
  await second.say(a.url, 'user line 1');
  await ada.waitFor((f) => f.type === 'message' && f.sessionId === secondSession && f.message?.text === 'user line 1', 30_000);
  expect(second.lines.filter((l) => /worker line 1/.test(l))).toHaveLength(1);
});

it('answers users while Redis hangs without a word (frozen), and a worker goes on once it answers again', async () => {
  const cluster = twoInstances();
  const [a, b] = cluster.pair;
  cluster.redis.freeze();
  try {
    const user = cluster.channel.user();
    await user.say(a.url, 'help');
    await waitUntil(() => user.lines.length > 0, 60_000, 'no answer to "help" while Redis hangs');
    expect(user.lines.join('\n')).toMatch(/116 ?111|112/);
    await joinQueue(user, a, b);
  } finally {
    cluster.redis.thaw();
  }
  for (const instance of [a, b]) await waitUntil(async () => (await instance.readyStatus()) === 200, 60_000, `${instance.name} not ready again`);
  const ada = await cluster.worker(a, 'ada');
  expect((await ada.queue()).queued.length).toBeGreaterThan(0);
});
