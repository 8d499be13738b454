/**
 * What a deleted chat leaves on disk, who can read the files, and how long state is kept (reliability review
 * D4, D13): the SQLite files are the owner's only, a deleted item's text is in neither the database file nor
 * its WAL, and conversation state that nobody touched for STATE_TTL_DAYS is swept away on every store.
 */
import { readFile, stat, mkdtemp, rm, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createStorage, SQLITE_FILE_NAME, type BeaconStorage } from '../../src/storage';
import { STATE_KEY, sweepState } from '../../src/storage/stateExpiry';

let dir: string;
let store: BeaconStorage;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'beacon-rest-'));
});
afterEach(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

const SECRET = 'my phone is 0470 12 34 56 and my mail is kid@example.org';

it('creates the data directory and every SQLite file readable by their owner only', async () => {
  const dataDir = path.join(dir, 'data');
  store = await createStorage({ kind: 'sqlite', dataDir });
  await store.write({ 'handoff/messages/s1': { items: [{ text: SECRET }] } });
  expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  for (const file of await readdir(dataDir)) expect([file, (await stat(path.join(dataDir, file))).mode & 0o077]).toEqual([file, 0]);
});

it('leaves no copy of a deleted chat in the database file or its WAL', async () => {
  store = await createStorage({ kind: 'sqlite', dataDir: dir });
  for (let i = 0; i < 20; i++) await store.write({ 'handoff/messages/s1': { items: Array.from({ length: i + 1 }, () => ({ text: SECRET })) } });
  await store.delete(['handoff/messages/s1']);
  for (const file of await readdir(dir)) {
    const bytes = await readFile(path.join(dir, file));
    expect([file, bytes.includes(Buffer.from('kid@example.org'))]).toEqual([file, false]);
  }
  expect(await readdir(dir)).toContain(SQLITE_FILE_NAME);
});

describe.each(['sqlite', 'memory'] as const)('state expiry on the %s store', (kind) => {
  it('deletes conversation and user state older than the TTL, and keeps handoff items and secrets', async () => {
    store = await createStorage({ kind, dataDir: dir });
    await store.write({
      'webchat/conversations/c1': { dialogs: {} },
      'webchat/users/u1': { profile: { audience: 'parent' } },
      'handoff/session/s1': { status: 'active' },
      'secret/directline': { value: 'x' }
    });
    const tenDaysLater = Date.now() + 10 * 24 * 60 * 60 * 1000;
    expect(await sweepState(store, 7, tenDaysLater)).toBe(2);
    const left = await store.read(['webchat/conversations/c1', 'webchat/users/u1', 'handoff/session/s1', 'secret/directline']);
    expect(Object.keys(left).sort()).toEqual(['handoff/session/s1', 'secret/directline']);
  });

  it('keeps state written within the TTL', async () => {
    store = await createStorage({ kind, dataDir: dir });
    await store.write({ 'webchat/conversations/c2': { dialogs: {} } });
    expect(await sweepState(store, 7, Date.now() + 6 * 24 * 60 * 60 * 1000)).toBe(0);
    expect(Object.keys(await store.read(['webchat/conversations/c2']))).toEqual(['webchat/conversations/c2']);
  });
});

it('recognises botbuilder state keys and nothing else', () => {
  expect(STATE_KEY.test('msteams/conversations/19:abc')).toBe(true);
  expect(STATE_KEY.test('webchat/users/u-1')).toBe(true);
  expect(STATE_KEY.test('handoff/session/1')).toBe(false);
  expect(STATE_KEY.test('secret/directline')).toBe(false);
});
