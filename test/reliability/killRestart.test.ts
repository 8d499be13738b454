/**
 * A live chat with a helpline worker survives `kill -9` (reliability review D1, D2): one real Beacon process
 * (the compiled entry, BEACON_ENV=local, SQLite), a child on the local Direct Line and a worker on the console,
 * and the process killed and started again on the same port, round after round, at different points of the
 * chat — idle, right after the child's message was acknowledged, right after the worker's got its 201, in the
 * middle of a burst from both sides, and again just after a restart. The child's open client reconnects on its
 * own and, every other round, the child "reloads" (a new client with the saved token and conversation id, as
 * the widget does) and sees the chat so far again, kept in the store by the local Direct Line. The kill never
 * waits for a message to reach the page. In the end every acknowledged message from either side arrived exactly
 * once, in order, and the child was never greeted again.
 */
import type { Activity } from 'botframework-directlinejs';
import { connectClient, type TestClient } from '../directline/directLineClient';
import { addWorker, tempDataDir, Worker } from '../handoff/consoleClient';
import { BeaconProcess, startedForFile, waitUntil } from '../support/beaconProcess';

jest.setTimeout(600_000);

const textOf = (a: Activity) => (a as { text?: string }).text ?? '';
const fromBot = (pattern: RegExp) => (a: Activity) => a.from.role === 'bot' && a.type === 'message' && pattern.test(textOf(a));

/** One Beacon on one data folder with the worker Ada; `restart()` is a `kill -9` and a start on the same port. */
class KilledBeacon {
  readonly dataDir = tempDataDir();
  process!: BeaconProcess;

  static async start(): Promise<KilledBeacon> {
    const beacon = new KilledBeacon();
    await addWorker(beacon.dataDir, 'ada', { name: 'Ada' });
    beacon.process = await BeaconProcess.start('kill-9', { STORAGE: 'sqlite', DATA_DIR: beacon.dataDir });
    return beacon;
  }

  async restart(): Promise<void> {
    await this.process.kill('SIGKILL');
    await this.process.start();
  }

  close(): Promise<void> {
    return this.process.kill('SIGTERM');
  }
}

const beacon = startedForFile(() => KilledBeacon.start());
const clients: TestClient[] = [];
let worker: Worker | undefined;
afterAll(async () => {
  worker?.close();
  for (const client of clients) await client.end();
});

it('loses and doubles no acknowledged message over six kill -9 restarts, and the child\'s chat goes on', async () => {
  const { process: bot } = beacon();
  // What the child saw, over every client (a reload shows the conversation's history again: kept once by id).
  const received = new Map<string, Activity>();
  const open = (options: { token?: string; conversationId?: string } = {}) => {
    const client = connectClient(bot.url, options);
    client.directLine.activity$.subscribe({ next: (a) => received.set(a.id ?? `none-${received.size}`, a), error: () => undefined });
    clients.push(client);
    return client;
  };
  worker = new Worker(bot.url, 'ada');
  expect((await worker.login()).status).toBe(200);
  await worker.connect();
  let child = open();
  await child.received.waitFor(fromBot(/chatbot, not a person/), 30_000);
  await child.post({ type: 'message', text: 'talk to a person' });
  await child.received.waitFor(fromBot(/Is it OK to share this/), 30_000);
  await child.post({ type: 'message', text: 'Yes, share this' });
  await child.received.waitFor(fromBot(/You are number 1/), 30_000);

  const { session } = await worker.waitFor((f) => f.type === 'session' && f.session.status === 'queued', 30_000);
  expect((await worker.accept(session.id)).status).toBe(200);
  await child.received.waitFor(fromBot(/You are now chatting with Ada/), 30_000);
  const token = (child.directLine as unknown as { token: string }).token;
  const conversationId = (child.directLine as unknown as { conversationId: string }).conversationId;

  const userSent: string[] = [];
  const workerSent: string[] = [];
  let n = 0;
  /** The child says a line; it counts once the local Direct Line acknowledged it. */
  const childSays = async () => {
    const text = `user line ${++n}`;
    try {
      // botframework-directlinejs answers "retry" for a post that got no answer: Web Chat shows "Send failed".
      if ((await child.post({ type: 'message', text })) !== 'retry') userSent.push(text);
    } catch {
      // Not acknowledged (the process was gone): the child sees "Send failed" and nothing is promised.
    }
  };
  /** The worker sends a line; it counts once the console answered 201. */
  const workerSays = async () => {
    const text = `worker line ${++n}`;
    const answer = await worker!.send(session.id, text, `k-${n}`).catch(() => ({ status: 0 }));
    if (answer.status === 201) workerSent.push(text);
  };
  const workerReconnects = async () => {
    const again = new Worker(bot.url, 'ada');
    again.cookie = worker!.cookie;
    again.csrf = worker!.csrf;
    worker!.close();
    await again.connect();
    worker = again;
  };
  const childGot = () => [...received.values()].filter(fromBot(/\(helpline worker\): worker line \d+$/)).map((a) => /worker line \d+$/.exec(textOf(a))![0]);
  const storedFromUser = async () =>
    ((await worker!.call('GET', `/api/console/sessions/${session.id}`)).body.messages as Array<{ from: string; text: string }>).filter((m) => m.from === 'user').map((m) => m.text);

  /** Waits until each side has as many of the other's lines as were acknowledged; says what is missing if not. */
  const everythingArrived = async (when: string) => {
    try {
      await waitUntil(async () => (await storedFromUser()).length >= userSent.length && childGot().length >= workerSent.length, 60_000, when);
    } catch (error) {
      const stored = (await worker!.call('GET', `/api/console/sessions/${session.id}`)).body.messages as Array<{ from: string; text: string; delivery?: string }>;
      throw new Error(`${when}: the worker has ${JSON.stringify(await storedFromUser())} of ${JSON.stringify(userSent)}; the child has ${JSON.stringify(childGot())} of ${JSON.stringify(workerSent)}; stored ${JSON.stringify(stored.map((m) => `${m.from}: ${m.text} (${m.delivery ?? '-'})`))}; the child saw ${JSON.stringify([...received.values()].map(textOf).slice(-6))}\nLOG\n${bot.lines.filter((l) => !/stream|heartbeat/.test(l)).slice(-60).map((l) => l.slice(0, 300)).join('\n')}`, { cause: error });
    }
  };

  await childSays();
  await workerSays();
  const rounds: Array<{ what: string; before: () => Promise<void> }> = [
    { what: 'idle', before: async () => undefined },
    { what: "right after the child's message was acknowledged", before: childSays },
    { what: "right after the worker's message got 201", before: workerSays },
    { what: 'in the middle of a burst from both sides', before: async () => void Promise.all([childSays(), workerSays(), childSays(), workerSays()]) },
    { what: 'right after the previous restart', before: async () => undefined },
    { what: 'with a message from each side just acknowledged', before: async () => { await Promise.all([childSays(), workerSays()]); } }
  ];
  for (const [round, { what, before }] of rounds.entries()) {
    await before();
    await beacon().restart();
    await workerReconnects();
    if (round % 2 === 1) {
      // A reload: the widget opens the saved conversation with the saved token, and the chat so far is there.
      await child.end();
      child = open({ token, conversationId });
      await child.received.waitFor(fromBot(/You are now chatting with Ada/), 30_000);
    }
    if (what === 'right after the previous restart') continue;
    await everythingArrived(`round ${round + 1} (${what})`);
    // The chat goes on both ways after the restart.
    await childSays();
    await workerSays();
  }

  await everythingArrived('at the end');
  await new Promise((r) => setTimeout(r, 1500));
  expect(userSent.length).toBeGreaterThanOrEqual(8);
  expect(workerSent.length).toBeGreaterThanOrEqual(8);
  // Lines sent at once may arrive in either order; none may be missing or there twice.
  const sorted = (lines: string[]) => [...lines].sort((x, y) => Number(/\d+$/.exec(x)![0]) - Number(/\d+$/.exec(y)![0]));
  expect(sorted(await storedFromUser())).toEqual(sorted(userSent));
  expect(sorted(childGot())).toEqual(sorted(workerSent));
  expect([...received.values()].filter(fromBot(/chatbot, not a person/))).toHaveLength(1);
  const mine = (await worker!.queue()).mine.map((s) => s.id);
  expect(mine).toEqual([session.id]);
  expect(bot.running).toBe(true);
});
