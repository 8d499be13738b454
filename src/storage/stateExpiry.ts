/**
 * Conversation and user state is kept only while a conversation is in use (DESIGN.md rule 8): a sweep deletes
 * the botbuilder state items (`<channel>/conversations/<id>`, `<channel>/users/<id>`) that nobody has written
 * for STATE_TTL_DAYS. Handoff items have their own retention (HANDOFF_RETENTION_DAYS) and secrets never expire.
 * The sweep runs at start and then every hour, off the turn path; a store that cannot tell an item's age
 * (one without `deleteOlderThan`) keeps its own expiry (Cosmos DB TTL, Blob lifecycle rules).
 */
import type { Logger } from '../logging/logger';
import type { BeaconStorage } from './beaconStorage';

/** botbuilder's ConversationState and UserState keys. */
export const STATE_KEY = /^[^/]+\/(conversations|users)\/[^/]/;
const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** A store that can delete what was last written before a time. */
export interface ExpiringStorage extends BeaconStorage {
  deleteOlderThan(cutoff: number, keyPattern: RegExp): Promise<number>;
}

export function canExpire(storage: BeaconStorage): storage is ExpiringStorage {
  return typeof (storage as Partial<ExpiringStorage>).deleteOlderThan === 'function';
}

/** Deletes state older than `ttlDays` now; returns how many items went. */
export async function sweepState(storage: BeaconStorage, ttlDays: number, now = Date.now()): Promise<number> {
  if (!canExpire(storage)) return 0;
  return storage.deleteOlderThan(now - ttlDays * DAY_MS, STATE_KEY);
}

/** Sweeps at once and every hour until the returned function is called (at shutdown). */
export function startStateExpiry(storage: BeaconStorage, ttlDays: number, logger: Logger): () => void {
  const sweep = () => {
    sweepState(storage, ttlDays).then(
      (deleted) => {
        if (deleted > 0) logger.info({ event: 'state_expired', deleted });
      },
      (error: unknown) => logger.warn({ event: 'state_expiry_failed', err: error instanceof Error ? error.message : String(error) })
    );
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
