/**
 * The worker → user queue on a real redis-server, without Beacon around it: a job taken by an instance that
 * died before acknowledging it is delivered by another, one session's deliveries never run on two instances at
 * once, and REDIS_URL is checked like every other setting.
 */
import { problemsFor } from '../config/problemsFor';
import { loadConfig } from '../../src/config';
import { DeliveryOutbox, OUTBOX_STREAM } from '../../src/hub/deliveryOutbox';
import { RedisLink } from '../../src/hub/redisLink';
import type { Deliverer } from '../../src/handoff/scaleOut';
import { createLogger } from '../../src/logging/logger';
import { waitUntil } from '../support/beaconProcess';
import { RedisServer } from './redisServer';

jest.setTimeout(120_000);

const logger = createLogger('silent');
let redis: RedisServer;
const links: RedisLink[] = [];
const outboxes: DeliveryOutbox[] = [];

beforeAll(async () => {
  redis = await RedisServer.start();
});

afterAll(async () => {
  await Promise.all(outboxes.map((o) => o.stop()));
  await Promise.all(links.map((l) => l.close()));
  await redis?.stop();
});

async function link(): Promise<RedisLink> {
  const l = new RedisLink(redis.url, logger);
  links.push(l);
  await l.whenUp();
  return l;
}

/** A chat that records its deliveries and how many ran at once for one session. */
function recordingChat(delivered: string[], overlap: { now: number; most: number }): Deliverer {
  return {
    async deliver(sessionId: string) {
      overlap.now++;
      overlap.most = Math.max(overlap.most, overlap.now);
      await new Promise((r) => setTimeout(r, 30));
      delivered.push(sessionId);
      overlap.now--;
    },
    async resume() {}
  };
}

it('delivers a job that a dead instance took and never acknowledged', async () => {
  const ghost = await link();
  const first = new DeliveryOutbox(ghost, logger);
  // The group exists; the "dead" instance takes the job and stops without acknowledging it.
  await ghost.command(['XGROUP', 'CREATE', OUTBOX_STREAM, 'deliver', '0', 'MKSTREAM']);
  await first.add('session-left-behind');
  const taken = await ghost.command(['XREADGROUP', 'GROUP', 'deliver', 'dead-instance', 'COUNT', 10, 'STREAMS', OUTBOX_STREAM, '>']);
  expect(JSON.stringify(taken)).toContain('session-left-behind');

  const delivered: string[] = [];
  const survivor = new DeliveryOutbox(await link(), logger);
  outboxes.push(survivor);
  survivor.start(recordingChat(delivered, { now: 0, most: 0 }));
  await waitUntil(() => delivered.includes('session-left-behind'), 60_000, 'the job left behind was never delivered');
  await waitUntil(async () => Number(await ghost.command(['XLEN', OUTBOX_STREAM])) === 0, 30_000, 'the job stayed in the stream');
  await survivor.stop();
});

it('never runs one session\'s deliveries on two instances at once, and runs each job', async () => {
  const delivered: string[] = [];
  const overlap = { now: 0, most: 0 };
  const two = [new DeliveryOutbox(await link(), logger), new DeliveryOutbox(await link(), logger)];
  outboxes.push(...two);
  for (const outbox of two) outbox.start(recordingChat(delivered, overlap));
  for (let i = 0; i < 12; i++) await two[i % 2]!.add('one-session');
  await waitUntil(() => delivered.filter((s) => s === 'one-session').length >= 12, 60_000, `delivered ${delivered.length}`);
  expect(overlap.most).toBe(1);
});

it('reads REDIS_URL: absent is one process, a redis address is taken, anything else is refused by name', () => {
  expect(loadConfig({ STORAGE: 'memory' }).REDIS_URL).toBeUndefined();
  expect(loadConfig({ STORAGE: 'memory', REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  expect(loadConfig({ STORAGE: 'memory', REDIS_URL: 'rediss://:key@beacon.redis.cache.windows.net:6380' }).REDIS_URL).toBe('rediss://:key@beacon.redis.cache.windows.net:6380');
  expect(problemsFor({ REDIS_URL: 'http://localhost:6379' })).toEqual([
    expect.stringMatching(/^REDIS_URL must be a redis:\/\/ or rediss:\/\/ address \(for example REDIS_URL=rediss:/)
  ]);
});
