/**
 * Graceful shutdown: a turn in flight when shutdown starts still gets its answer, new turns are refused with
 * 503 (channels retry), and the store is closed at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expectRepliesActivity, postActivity, startTestBeacon } from '../support/testBeacon';

it('lets the turn in flight finish, refuses new ones, then closes the store', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'beacon-shutdown-'));
  const beacon = await startTestBeacon({ STORAGE: 'sqlite', DATA_DIR: dataDir });
  try {
    // Hold the first turn inside the bot until shutdown has begun.
    let release!: () => void;
    let arrived!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (arrived = resolve));
    beacon.adapter.use(async (_context, next) => {
      arrived();
      await gate;
      await next();
    });
    const inFlight = postActivity(beacon.url, expectRepliesActivity('hi'));
    await inside;
    const closing = beacon.close();
    const refused = (await fetch(`${beacon.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(expectRepliesActivity('hi')) })).status;
    release();
    const answered = await inFlight;
    await closing;
    expect(answered.status).toBe(200);
    expect(answered.replies[0]?.text).toMatch(/chatbot, not a person/);
    expect(refused).toBe(503);
    await expect(beacon.storage.ping()).rejects.toThrow(/closed/);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
