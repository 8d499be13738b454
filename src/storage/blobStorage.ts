/**
 * STORAGE=blob: conversation state in an Azure Blob Storage container, through botbuilder's `BlobsStorage`
 * (one blob per key, eTag concurrency by the service), so N instances share one state.
 *
 * What this adds to `BlobsStorage` so it meets the same contract as the sqlite store: a bad value is refused
 * before anything is written, naming its key; an eTag conflict is a `StorageConflictError`; a multi-key write
 * checks every eTag before writing any; a change that carries an eTag for a key not stored yet is written; and
 * the store can be pinged, closed and swept by age (the blob's last-modified time).
 */
import { type ContainerClient, RestError } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { type BeaconStorage, StorageConflictError } from './beaconStorage';
import { eTagOf, toJson } from './storeItem';

export class BlobStorage implements BeaconStorage {
  readonly kind = 'blob';
  private closed = false;

  /** `blobs` and `container` point at the same container: the first for items, the second for probes and sweeps. */
  constructor(
    private readonly blobs: BlobsStorage,
    private readonly container: ContainerClient
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    this.assertOpen();
    return this.blobs.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    this.assertOpen();
    const entries = Object.entries(changes);
    for (const [key, item] of entries) toJson(key, item);
    const conditional = entries.filter(([, item]) => isCondition(eTagOf(item)));
    // Several keys: check every eTag first, so a conflict on one leaves the others as they were.
    if (entries.length > 1 && conditional.length > 0) {
      const stored = await this.blobs.read(conditional.map(([key]) => key));
      for (const [key, item] of conditional) {
        if (stored[key] && stored[key].eTag !== eTagOf(item)) throw new StorageConflictError(key);
      }
    }
    await Promise.all(entries.map(([key, item]) => this.writeOne(key, item)));
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen();
    await this.blobs.delete(keys);
  }

  /** Deletes the items whose keys match and whose blob was last modified before `cutoff`; returns how many. */
  async deleteOlderThan(cutoff: number, keyPattern: RegExp): Promise<number> {
    this.assertOpen();
    const old: string[] = [];
    for await (const blob of this.container.listBlobsFlat()) {
      const key = decodeURIComponent(blob.name);
      if (blob.properties.lastModified.getTime() < cutoff && keyPattern.test(key)) old.push(key);
    }
    if (old.length > 0) await this.blobs.delete(old);
    return old.length;
  }

  async ping(): Promise<void> {
    this.assertOpen();
    try {
      await this.container.getProperties();
    } catch (cause) {
      // A container not created yet is reachable: BlobsStorage creates it on the first read or write.
      if (cause instanceof RestError && cause.statusCode === 404) return;
      throw new Error(`Storage: the blob container "${this.container.containerName}" is not reachable.`, { cause });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private async writeOne(key: string, item: StoreItems[string]): Promise<void> {
    try {
      await this.blobs.write({ [key]: item });
    } catch (error) {
      if (!isEtagConflict(error)) throw error;
      // The service refuses If-Match on a blob that does not exist; as in MemoryStorage, such a change is written.
      const stored = await this.blobs.read([key]);
      if (stored[key]) throw new StorageConflictError(key);
      await this.blobs.write({ [key]: { ...item, eTag: '*' } });
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Storage: the blob store is closed; open a new one to use it again.');
  }
}

function isCondition(eTag: unknown): boolean {
  return typeof eTag === 'string' && eTag !== '' && eTag !== '*';
}

function isEtagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/.test(error.message);
}
