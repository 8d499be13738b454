/**
 * Runs the store contract on every store Beacon ships, plus what only a file-backed store can promise:
 * data and eTags survive a restart.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BeaconStorage, createStorage, SQLITE_FILE_NAME, StorageConflictError } from '../../src/storage';
import { describeStoreContract, type StoreUnderTest } from './storeContract';

/** A sqlite store in a fresh temp dir; the data dir is nested to show that missing directories are created. */
async function makeSqliteStore(): Promise<StoreUnderTest> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'beacon-storage-'));
  const dataDir = path.join(tempDir, 'nested', 'data');
  const handles: BeaconStorage[] = [];
  const open = async () => {
    const store = await createStorage({ kind: 'sqlite', dataDir });
    handles.push(store);
    return store;
  };
  return {
    store: await open(),
    reopen: open,
    cleanup: async () => {
      await Promise.all(handles.map((store) => store.close()));
      await rm(tempDir, { recursive: true, force: true });
    }
  };
}

async function makeMemoryStore(): Promise<StoreUnderTest> {
  const store = await createStorage({ kind: 'memory', dataDir: 'unused' });
  return { store, cleanup: () => store.close() };
}

describeStoreContract('sqlite', makeSqliteStore);
describeStoreContract('memory', makeMemoryStore);

describe('sqlite store across a restart', () => {
  let subject: StoreUnderTest;
  beforeEach(async () => {
    subject = await makeSqliteStore();
  });
  afterEach(() => subject.cleanup());

  it('reads the same data after the file is closed and opened again, and still enforces eTags', async () => {
    const { store, reopen } = subject;
    expect(store.kind).toBe('sqlite');
    await store.write({ a: { step: 'consent', lang: 'fr' } });
    const before = (await store.read(['a'])).a;
    await store.close();

    const restarted = await reopen!();
    expect((await restarted.read(['a'])).a).toEqual(before);
    await restarted.write({ a: { ...before, step: 'handoff' } });
    await expect(restarted.write({ a: { ...before, step: 'stale' } })).rejects.toBeInstanceOf(StorageConflictError);
    expect((await restarted.read(['a'])).a.step).toBe('handoff');
  });
});

describe('createStorage', () => {
  let tempDir: string;
  beforeEach(async () => {
    tempDir = await mkdtemp(path.join(os.tmpdir(), 'beacon-storage-'));
  });
  afterEach(() => rm(tempDir, { recursive: true, force: true }));

  it('keeps the sqlite data in beacon.sqlite inside the data directory', async () => {
    const store = await createStorage({ kind: 'sqlite', dataDir: tempDir });
    await store.write({ a: { n: 1 } });
    await store.close();
    const again = await createStorage({ kind: 'sqlite', dataDir: tempDir });
    expect((await again.read(['a'])).a.n).toBe(1);
    await again.close();
    expect(SQLITE_FILE_NAME).toBe('beacon.sqlite');
  });

  it('says the sqlite store is unavailable and keeps the cause when the data directory cannot be made', async () => {
    const blocker = path.join(tempDir, 'a-file');
    await writeFile(blocker, 'not a directory');
    const attempt = createStorage({ kind: 'sqlite', dataDir: path.join(blocker, 'data') });
    await expect(attempt).rejects.toThrow(/sqlite store at ".*beacon\.sqlite" is unavailable/);
    await expect(attempt).rejects.toMatchObject({ cause: expect.objectContaining({ code: 'ENOTDIR' }) });
  });

  it('names the kind when it is not one it can build', async () => {
    const options = { kind: 'mongo', dataDir: tempDir } as unknown as Parameters<typeof createStorage>[0];
    await expect(createStorage(options)).rejects.toThrow(/"mongo" is unavailable/);
  });
});
