/**
 * Beacon's store contract over a botbuilder store that keeps its items in an Azure service (`BlobsStorage`,
 * `CosmosDbPartitionedStorage`). Those stores write each key on its own and report a stale eTag in their own
 * words; Beacon needs more (`storeContract.ts`):
 * - a value that is not JSON is refused before anything is written, naming its key;
 * - a write is all or nothing: every eTag is checked first, and if another writer wins a race while the keys
 *   are written, what this call already wrote is put back;
 * - an eTag for a key not stored yet writes the item (as botbuilder's MemoryStorage does);
 * - a stale eTag is a `StorageConflictError`, whatever the service called it;
 * - after `close` every call is refused.
 */
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { type BeaconStorage, StorageConflictError } from './beaconStorage';

/** How a service says "the eTag did not match": HTTP 412, or botbuilder's wording of it. */
export function isETagConflict(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: number | string; message?: string } | undefined;
  if (!e) return false;
  if (e instanceof StorageConflictError) return true;
  if (e.statusCode === 412 || e.code === 412 || e.code === 'ConditionNotMet') return true;
  return /eTag conflict|precondition/i.test(e.message ?? '');
}

/** A copy of `value` through JSON, or an error naming `key`. */
function jsonCopy(key: string, value: unknown): StoreItem {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw new Error(`Storage: the item "${key}" cannot be stored because it is not JSON (${cause instanceof Error ? cause.message : String(cause)}).`, { cause });
  }
  if (text === undefined) throw new Error(`Storage: the item "${key}" cannot be stored because it is not JSON.`);
  return JSON.parse(text) as StoreItem;
}

export abstract class GuardedStorage implements BeaconStorage {
  abstract readonly kind: string;
  private closed = false;

  protected constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    this.open();
    if (keys.length === 0) return {};
    return this.inner.read([...new Set(keys)]);
  }

  async write(changes: StoreItems): Promise<void> {
    this.open();
    const items = Object.entries(changes).map(([key, value]) => [key, jsonCopy(key, value)] as const);
    if (items.length === 0) return;
    const before = await this.inner.read(items.map(([key]) => key));
    const ready: StoreItems = {};
    for (const [key, item] of items) {
      const eTag = typeof item.eTag === 'string' ? item.eTag : undefined;
      const current = before[key] as StoreItem | undefined;
      if (eTag && eTag !== '*' && current && current.eTag !== eTag) throw new StorageConflictError(key);
      // Unconditional when asked, or when the key is not stored yet; otherwise only over the eTag just checked.
      ready[key] = { ...item, eTag: eTag && eTag !== '*' && current ? eTag : '*' };
    }
    try {
      await this.inner.write(ready);
    } catch (error) {
      await this.putBack(before, ready);
      if (isETagConflict(error)) throw new StorageConflictError(this.conflictingKey(error, Object.keys(ready)));
      throw error;
    }
  }

  async delete(keys: string[]): Promise<void> {
    this.open();
    if (keys.length > 0) await this.inner.delete([...new Set(keys)]);
  }

  async ping(): Promise<void> {
    this.open();
    await this.inner.read(['beacon-ping']);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  protected open(): void {
    if (this.closed) throw new Error(`Storage: the ${this.kind} store is closed.`);
  }

  /**
   * After a failed multi-key write: the keys this call managed to write get their earlier value back (or go,
   * when they were new), each only if nobody has changed it since. Best effort: the service has no transaction.
   */
  private async putBack(before: StoreItems, attempted: StoreItems): Promise<void> {
    const keys = Object.keys(attempted);
    if (keys.length < 2) return;
    try {
      const now = await this.inner.read(keys);
      for (const key of keys) {
        const stored = now[key] as StoreItem | undefined;
        if (!stored) continue;
        const { eTag: storedETag, ...storedValue } = stored;
        const { eTag: _attemptedETag, ...attemptedValue } = attempted[key] as StoreItem;
        if (JSON.stringify(storedValue) !== JSON.stringify(attemptedValue)) continue;
        const previous = before[key] as StoreItem | undefined;
        if (previous) await this.inner.write({ [key]: { ...previous, eTag: storedETag } });
        else await this.inner.delete([key]);
      }
    } catch {
      // The service is failing: the original error says more than this one.
    }
  }

  private conflictingKey(error: unknown, keys: string[]): string {
    const message = (error as { message?: string } | undefined)?.message ?? '';
    return keys.find((key) => message.includes(`"${key}"`)) ?? keys[0] ?? '';
  }
}
