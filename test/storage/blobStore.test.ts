/**
 * The store contract on STORAGE=blob, against a real Azure Blob Storage API (Azurite), plus a restart: data and
 * eTags are in the service, so a new Beacon process reads what the last one wrote.
 */
import { randomUUID } from 'node:crypto';
import { type BeaconStorage, createStorage, StorageConflictError } from '../../src/storage';
import { STATE_KEY, sweepState } from '../../src/storage/stateExpiry';
import { startAzurite, type RunningAzurite } from './servers/azurite';
import { describeStoreContract, type StoreUnderTest } from './storeContract';

jest.setTimeout(60_000);

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(() => azurite.stop());

/** A store on a fresh container, so tests cannot see each other's items. */
async function makeBlobStore(): Promise<StoreUnderTest> {
  const container = `beacon-${randomUUID()}`;
  const handles: BeaconStorage[] = [];
  const open = async () => {
    const store = await createStorage({ kind: 'blob', dataDir: 'unused', blob: { connectionString: azurite.connectionString, container } });
    handles.push(store);
    return store;
  };
  return { store: await open(), reopen: open, cleanup: async () => void (await Promise.all(handles.map((s) => s.close()))) };
}

describeStoreContract('blob', makeBlobStore);

describe('blob store across a restart', () => {
  it('reads the same data from a new handle after the first is closed, and still enforces eTags', async () => {
    const { store, reopen, cleanup } = await makeBlobStore();
    expect(store.kind).toBe('blob');
    await store.write({ a: { step: 'consent', lang: 'fr' } });
    const before = (await store.read(['a'])).a;
    await store.close();
    const restarted = await reopen!();
    expect((await restarted.read(['a'])).a).toEqual(before);
    await restarted.write({ a: { ...before, step: 'handoff' } });
    await expect(restarted.write({ a: { ...before, step: 'stale' } })).rejects.toBeInstanceOf(StorageConflictError);
    expect((await restarted.read(['a'])).a.step).toBe('handoff');
    await cleanup();
  });
});

describe('state expiry on the blob store', () => {
  it('deletes conversation and user state older than the TTL, and keeps handoff items and secrets', async () => {
    const { store, cleanup } = await makeBlobStore();
    await store.write({
      'webchat/conversations/c1': { dialogs: {} },
      'webchat/users/u1': { profile: { audience: 'parent' } },
      'handoff/session/s1': { status: 'active' },
      'secret/directline': { value: 'x' }
    });
    expect(await sweepState(store, 7, Date.now())).toBe(0);
    const tenDaysLater = Date.now() + 10 * 24 * 60 * 60 * 1000;
    expect(await sweepState(store, 7, tenDaysLater)).toBe(2);
    const left = await store.read(['webchat/conversations/c1', 'webchat/users/u1', 'handoff/session/s1', 'secret/directline']);
    expect(Object.keys(left).sort()).toEqual(['handoff/session/s1', 'secret/directline']);
    expect(STATE_KEY.test('webchat/conversations/c1')).toBe(true);
    await cleanup();
  });
});
