/**
 * The store contract on STORAGE=cosmos, against a Cosmos DB stand-in (`@vercel/cosmosdb-server`): eTags,
 * concurrent writers, 1 MB values and unicode keys, a restart, the database and container created when they
 * are missing, and the state expiry sweep.
 */
import { randomUUID } from 'node:crypto';
import { type BeaconStorage, createStorage } from '../../src/storage';
import { STATE_KEY, sweepState } from '../../src/storage/stateExpiry';
import { startCosmos, type RunningCosmos } from './servers/cosmos';
import { describeStoreContract, type StoreUnderTest } from './storeContract';

jest.setTimeout(60_000);

let cosmos: RunningCosmos;
beforeAll(async () => {
  cosmos = await startCosmos();
});
afterAll(() => cosmos.stop());

/** A store on a fresh database and container, so tests cannot see each other's items. */
async function makeCosmosStore(): Promise<StoreUnderTest> {
  const database = `beacon-${randomUUID()}`;
  const handles: BeaconStorage[] = [];
  const open = async () => {
    const store = await createStorage({
      kind: 'cosmos',
      dataDir: 'unused',
      cosmos: { endpoint: cosmos.endpoint, key: cosmos.key, database, container: 'state', agent: cosmos.agent }
    });
    handles.push(store);
    return store;
  };
  return { store: await open(), reopen: open, cleanup: async () => void (await Promise.all(handles.map((s) => s.close()))) };
}

describeStoreContract('cosmos', makeCosmosStore);

describe('cosmos store', () => {
  it('reads the same data from a new handle after the first is closed', async () => {
    const { store, reopen, cleanup } = await makeCosmosStore();
    expect(store.kind).toBe('cosmos');
    await store.write({ 'webchat/conversations/a/': { step: 'consent', lang: 'fr' } });
    await store.close();
    const restarted = await reopen!();
    expect((await restarted.read(['webchat/conversations/a/']))['webchat/conversations/a/']).toMatchObject({ step: 'consent', lang: 'fr' });
    await cleanup();
  });

  it('expires conversation and user state after STATE_TTL_DAYS and keeps handoff items and secrets', async () => {
    const { store, cleanup } = await makeCosmosStore();
    await store.write({ 'webchat/conversations/old/': { n: 1 }, 'webchat/users/old/': { n: 1 }, 'handoff/session/x': { n: 1 }, 'secret/directline': { n: 1 } });
    // Nothing is older than a day yet.
    expect(await sweepState(store, 1)).toBe(0);
    // Seen from two days ahead, the state items are past a one-day TTL; the others are never state.
    expect(await sweepState(store, 1, Date.now() + 2 * 24 * 60 * 60 * 1000)).toBe(2);
    const left = await store.read(['webchat/conversations/old/', 'webchat/users/old/', 'handoff/session/x', 'secret/directline']);
    expect(Object.keys(left).sort()).toEqual(['handoff/session/x', 'secret/directline']);
    expect(STATE_KEY.test('handoff/session/x')).toBe(false);
    await cleanup();
  });

  it('says which store is unavailable when the service does not answer', async () => {
    const gone = await startCosmos();
    await gone.stop();
    await expect(createStorage({ kind: 'cosmos', dataDir: 'unused', cosmos: { endpoint: gone.endpoint, key: gone.key, database: 'd', container: 'c', agent: gone.agent } }))
      .rejects.toThrow(/cosmos store at "https:\/\/127\.0\.0\.1:\d+" is unavailable/);
  });
});
