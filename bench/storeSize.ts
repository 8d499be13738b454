/**
 * What Beacon's SQLite file holds, read with node:sqlite after Beacon has stopped (so the WAL is checkpointed):
 * the pages of the store table and its key index (the `dbstat` table), and the bytes of the rows of each kind
 * of benchmark conversation. Keys are `<channel>/conversations/<id>` and `<channel>/users/user-<id>`, and the
 * ids carry the workload's name, so rows can be told apart.
 */
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

export interface StoreSize {
  /** Bytes of the pages of the store table and its index. */
  tablePageBytes: number;
  /** Bytes of row data in those pages (the rest is B-tree overhead and free space). */
  tablePayloadBytes: number;
  /** Row bytes (key + value + eTag + timestamp) per realistic (walked) conversation, both state scopes. */
  rowBytesPerRealisticConversation: number;
  /** The same, scaled by the table's pages-to-payload ratio: what one walked conversation costs on disk. */
  diskBytesPerRealisticConversation: number;
  /** Row bytes per single-turn conversation (the welcome only). */
  rowBytesPerSingleConversation: number;
  conversations: number;
}

export function measureStore(sqliteFile: string): StoreSize {
  if (!existsSync(sqliteFile)) throw new Error(`The store file ${sqliteFile} does not exist.`);
  const db = new DatabaseSync(sqliteFile, { readOnly: true });
  try {
    const pages = db
      .prepare(`SELECT sum(pgsize) AS pages, sum(payload) AS payload FROM dbstat WHERE name IN ('store_items', 'sqlite_autoindex_store_items_1')`)
      .get() as { pages: number; payload: number };
    const kind = (pattern: string) =>
      db
        .prepare(
          `SELECT sum(length(CAST(key AS BLOB)) + length(CAST(value AS BLOB)) + length(etag) + 8) AS bytes,
                  sum(key LIKE '%/conversations/%') AS conversations
           FROM store_items WHERE key LIKE ?`
        )
        .get(pattern) as { bytes: number | null; conversations: number | null };
    const walked = [kind('%-youth-%'), kind('%-parent-%')];
    const walkedBytes = walked.reduce((sum, k) => sum + (k.bytes ?? 0), 0);
    const walkedCount = walked.reduce((sum, k) => sum + (k.conversations ?? 0), 0);
    const single = kind('%-single-%');
    const all = db.prepare(`SELECT count(*) AS n FROM store_items WHERE key LIKE '%/conversations/%'`).get() as { n: number };
    const rowBytes = walkedCount ? walkedBytes / walkedCount : Number.NaN;
    return {
      tablePageBytes: pages.pages,
      tablePayloadBytes: pages.payload,
      rowBytesPerRealisticConversation: rowBytes,
      diskBytesPerRealisticConversation: rowBytes * (pages.pages / pages.payload),
      rowBytesPerSingleConversation: single.conversations ? (single.bytes ?? 0) / single.conversations : Number.NaN,
      conversations: all.n
    };
  } finally {
    db.close();
  }
}
