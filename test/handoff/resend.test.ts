/**
 * A worker's message that was accepted (201) but had not reached the user when Beacon died: after the restart
 * it is sent once the server listens, waits in the local Direct Line's conversation until the user's page
 * reconnects, and reaches them without their writing first, once — the user writing again sends nothing twice.
 * Nothing is lost and nothing is doubled (reliability review D2).
 */
import { startBeacon, type RunningBeacon } from '../../src/beacon';
import { loadConfig } from '../../src/config';
import { HandoffStore } from '../../src/handoff/handoffStore';
import type { ChatMessage } from '../../src/handoff/handoffTypes';
import { createLogger } from '../../src/logging/logger';
import { createStorage } from '../../src/storage/createStorage';
import { connectClient, type TestClient } from '../directline/directLineClient';
import { addWorker, tempDataDir, Worker } from './consoleClient';
import { botLines, fromBot, greetedUser, joinQueue } from './handoffScene';

async function start(dataDir: string, port: number): Promise<RunningBeacon> {
  const config = loadConfig({ STORAGE: 'sqlite', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent', SHUTDOWN_GRACE_MS: '2000' });
  return startBeacon(config, createLogger('silent'));
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a worker message left undelivered by a restart', () => {
  const clients: TestClient[] = [];
  const workers: Worker[] = [];
  let beacon: RunningBeacon | undefined;
  afterAll(async () => {
    for (const c of clients) await c.end();
    workers.forEach((w) => w.close());
    await beacon?.close();
  });

  it('reaches the user once when their page reconnects', async () => {
    const dataDir = tempDataDir();
    await addWorker(dataDir, 'ada', { name: 'Ada' });
    beacon = await start(dataDir, 0);
    const port = beacon.port;
    const ada = new Worker(beacon.url, 'ada');
    workers.push(ada);
    await ada.login();
    await ada.connect();
    const first = await greetedUser(beacon.url);
    clients.push(first);
    await joinQueue(first);
    const { session } = await ada.waitFor((f) => f.type === 'session' && f.session.status === 'queued');
    expect((await ada.accept(session.id)).status).toBe(200);
    await first.received.waitFor(fromBot(/You are now chatting with Ada/));
    const token = (first.directLine as unknown as { token: string }).token;
    ada.close();
    await first.end();
    await beacon.close();

    // What a kill right after the console's 201 leaves behind: the message stored, still pending.
    const storage = await createStorage({ kind: 'sqlite', dataDir });
    await new HandoffStore(storage).appendMessage(session.id, { key: 'k-in-flight', from: 'worker', text: 'Are you safe right now?', at: Date.now(), delivery: 'pending' });
    await storage.close();

    beacon = await start(dataDir, port);
    const store = new HandoffStore(beacon.storage);
    const workerLine = (messages: ChatMessage[]) => messages.find((m) => m.key === 'k-in-flight');
    // The resend runs once the server listens: delivered to the conversation, before the page is back.
    await until(() => store.messages(session.id), (m) => workerLine(m)?.delivery === 'delivered');

    const again = connectClient(beacon.url, { token });
    clients.push(again);
    const worker = new Worker(beacon.url, 'ada');
    workers.push(worker);
    worker.cookie = ada.cookie;
    worker.csrf = ada.csrf;
    await worker.connect();
    await again.received.waitFor(fromBot(/Are you safe right now\?/), 10000);
    await again.post({ type: 'message', text: 'sorry, my phone died' });
    await worker.waitFor((f) => f.type === 'message' && f.message.text === 'sorry, my phone died');

    // A second message from the user sends nothing again.
    await again.post({ type: 'message', text: 'yes I am ok' });
    await worker.waitFor((f) => f.type === 'message' && f.message.text === 'yes I am ok');
    await worker.send(session.id, 'Good to hear.', 'k-after');
    await again.received.waitFor(fromBot(/Good to hear/));
    expect(botLines(again, /Are you safe right now\?/)).toHaveLength(1);
    const { body } = await worker.call('GET', `/api/console/sessions/${session.id}`);
    expect(body.messages.map((m: { from: string; text: string; delivery?: string }) => `${m.from}: ${m.text} [${m.delivery ?? ''}]`)).toEqual([
      'worker: Are you safe right now? [delivered]',
      'user: sorry, my phone died []',
      'user: yes I am ok []',
      'worker: Good to hear. [delivered]'
    ]);
  }, 60000);
});
