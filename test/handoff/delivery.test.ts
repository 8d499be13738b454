/**
 * "Not delivered": a worker's message to a user whose channel no longer answers — here the user closed the page
 * and Beacon came back at another address, so the channel address kept with the conversation answers nothing —
 * is flagged to the worker as failed, not lost silently. (A restart at the same address is not a loss: the local
 * Direct Line revives the conversation and keeps the message for the page, see test/reliability/killRestart.)
 */
import { startBeacon, type RunningBeacon } from '../../src/beacon';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import type { TestClient } from '../directline/directLineClient';
import { addWorker, tempDataDir, Worker } from './consoleClient';
import { fromBot, greetedUser, joinQueue } from './handoffScene';

async function start(dataDir: string, port: number): Promise<RunningBeacon> {
  const config = loadConfig({ STORAGE: 'sqlite', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent', SHUTDOWN_GRACE_MS: '2000' });
  return startBeacon(config, createLogger('silent'));
}

describe('a message to a user who went away', () => {
  let beacon: RunningBeacon | undefined;
  let user: TestClient | undefined;
  const workers: Worker[] = [];
  afterAll(async () => {
    await user?.end();
    workers.forEach((w) => w.close());
    await beacon?.close();
  });

  it('is shown to the worker as not delivered', async () => {
    const dataDir = tempDataDir();
    await addWorker(dataDir, 'ada', { name: 'Ada' });
    beacon = await start(dataDir, 0);
    const port = beacon.port;
    const ada = new Worker(beacon.url, 'ada');
    workers.push(ada);
    await ada.login();
    await ada.connect();

    user = await greetedUser(beacon.url);
    await joinQueue(user);
    const { session } = await ada.waitFor((f) => f.type === 'session' && f.session.status === 'queued');
    expect((await ada.accept(session.id)).status).toBe(200);
    await ada.send(session.id, 'Are you still there?', 'k-1');
    await user.received.waitFor(fromBot(/Are you still there\?/));
    await ada.waitFor((f) => f.type === 'delivery' && f.delivery === 'delivered');

    // The user closes the page; the server comes back at another port, and the old address answers nothing.
    await user.end();
    user = undefined;
    ada.close();
    await beacon.close();
    beacon = await start(dataDir, 0);
    expect(beacon.port).not.toBe(port);
    const again = new Worker(beacon.url, 'ada');
    workers.push(again);
    again.cookie = ada.cookie;
    again.csrf = ada.csrf;
    await again.connect();

    const sent = await again.send(session.id, 'Hello? I am still here for you.', 'k-2');
    expect(sent.status).toBe(201);
    const failed = await again.waitFor((f) => f.type === 'delivery' && f.seq === sent.body.message.seq, 10000);
    expect(failed).toMatchObject({ sessionId: session.id, delivery: 'failed' });
    const { body } = await again.call('GET', `/api/console/sessions/${session.id}`);
    expect(body.messages.map((m: { text: string; delivery?: string }) => `${m.text} [${m.delivery}]`)).toEqual([
      'Are you still there? [delivered]',
      'Hello? I am still here for you. [failed]'
    ]);
    expect((await again.call('POST', `/api/console/sessions/${session.id}/end`, { outcome: 'no_reply' })).status).toBe(200);
  });
});
