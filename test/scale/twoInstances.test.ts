/**
 * Two real Beacon processes on one SQLite DATA_DIR and one Redis behave as one Beacon: the channel may send any
 * turn to either, a worker on one chats with a user whose messages arrive on the other, and two workers on
 * different instances pressing Accept at once never both get the conversation.
 */
import { Worker } from '../handoff/consoleClient';
import { joinQueue, tally, waitingSession } from './chatSteps';
import { Cluster } from './cluster';
import type { BeaconProcess } from '../support/beaconProcess';
import { waitUntil } from '../support/beaconProcess';

jest.setTimeout(400_000);

let cluster: Cluster;
let a: BeaconProcess;
let b: BeaconProcess;

beforeAll(async () => {
  cluster = await Cluster.start(['A', 'B'], ['ada', 'bob', 'cy']);
  [a, b] = cluster.instances as [BeaconProcess, BeaconProcess];
});

afterAll(async () => {
  await cluster?.close();
});

it('keeps a conversation in its place when its turns alternate between the instances', async () => {
  const user = cluster.channel.user();
  await user.say(a.url, 'hello');
  await user.waitFor(/who is chatting today/);
  // B answers the question A asked, and A knows what the user told B.
  let before = user.lines.length;
  await user.say(b.url, "I'm a parent or carer");
  await waitUntil(() => user.lines.length > before, 30_000, 'B did not answer');
  before = user.lines.length;
  await user.say(a.url, 'talk to a person');
  await user.waitFor(/Is it OK to share this/, 30_000, before);
  expect(user.lines.slice(before).join('\n')).toMatch(/Who is asking: (a )?parent/i);
  await user.say(b.url, 'Yes, share this');
  await user.waitFor(/You are number 1(; the wait is about|, and someone should be with you)/, 30_000, before);
  before = user.lines.length;
  await user.say(a.url, 'Keep waiting');
  await user.waitFor(/I'll tell you here when a worker is ready/, 30_000, before);
  // One conversation: greeted once, never started over by the other instance.
  expect(user.lines.filter((l) => /I'm Beacon/.test(l))).toHaveLength(1);
});

it('lets exactly one of two workers on different instances accept the same conversation at once', async () => {
  const ada = await cluster.worker(a, 'ada');
  const bob = await cluster.worker(b, 'bob');
  const user = cluster.channel.user();
  const known = (await ada.queue()).queued.map((s) => s.id);
  await joinQueue(user, b);
  const sessionId = await waitingSession(ada, known);
  await waitingSession(bob, known);

  const answers = await Promise.all([ada.accept(sessionId), bob.accept(sessionId)]);
  const statuses = answers.map((x) => x.status).sort();
  expect(statuses).toEqual([200, 409]);
  const winner = answers[0]!.status === 200 ? ada : bob;
  const loser = winner === ada ? bob : ada;
  expect(answers.find((x) => x.status === 409)!.body.error.code).toBe('AlreadyTaken');

  await user.waitFor(new RegExp(`You are now chatting with ${winner === ada ? 'Ada' : 'Bob'}`));
  // The loser's console never shows the chat as theirs; the winner's does, on either instance.
  expect((await loser.queue()).mine.map((s) => s.id)).not.toContain(sessionId);
  expect((await winner.queue()).mine.map((s) => s.id)).toContain(sessionId);
  await new Promise((r) => setTimeout(r, 1000));
  expect(user.lines.filter((l) => /You are now chatting with/.test(l))).toHaveLength(1);
});

it('relays every numbered message both ways, once and in order, between a user on A and a worker on B', async () => {
  const cy = await cluster.worker(b, 'cy');
  const user = cluster.channel.user();
  const known = (await cy.queue()).queued.map((s) => s.id);
  // The waiting conversation reaches the console on B as a live event, though the user is on A.
  const arrived = cy.frames.length;
  await joinQueue(user, a);
  const sessionId = await waitingSession(cy, known);
  await cy.waitFor((f) => f.type === 'session' && f.session?.id === sessionId, 30_000);
  expect((await cy.accept(sessionId)).status).toBe(200);
  await user.waitFor(/You are now chatting with Cy/);
  expect(cy.frames.length).toBeGreaterThan(arrived);

  const rounds = 8;
  for (let i = 1; i <= rounds; i++) {
    expect((await cy.send(sessionId, `worker line ${i}`, `w-${i}`)).status).toBe(201);
    expect(await user.say(a.url, `user line ${i}`)).toBe(200);
  }
  // A retried worker post with the same key is not a second message.
  expect((await cy.send(sessionId, 'worker line 1', 'w-1')).status).toBeLessThan(300);

  const fromWorker = () => user.lines.filter((l) => /worker line \d+/.test(l)).map((l) => /worker line (\d+)/.exec(l)![1]);
  await waitUntil(() => fromWorker().length >= rounds, 60_000, `the user got ${JSON.stringify(fromWorker())}`);
  const toWorker = () => frames(cy, sessionId).filter((m) => m.from === 'user').map((m) => m.text);
  await waitUntil(() => toWorker().length >= rounds, 60_000, `the worker got ${JSON.stringify(toWorker())}`);
  await new Promise((r) => setTimeout(r, 1500)); // anything doubled would have arrived by now

  const numbers = Array.from({ length: rounds }, (_, i) => String(i + 1));
  expect(fromWorker()).toEqual(numbers);
  expect(toWorker()).toEqual(numbers.map((n) => `user line ${n}`));
  expect([...tally(toWorker()).values()].every((n) => n === 1)).toBe(true);

  // The chat as stored: every message numbered once, in order, and every worker message delivered.
  const shown = (await cy.call('GET', `/api/console/sessions/${sessionId}`)).body;
  const seqs = shown.messages.map((m: { seq: number }) => m.seq);
  expect(seqs).toEqual(Array.from({ length: rounds * 2 }, (_, i) => i + 1));
  await waitUntil(async () => {
    const now = (await cy.call('GET', `/api/console/sessions/${sessionId}`)).body.messages;
    return now.filter((m: { from: string; delivery?: string }) => m.from === 'worker' && m.delivery === 'delivered').length === rounds;
  }, 30_000, 'worker messages not all marked delivered');

  // What the user and the worker wrote is never kept in Redis: it carries numbers and ids, the store the text.
  const inRedis = await cluster.redis.everything();
  expect(inRedis).toContain('beacon:hub:events');
  expect(inRedis).not.toMatch(/user line|worker line/);

  // Typing both ways crosses the instances too.
  const typingBefore = user.count('typing');
  expect((await cy.call('POST', `/api/console/sessions/${sessionId}/typing`, {})).status).toBeLessThan(300);
  await waitUntil(() => user.count('typing') > typingBefore, 30_000, 'the user saw no typing');
  await user.post(a.url, { type: 'typing' });
  await cy.waitFor((f) => f.type === 'typing' && f.sessionId === sessionId, 30_000);
});

it('counts wrong passwords on both instances towards one lockout', async () => {
  const tries = [a, b, a, b, a].map((instance) => new Worker(instance.url, 'zed'));
  const answers = [];
  for (const attempt of tries) answers.push((await attempt.login('wrong password, typed again')).status);
  // Five wrong passwords (CONSOLE_MAX_FAILED_LOGINS) from this client, split over A and B, lock the name on both.
  expect(answers).toEqual([401, 401, 401, 401, 429]);
  for (const instance of [a, b]) {
    const again = await new Worker(instance.url, 'zed').login('wrong password, typed again');
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('LockedOut');
  }
});

it('says on /readyz that Redis is up', async () => {
  for (const instance of [a, b]) {
    const ready = await instance.readyBody();
    expect(ready.status).toBe(200);
    expect(ready.body.redis).toBe('up');
  }
});

/** The chat messages of one session that reached the worker's console stream live. */
function frames(worker: Worker, sessionId: string): Array<{ from: string; text: string; seq: number }> {
  return worker.frames.filter((f) => f.type === 'message' && f.sessionId === sessionId).map((f) => f.message);
}
