/**
 * An in-process store for tests and throwaway runs. It is written here rather than wrapping botbuilder's
 * MemoryStorage so that its semantics are exactly those of SqliteStorage: eTag checks, all-or-nothing writes
 * of several keys, JSON-only values, and an error after close. The same contract suite runs on both.
 *
 * Items are kept as JSON text, which deep-copies them in and out: a caller that changes an object after
 * writing or reading it cannot change what is stored, just as with a real database.
 */
import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import { type BeaconStorage, StorageConflictError } from './beaconStorage';
import { eTagOf, toJson } from './storeItem';

interface StoredItem {
  value: string;
  eTag: string;
  /** When it was last written (ms since the epoch), for the state expiry sweep. */
  writtenAt: number;
}

export class MemoryStorage implements BeaconStorage {
  readonly kind = 'memory';
  private readonly items = new Map<string, StoredItem>();
  private closed = false;

  async read(keys: string[]): Promise<StoreItems> {
    this.assertOpen();
    const found: StoreItems = {};
    for (const key of keys) {
      const stored = this.items.get(key);
      if (stored) found[key] = { ...JSON.parse(stored.value), eTag: stored.eTag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    this.assertOpen();
    // Serialise and check every change before applying any, so one bad item leaves the store untouched.
    const rows = Object.entries(changes).map(([key, item]) => ({ key, eTag: eTagOf(item), value: toJson(key, item) }));
    for (const { key, eTag } of rows) {
      const stored = this.items.get(key);
      if (eTag && eTag !== '*' && stored && stored.eTag !== eTag) throw new StorageConflictError(key);
    }
    const writtenAt = Date.now();
    for (const { key, value } of rows) this.items.set(key, { value, eTag: randomUUID(), writtenAt });
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen();
    for (const key of keys) this.items.delete(key);
  }

  /** Deletes the items whose keys match and that were last written before `cutoff`; returns how many. */
  async deleteOlderThan(cutoff: number, keyPattern: RegExp): Promise<number> {
    this.assertOpen();
    const keys = [...this.items].filter(([key, item]) => item.writtenAt < cutoff && keyPattern.test(key)).map(([key]) => key);
    for (const key of keys) this.items.delete(key);
    return keys.length;
  }

  async ping(): Promise<void> {
    this.assertOpen();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.items.clear();
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new Error('Storage: the memory store is closed; create a new one to use it again.');
    }
  }
}
