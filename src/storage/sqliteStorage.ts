/**
 * The default store: one SQLite file through the built-in `node:sqlite`, so a small helpline runs Beacon on one
 * machine with no database server and no native modules.
 *
 * Semantics match the Azure stores and botbuilder's MemoryStorage: a change without an eTag (or with "*") is
 * written unconditionally; a change whose eTag differs from the stored one is refused with
 * `StorageConflictError`; a change that carries an eTag for a key not stored yet is written (as MemoryStorage
 * does). Unlike MemoryStorage, a write of several keys is one transaction: all land, or none.
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { StoreItems } from 'botbuilder';
import { type BeaconStorage, StorageConflictError } from './beaconStorage';
import { eTagOf, toJson } from './storeItem';

/** How long a write waits for another process's lock before failing (SQLite's busy handler). */
const BUSY_TIMEOUT_MS = 5000;

interface StoredRow {
  value: string;
  etag: string;
}

export class SqliteStorage implements BeaconStorage {
  readonly kind = 'sqlite';
  private readonly db: DatabaseSync;
  private readonly selectItem: StatementSync;
  private readonly upsertItem: StatementSync;
  private readonly deleteItem: StatementSync;
  private closed = false;

  /** Opens (or creates) the database file, creating its parent directory; throws with the cause on failure. */
  constructor(readonly filePath: string) {
    // The file holds live chats and the local Direct Line's signing secret: readable by Beacon's user only.
    // SQLite gives its -wal and -shm files the database file's permissions.
    mkdirSync(path.dirname(filePath), { recursive: true, mode: 0o700 });
    ownerOnly(filePath);
    this.db = new DatabaseSync(filePath);
    try {
      // A deleted chat is overwritten with zeros, not left readable in free pages (reliability review D4).
      this.db.exec('PRAGMA secure_delete = ON;');
      // WAL lets readers proceed while one writer commits; busy_timeout makes a second process wait, not fail.
      // synchronous=NORMAL in WAL mode: a commit no longer waits for the disk (7.8 ms → 0.1 ms here, measured by
      // `npm run bench`); the database stays consistent after a crash, and only the last commits before a power
      // loss can be lost — a conversation's position, never anything a user must not lose.
      this.db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};`);
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS store_items (
           key TEXT PRIMARY KEY, value TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL)`
      );
      this.selectItem = this.db.prepare('SELECT value, etag FROM store_items WHERE key = ?');
      this.upsertItem = this.db.prepare(
        `INSERT INTO store_items (key, value, etag, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag,
           updated_at = excluded.updated_at`
      );
      this.deleteItem = this.db.prepare('DELETE FROM store_items WHERE key = ?');
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.assertOpen();
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.selectItem.get(key) as StoredRow | undefined;
      if (row) items[key] = { ...JSON.parse(row.value), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.assertOpen();
    // Serialise first, so a bad value fails before anything is written.
    const rows = Object.entries(changes).map(([key, item]) => ({ key, eTag: eTagOf(item), value: toJson(key, item) }));
    this.inTransaction(() => {
      for (const { key, eTag, value } of rows) {
        if (eTag && eTag !== '*') {
          const stored = this.selectItem.get(key) as StoredRow | undefined;
          if (stored && stored.etag !== eTag) throw new StorageConflictError(key);
        }
        this.upsertItem.run(key, value, randomUUID(), Date.now());
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    this.assertOpen();
    this.inTransaction(() => {
      for (const key of keys) this.deleteItem.run(key);
    });
    this.forgetDeleted();
  }

  /**
   * Deletes the items whose keys match and that were last written before `cutoff` (ms since the epoch);
   * returns how many. Used by the expiry sweep for conversation state nobody has touched for a while.
   */
  async deleteOlderThan(cutoff: number, keyPattern: RegExp): Promise<number> {
    this.assertOpen();
    const rows = this.db.prepare('SELECT key FROM store_items WHERE updated_at < ?').all(cutoff) as { key: string }[];
    const keys = rows.map((r) => r.key).filter((key) => keyPattern.test(key));
    if (keys.length > 0) await this.delete(keys);
    return keys.length;
  }

  /**
   * Moves the write-ahead log into the database and empties it, so deleted text does not stay in the WAL
   * (with secure_delete, the pages it leaves in the main file are zeroed).
   */
  private forgetDeleted(): void {
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE);');
  }

  async ping(): Promise<void> {
    this.assertOpen();
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /**
   * Runs `work` in one transaction. IMMEDIATE takes the write lock before the eTag check, so another process
   * on the same file cannot change an item between our check and our write.
   */
  private inTransaction(work: () => void): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new Error(`Storage: the sqlite store at "${this.filePath}" is closed; open a new one to use it again.`);
    }
  }
}

/** Creates the file with mode 0600 if it is new, and makes an existing one (and its WAL files) 0600. */
function ownerOnly(filePath: string): void {
  if (!existsSync(filePath)) closeSync(openSync(filePath, 'a', 0o600));
  for (const file of [filePath, `${filePath}-wal`, `${filePath}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}
