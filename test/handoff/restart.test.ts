/**
 * A restart in the middle of a chat (Beacon closed and started again on the same sqlite DATA_DIR and port):
 * the chat goes on — the user's token still opens their conversation with its history, the worker's cookie
 * still signs them in — and nothing is lost or doubled.
 */
import type { Activity } from 'botframework-directlinejs';
import { startBeacon, type RunningBeacon } from '../../src/beacon';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import { connectClient, type TestClient } from '../directline/directLineClient';
import { addWorker, tempDataDir, Worker } from './consoleClient';

const fromBot = (pattern: RegExp) => (a: Activity) => a.from.role === 'bot' && a.type === 'message' && pattern.test((a as { text?: string }).text ?? '');

async function start(dataDir: string, port: number): Promise<RunningBeacon> {
  const config = loadConfig({ STORAGE: 'sqlite', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent', SHUTDOWN_GRACE_MS: '2000' });
  return startBeacon(config, createLogger('silent'));
}

describe('a restart in the middle of a chat', () => {
  const clients: TestClient[] = [];
  let beacon: RunningBeacon | undefined;
  afterAll(async () => {
    for (const c of clients) await c.end();
    await beacon?.close();
  });

  it('continues the chat with nothing lost or doubled', async () => {
    const dataDir = tempDataDir();
    await addWorker(dataDir, 'ada', { name: 'Ada' });
    beacon = await start(dataDir, 0);
    const port = beacon.port;
    const ada = new Worker(beacon.url, 'ada');
    await ada.login();
    await ada.connect();

    const first = connectClient(beacon.url);
    clients.push(first);
    await first.received.waitFor(fromBot(/chatbot, not a person/), 10000);
    await first.post({ type: 'message', text: 'talk to a person' });
    await first.received.waitFor(fromBot(/Is it OK to share this/));
    await first.post({ type: 'message', text: 'Yes, share this' });
    await first.received.waitFor(fromBot(/You are number 1/));
    const { session } = await ada.waitFor((f) => f.type === 'session' && f.session.status === 'queued');
    expect((await ada.accept(session.id)).status).toBe(200);
    await first.received.waitFor(fromBot(/You are now chatting with Ada/));
    await first.post({ type: 'message', text: 'before the restart' });
    await ada.waitFor((f) => f.type === 'message' && f.message.text === 'before the restart');
    await ada.send(session.id, 'hello before', 'k-before');
    await first.received.waitFor(fromBot(/hello before/));
    const token = (first.directLine as unknown as { token: string }).token;
    ada.close();
    await first.end();

    await beacon.close();
    beacon = await start(dataDir, port);

    // The widget keeps its token in the tab; with it, the same conversation opens again.
    const again = connectClient(beacon.url, { token });
    clients.push(again);
    const worker = new Worker(beacon.url, 'ada');
    worker.cookie = ada.cookie;
    worker.csrf = ada.csrf;
    await worker.connect();
    expect((await worker.queue()).mine.map((s) => s.id)).toEqual([session.id]);

    await again.post({ type: 'message', text: 'after the restart' });
    await worker.waitFor((f) => f.type === 'message' && f.message.text === 'after the restart');
    await worker.send(session.id, 'hello after', 'k-after');
    await again.received.waitFor(fromBot(/hello after/));
    // The chat so far is there again (kept in the store), and nothing new greets the user a second time.
    const conversationId = (first.directLine as unknown as { conversationId: string }).conversationId;
    const kept = await fetch(`${beacon.url}/v3/directline/conversations/${conversationId}/activities`, { headers: { Authorization: `Bearer ${token}` } });
    const history = ((await kept.json()) as { activities: Activity[] }).activities;
    expect(history.filter(fromBot(/hello before|hello after/)).map((a) => (a as { text?: string }).text)).toEqual(['Ada (helpline worker): hello before', 'Ada (helpline worker): hello after']);
    const seenBefore = new Set(first.received.activities.map((a) => a.id));
    expect(again.received.activities.filter((a) => !seenBefore.has(a.id)).filter(fromBot(/Beacon|chatbot, not a person/))).toEqual([]);

    const { body } = await worker.call('GET', `/api/console/sessions/${session.id}`);
    expect(body.messages.map((m: { from: string; text: string }) => `${m.from}: ${m.text}`)).toEqual([
      'user: before the restart',
      'worker: hello before',
      'user: after the restart',
      'worker: hello after'
    ]);
    expect(body.messages.every((m: { delivery?: string }) => m.delivery === undefined || m.delivery === 'delivered')).toBe(true);
    worker.close();
  });
});
