/**
 * The storage contract every Beacon store meets: botbuilder's `Storage` (read, write, delete with eTag
 * optimistic concurrency, as the Azure stores do) plus a readiness probe and a clean close for shutdown.
 */
import type { Storage } from 'botbuilder';

export interface BeaconStorage extends Storage {
  /** The configured kind, e.g. "sqlite" or "memory". */
  readonly kind: string;
  /** Resolves when the store answers a trivial read; rejects with the cause otherwise. */
  ping(): Promise<void>;
  /** Finishes pending writes and releases the store (file handles, connections). Idempotent. */
  close(): Promise<void>;
}

/** Thrown by `write` when a change carries an eTag that no longer matches the stored item. */
export class StorageConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  readonly statusCode = 412;
  constructor(readonly key: string) {
    super(`Storage: the item "${key}" was changed by another writer (eTag conflict); read it again and retry.`);
    this.name = 'StorageConflictError';
  }
}
