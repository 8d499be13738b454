/**
 * A stranger cannot lock a worker out of the console (reliability review D7): wrong passwords lock the user
 * name only for the client that typed them, longer each time; and each client may try only a few sign-ins a
 * minute, whatever the names, so spraying names is as slow as guessing one.
 */
import type { RunningBeacon } from '../../src/beacon';
import { HandoffStore } from '../../src/handoff/handoffStore';
import { ConsoleSessions } from '../../src/server/console/consoleSessions';
import { MemoryStorage } from '../../src/storage/memoryStorage';
import { startTestBeacon } from '../support/testBeacon';
import { addWorker, PASSWORD, tempDataDir } from './consoleClient';

let beacon: RunningBeacon;

beforeAll(async () => {
  const dataDir = tempDataDir();
  await addWorker(dataDir, 'ada');
  // Behind a trusted proxy, the client is the last X-Forwarded-For entry: two "clients" from one test.
  beacon = await startTestBeacon({ DATA_DIR: dataDir, CONSOLE_MAX_FAILED_LOGINS: '3', TRUST_PROXY: 'true' });
});
afterAll(async () => {
  await beacon?.close();
});

async function login(from: string, username: string, password: string): Promise<{ status: number; code?: string; retryAfter: string | null }> {
  const response = await fetch(`${beacon.url}/api/console/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
    body: JSON.stringify({ username, password })
  });
  const body = (await response.json()) as { error?: { code?: string } };
  return { status: response.status, code: body.error?.code, retryAfter: response.headers.get('retry-after') };
}

it("does not lock the worker out when a stranger elsewhere types the worker's name with wrong passwords", async () => {
  for (const guess of ['a', 'b']) expect((await login('203.0.113.7', 'ada', guess)).status).toBe(401);
  const third = await login('203.0.113.7', 'ada', 'c');
  expect([third.status, third.code]).toEqual([429, 'LockedOut']);
  expect((await login('203.0.113.7', 'ada', PASSWORD)).status).toBe(429);
  expect((await login('198.51.100.20', 'ada', PASSWORD)).status).toBe(200);
});

it('locks the same client out twice as long the next time, up to a day', async () => {
  let now = Date.parse('2026-12-02T10:00:00Z');
  const sessions = new ConsoleSessions(new HandoffStore(new MemoryStorage()), { idleMs: 60_000, maxFailures: 2, lockoutMs: 15 * 60_000 }, () => now);
  const lockFor = async () => {
    await sessions.failed('ada', 'client-x');
    await sessions.failed('ada', 'client-x');
    return ((await sessions.lockedUntil('ada', 'client-x')) ?? now) - now;
  };
  expect(await lockFor()).toBe(15 * 60_000);
  now += 15 * 60_000 + 1;
  expect(await sessions.lockedUntil('ada', 'client-x')).toBeUndefined();
  expect(await lockFor()).toBe(30 * 60_000);
  expect(await sessions.lockedUntil('ada', 'client-y')).toBeUndefined();
  for (let i = 0; i < 10; i++) {
    now += 25 * 60 * 60_000;
    await lockFor();
  }
  now += 25 * 60 * 60_000;
  expect(await lockFor()).toBe(24 * 60 * 60_000);
});

it('slows a client that sprays many user names, without a lockout entry per name', async () => {
  const from = '203.0.113.9';
  const answers: number[] = [];
  for (let i = 0; i < 14; i++) answers.push((await login(from, `name${i}`, 'guess')).status);
  expect(answers.slice(0, 10).every((s) => s === 401)).toBe(true);
  expect(answers.slice(10)).toEqual([429, 429, 429, 429]);
  const refused = await login(from, 'ada', PASSWORD);
  expect([refused.status, refused.code]).toEqual([429, 'TooManyAttempts']);
  expect(Number(refused.retryAfter)).toBeGreaterThan(0);
});
