/**
 * The storage factory: the one place that turns the configured kind into a store, so that `index.ts` only
 * wires and a new kind (blob, cosmos) is one more case here.
 */
import path from 'node:path';
import type { BeaconStorage } from './beaconStorage';
import { MemoryStorage } from './memoryStorage';
import { SqliteStorage } from './sqliteStorage';

export interface StorageOptions {
  kind: 'sqlite' | 'memory';
  /** Where file-based stores keep their data; the sqlite store uses `<dataDir>/beacon.sqlite`. */
  dataDir: string;
}

/** The file name of the sqlite store inside the data directory. */
export const SQLITE_FILE_NAME = 'beacon.sqlite';

/** Opens the configured store; rejects with a message that says which store is unavailable and why. */
export async function createStorage(options: StorageOptions): Promise<BeaconStorage> {
  switch (options.kind) {
    case 'memory':
      return new MemoryStorage();
    case 'sqlite':
      return openSqlite(path.join(options.dataDir, SQLITE_FILE_NAME));
    default:
      throw new Error(
        `Storage: the kind "${String((options as { kind: unknown }).kind)}" is unavailable because it is not ` +
          'one of: sqlite, memory.'
      );
  }
}

function openSqlite(filePath: string): BeaconStorage {
  try {
    return new SqliteStorage(filePath);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(
      `Storage: the sqlite store at "${filePath}" is unavailable because it could not be opened (${reason}).`,
      { cause }
    );
  }
}
