/**
 * The behaviour every Beacon store must share, written once and run against each store, so that the store a
 * test uses (memory) and the store a helpline runs (sqlite, later blob and cosmos) cannot drift apart.
 */
import { type BeaconStorage, StorageConflictError } from '../../src/storage';

export interface StoreUnderTest {
  store: BeaconStorage;
  /** Opens another handle on the same persisted data: a second process, or a restart once `store` is closed. */
  reopen?: () => Promise<BeaconStorage>;
  /** Closes every handle and removes what the store left behind. */
  cleanup: () => Promise<void>;
}

export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} store`, () => {
    let subject: StoreUnderTest;
    let store: BeaconStorage;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(() => subject.cleanup());

    it('returns nothing for keys that were never written', async () => {
      await expect(store.read(['missing', 'also-missing'])).resolves.toEqual({});
    });

    it('reads back what was written, with an eTag', async () => {
      await store.write({ a: { step: 2, answers: ['yes', 'no'], nested: { lang: 'de' } } });
      const { a } = await store.read(['a', 'missing']);
      expect(a).toEqual({ step: 2, answers: ['yes', 'no'], nested: { lang: 'de' }, eTag: expect.any(String) });
    });

    it('replaces an item when it is written again', async () => {
      await store.write({ a: { step: 1, old: true } });
      await store.write({ a: { step: 2 } });
      expect(await store.read(['a'])).toEqual({ a: { step: 2, eTag: expect.any(String) } });
    });

    it('deletes items, and deleting a missing key is not an error', async () => {
      await store.write({ a: { n: 1 }, b: { n: 2 } });
      await store.delete(['a', 'never-written']);
      expect(Object.keys(await store.read(['a', 'b']))).toEqual(['b']);
    });

    it('gives an item a new eTag on every write', async () => {
      await store.write({ a: { n: 1 } });
      const first = (await store.read(['a'])).a.eTag;
      await store.write({ a: { n: 2 } });
      const second = (await store.read(['a'])).a.eTag;
      expect(first).toEqual(expect.any(String));
      expect(second).toEqual(expect.any(String));
      expect(second).not.toBe(first);
    });

    it('accepts a write that carries the current eTag', async () => {
      await store.write({ a: { n: 1 } });
      const { a } = await store.read(['a']);
      await store.write({ a: { ...a, n: 2 } });
      expect((await store.read(['a'])).a.n).toBe(2);
    });

    it('refuses a write with a stale eTag and keeps the stored item unchanged', async () => {
      await store.write({ a: { n: 1 } });
      const stale = (await store.read(['a'])).a;
      await store.write({ a: { n: 2 } });
      const current = (await store.read(['a'])).a;
      const attempt = store.write({ a: { ...stale, n: 3 } });
      await expect(attempt).rejects.toBeInstanceOf(StorageConflictError);
      await expect(attempt).rejects.toMatchObject({ key: 'a', statusCode: 412 });
      expect((await store.read(['a'])).a).toEqual(current);
    });

    it('writes unconditionally when the eTag is "*" or absent', async () => {
      await store.write({ a: { n: 1 } });
      await store.write({ a: { n: 2, eTag: '*' } });
      expect((await store.read(['a'])).a.n).toBe(2);
      await store.write({ a: { n: 3 } });
      expect((await store.read(['a'])).a.n).toBe(3);
    });

    it('writes an item that carries an eTag for a key not stored yet, as botbuilder MemoryStorage does', async () => {
      await store.write({ a: { n: 1, eTag: 'from-somewhere-else' } });
      expect((await store.read(['a'])).a.n).toBe(1);
    });

    it('lets exactly one of two writers that read the same eTag win', async () => {
      const other = subject.reopen ? await subject.reopen() : store;
      await store.write({ a: { writer: 'none' } });
      const [mine, theirs] = await Promise.all([store.read(['a']), other.read(['a'])]);
      const results = await Promise.allSettled([
        store.write({ a: { ...mine.a, writer: 'first' } }),
        other.write({ a: { ...theirs.a, writer: 'second' } })
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(StorageConflictError);
      const winner = results[0]?.status === 'fulfilled' ? 'first' : 'second';
      expect((await store.read(['a'])).a.writer).toBe(winner);
    });

    it('lands every one of many concurrent writes to different keys', async () => {
      const keys = Array.from({ length: 200 }, (_, i) => `conversation-${i}`);
      await Promise.all(keys.map((key, i) => store.write({ [key]: { i } })));
      const items = await store.read(keys);
      expect(keys.map((key) => items[key]?.i)).toEqual(keys.map((_, i) => i));
    });

    it('round-trips a 1 MB value', async () => {
      const text = 'Ünïcödé 子供 😀 '.repeat(Math.ceil(2 ** 20 / 14)).slice(0, 2 ** 20);
      await store.write({ big: { text } });
      expect((await store.read(['big'])).big.text).toBe(text);
    });

    it('keeps keys with emoji, accents, CJK, slashes and quotes distinct and intact', async () => {
      const keys = ['emoji 🧒🏽💬', 'accents éàüñç', 'CJK 子供の安全', 'a/b\\c/d', `quotes "d" 'ś' \``, 'Key', 'key', '%_'];
      await store.write(Object.fromEntries(keys.map((key) => [key, { key }])));
      const items = await store.read(keys);
      expect(keys.map((key) => items[key]?.key)).toEqual(keys);
    });

    it('writes nothing of a multi-key write when one item conflicts', async () => {
      await store.write({ a: { n: 1 }, b: { n: 1 } });
      const staleB = (await store.read(['b'])).b;
      await store.write({ b: { n: 2 } });
      const before = await store.read(['a', 'b']);
      await expect(store.write({ a: { n: 9 }, b: { ...staleB, n: 9 }, c: { n: 9 } })).rejects.toBeInstanceOf(
        StorageConflictError
      );
      expect(await store.read(['a', 'b', 'c'])).toEqual(before);
    });

    it('refuses a value that is not JSON, naming its key, and writes nothing of that call', async () => {
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      await expect(store.write({ ok: { n: 1 }, loop: circular })).rejects.toThrow(/"loop".*JSON/);
      await expect(store.write({ big: { n: BigInt(1) } })).rejects.toThrow(/"big"/);
      expect(await store.read(['ok', 'loop', 'big'])).toEqual({});
    });

    it('keeps its own copy, so changing objects after write or read does not change the store', async () => {
      const written = { list: [1] };
      await store.write({ a: written });
      written.list.push(2);
      (await store.read(['a'])).a.list.push(3);
      expect((await store.read(['a'])).a.list).toEqual([1]);
    });

    it('answers ping while open, and rejects every call after close', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.ping()).rejects.toThrow(/closed/);
      await expect(store.read(['a'])).rejects.toThrow(/closed/);
      await expect(store.write({ a: { n: 1 } })).rejects.toThrow(/closed/);
      await expect(store.delete(['a'])).rejects.toThrow(/closed/);
    });
  });
}
