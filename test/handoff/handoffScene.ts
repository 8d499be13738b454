/**
 * One real Beacon with worker accounts, users on the local Direct Line and workers on the console API and its
 * WebSocket — what the handoff behaviour tests share. `reset()` after each test ends the users' clients and
 * closes the workers' sockets; `close()` after all stops the server.
 */
import type { Activity } from 'botframework-directlinejs';
import type { RunningBeacon } from '../../src/beacon';
import { HandoffStore } from '../../src/handoff/handoffStore';
import { connectClient, type TestClient } from '../directline/directLineClient';
import { startTestBeacon } from '../support/testBeacon';
import { addWorker, tempDataDir, Worker } from './consoleClient';

export type AccountSpec = Parameters<typeof addWorker>[2];

export const textOf = (a: Activity) => (a as { text?: string }).text ?? '';
export const fromBot = (pattern: RegExp) => (a: Activity) => a.from.role === 'bot' && a.type === 'message' && pattern.test(textOf(a));
/** The bot messages a user has received so far that match `pattern`, as text. */
export const botLines = (user: TestClient, pattern: RegExp) => user.received.activities.filter(fromBot(pattern)).map(textOf);

/**
 * A user on the widget's Direct Line at `url`, once greeted. `userId`: the same person coming back in a new
 * conversation (as on a channel whose user ids last, like Telegram or Teams); otherwise a new person each time.
 */
export async function greetedUser(url: string, options: { locale?: string; userId?: string } = {}): Promise<TestClient> {
  const token = options.userId ? await generatedToken(url, options.userId) : undefined;
  const user = connectClient(url, { locale: options.locale, token });
  await user.received.waitFor(fromBot(/chatbot, not a person/), 10000);
  return user;
}

async function generatedToken(url: string, userId: string): Promise<string> {
  const res = await fetch(`${url}/v3/directline/tokens/generate`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: { id: userId } })
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** Asks for a person, agrees to share, and waits until told the place in the queue (`number N`). */
export async function joinQueue(user: TestClient, position = 1): Promise<void> {
  await user.post({ type: 'message', text: 'talk to a person' });
  await user.received.waitFor(fromBot(/Is it OK to share this/));
  await user.post({ type: 'message', text: 'Yes, share this' });
  await user.received.waitFor(fromBot(new RegExp(`You are number ${position}(; the wait is about \\d+ minutes|, and someone should be with you in a minute or two)`)));
}

export class HandoffScene {
  private readonly users: TestClient[] = [];
  private readonly workers: Worker[] = [];

  private constructor(readonly beacon: RunningBeacon, readonly dataDir: string) {}

  /** A Beacon on the memory store (or `env`) with these console accounts (password: consoleClient's PASSWORD). */
  static async start(accounts: Record<string, AccountSpec>, env: Record<string, string> = {}): Promise<HandoffScene> {
    const dataDir = tempDataDir();
    for (const [username, spec] of Object.entries(accounts)) await addWorker(dataDir, username, spec);
    return new HandoffScene(await startTestBeacon({ DATA_DIR: dataDir, ...env }), dataDir);
  }

  get store(): HandoffStore {
    return new HandoffStore(this.beacon.storage);
  }

  /** A signed-in worker with the console stream open. */
  async worker(username: string): Promise<Worker> {
    const w = new Worker(this.beacon.url, username);
    expect((await w.login()).status).toBe(200);
    await w.connect();
    this.workers.push(w);
    return w;
  }

  /** A user on the widget's Direct Line who has been greeted (`userId`: the same person as an earlier user). */
  async user(options: { locale?: string; userId?: string } = {}): Promise<TestClient> {
    const user = await greetedUser(this.beacon.url, options);
    this.users.push(user);
    return user;
  }

  /**
   * Asks for a person, agrees to share, and waits until told the place in the queue (`number N`).
   * Returns the handoff session id, read from the store by the user's conversation.
   */
  async queue(user: TestClient, position = 1): Promise<string> {
    await joinQueue(user, position);
    const link = await this.store.link(conversationOf(user));
    expect(link?.stage).toBe('queued');
    return link!.sessionId!;
  }

  /** A queued user accepted by `worker`; resolves once the user has been told who they are chatting with. */
  async chatting(user: TestClient, worker: Worker, name: string): Promise<string> {
    const sessionId = await this.queue(user);
    expect((await worker.accept(sessionId)).status).toBe(200);
    await user.received.waitFor(fromBot(new RegExp(`You are now chatting with ${name}, a helpline worker`)));
    // The accept notice comes in two messages: wait for the second too, so later counts start after it.
    await user.received.waitFor(fromBot(/I'll stay quiet/));
    return sessionId;
  }

  async reset(): Promise<void> {
    for (const user of this.users.splice(0)) await user.end();
    for (const w of this.workers.splice(0)) w.close();
  }

  async close(): Promise<void> {
    await this.reset();
    await this.beacon.close();
  }
}

/** The Direct Line conversation id, as every activity the user received carries it. */
export function conversationOf(user: TestClient): string {
  const id = user.received.activities[0]?.conversation?.id;
  if (!id) throw new Error('The user has received nothing yet, so their conversation id is unknown.');
  return id;
}

/** A user's message as the worker's console receives it. */
export const userMessage = (text: string) => (f: { type: string; message?: { from: string; text: string } }) =>
  f.type === 'message' && f.message?.from === 'user' && f.message.text === text;
