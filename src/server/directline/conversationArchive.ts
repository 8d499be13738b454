/**
 * Where the local Direct Line keeps its conversations across a restart (issue: a chat that survives a restart):
 * in Beacon's own data store, one item per conversation under `local-directline/<id>`, holding the user, the
 * language, whether the bot was told it started, and the bounded history with its sequence numbers. The item is
 * written before what it adds is shown to any client, deleted when the conversation is forgotten (idle expiry,
 * or the bot saying the user asked it to forget), and swept once it is older than the idle timeout even if this
 * process never loads it again (DESIGN.md rule 8).
 */
import type { BeaconStorage } from '../../storage/beaconStorage';
import { canExpire } from '../../storage/stateExpiry';
import type { HistoryEntry } from './activityHistory';

/** Everything needed to bring a conversation back as it was. */
export interface ConversationRecord {
  id: string;
  user: { id: string; name?: string };
  locale?: string;
  started: boolean;
  lastSeq: number;
  entries: HistoryEntry[];
  /** When the record was written (ms since the epoch); an old one is expired on load. */
  savedAt: number;
}

export interface ConversationArchive {
  load(id: string): Promise<ConversationRecord | undefined>;
  save(record: ConversationRecord): Promise<void>;
  delete(id: string): Promise<void>;
  /** Deletes records last written before `cutoff`; returns how many (0 for a store that expires on its own). */
  expire(cutoff: number): Promise<number>;
}

export const ARCHIVE_PREFIX = 'local-directline/';
const ARCHIVE_KEY = /^local-directline\//;

const keyOf = (id: string) => `${ARCHIVE_PREFIX}${id}`;

/** The archive in a Beacon store (SQLite on the local defaults, or whichever store is configured). */
export class StorageArchive implements ConversationArchive {
  constructor(private readonly storage: BeaconStorage) {}

  async load(id: string): Promise<ConversationRecord | undefined> {
    const item = (await this.storage.read([keyOf(id)]))[keyOf(id)] as Partial<ConversationRecord> | undefined;
    return item && isRecord(item, id) ? item : undefined;
  }

  async save(record: ConversationRecord): Promise<void> {
    await this.storage.write({ [keyOf(record.id)]: { ...record, eTag: '*' } });
  }

  async delete(id: string): Promise<void> {
    await this.storage.delete([keyOf(id)]);
  }

  async expire(cutoff: number): Promise<number> {
    return canExpire(this.storage) ? this.storage.deleteOlderThan(cutoff, ARCHIVE_KEY) : 0;
  }
}

/** A stored item is used only if it has the shape this version writes; anything else is treated as absent. */
function isRecord(item: Partial<ConversationRecord>, id: string): item is ConversationRecord {
  return (
    item.id === id &&
    typeof item.user?.id === 'string' &&
    typeof item.started === 'boolean' &&
    typeof item.lastSeq === 'number' && Number.isFinite(item.lastSeq) &&
    typeof item.savedAt === 'number' &&
    Array.isArray(item.entries) &&
    item.entries.every((e) => typeof e?.seq === 'number' && typeof e.activity?.id === 'string' && typeof e.activity.type === 'string')
  );
}
