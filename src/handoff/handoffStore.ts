/**
 * The handoff hub's data on any BeaconStorage. Every change is a read–modify–write guarded by the item's eTag
 * and retried on conflict, so two instances (or two workers) changing one item never lose an update, and a
 * change that must happen once (an accept) can refuse when the item moved under it. Keys:
 *   handoff/index                    ids of open sessions (the store cannot list keys)
 *   handoff/session/<id>             one HandoffSession
 *   handoff/messages/<id>            its chat messages, in order
 *   handoff/link/<conversationId>    the user's conversation → session and stage
 */
import type { StoreItem } from 'botbuilder';
import { StorageConflictError, type BeaconStorage } from '../storage/beaconStorage';
import type { ChatMessage, ConversationLink, HandoffSession } from './handoffTypes';

const MAX_ATTEMPTS = 8;

/** Thrown by an update function to refuse a change (e.g. a session already accepted by someone else). */
export class HandoffRefusal extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'HandoffRefusal';
  }
}

export class HandoffStore {
  constructor(private readonly storage: BeaconStorage) {}

  async session(id: string): Promise<HandoffSession | undefined> {
    return this.get<HandoffSession>(`handoff/session/${id}`);
  }

  /** Changes a session with `change` (which may throw HandoffRefusal); retried on eTag conflicts. */
  updateSession(id: string, change: (s: HandoffSession) => void): Promise<HandoffSession> {
    return this.update<HandoffSession>(`handoff/session/${id}`, (s) => {
      if (!s) throw new HandoffRefusal('NotFound', 'This conversation is not in the handoff hub (it ended or never existed).');
      change(s);
      return s;
    });
  }

  /** Creates the shared items before anyone changes them concurrently (see `update`). */
  async init(): Promise<void> {
    for (const key of ['handoff/index', 'handoff/retained']) {
      if (!(await this.storage.read([key]))[key]) await this.storage.write({ [key]: { ids: [] } });
    }
  }

  async createSession(session: HandoffSession): Promise<void> {
    await this.storage.write({ [`handoff/session/${session.id}`]: { ...session }, [`handoff/messages/${session.id}`]: { items: [] } });
    await this.update<{ ids: string[] }>('handoff/index', (index) => ({ ids: [...new Set([...(index?.ids ?? []), session.id])] }));
  }

  async openSessions(): Promise<HandoffSession[]> {
    const ids = (await this.get<{ ids: string[] }>('handoff/index'))?.ids ?? [];
    if (ids.length === 0) return [];
    const items = await this.storage.read(ids.map((id) => `handoff/session/${id}`));
    return ids.map((id) => items[`handoff/session/${id}`] as HandoffSession | undefined).filter((s): s is HandoffSession => !!s);
  }

  /** Removes an ended session from the open list; deletes it and its messages unless it is kept for retention. */
  async close(session: HandoffSession): Promise<void> {
    await this.update<{ ids: string[] }>('handoff/index', (index) => ({ ids: (index?.ids ?? []).filter((id) => id !== session.id) }));
    if (session.keepUntil === undefined) await this.storage.delete([`handoff/session/${session.id}`, `handoff/messages/${session.id}`]);
    else await this.update<{ ids: string[] }>('handoff/retained', (r) => ({ ids: [...new Set([...(r?.ids ?? []), session.id])] }));
  }

  /** Deletes retained sessions whose retention period is over. */
  async purgeExpired(now: number): Promise<number> {
    const ids = (await this.get<{ ids: string[] }>('handoff/retained'))?.ids ?? [];
    const expired: string[] = [];
    for (const id of ids) {
      const s = await this.session(id);
      if (!s || (s.keepUntil ?? 0) <= now) expired.push(id);
    }
    if (expired.length === 0) return 0;
    await this.storage.delete(expired.flatMap((id) => [`handoff/session/${id}`, `handoff/messages/${id}`]));
    await this.update<{ ids: string[] }>('handoff/retained', (r) => ({ ids: (r?.ids ?? []).filter((id) => !expired.includes(id)) }));
    return expired.length;
  }

  async messages(sessionId: string): Promise<ChatMessage[]> {
    return (await this.get<{ items: ChatMessage[] }>(`handoff/messages/${sessionId}`))?.items ?? [];
  }

  /** Appends a message once per key: a retried post with the same key returns the first one, not a copy. */
  async appendMessage(sessionId: string, message: Omit<ChatMessage, 'seq'>): Promise<{ message: ChatMessage; duplicate: boolean }> {
    let result: { message: ChatMessage; duplicate: boolean } | undefined;
    await this.update<{ items: ChatMessage[] }>(`handoff/messages/${sessionId}`, (box) => {
      const items = box?.items ?? [];
      const existing = items.find((m) => m.key === message.key && m.from === message.from);
      if (existing) result = { message: existing, duplicate: true };
      else items.push((result = { message: { ...message, seq: items.length + 1 }, duplicate: false }).message);
      return { items };
    });
    return result!;
  }

  async setDelivery(sessionId: string, seq: number, delivery: ChatMessage['delivery']): Promise<void> {
    await this.update<{ items: ChatMessage[] }>(`handoff/messages/${sessionId}`, (box) => {
      const found = box?.items.find((m) => m.seq === seq);
      if (found) found.delivery = delivery;
      return { items: box?.items ?? [] };
    });
  }

  async link(conversationId: string): Promise<ConversationLink | undefined> {
    return this.get<ConversationLink>(`handoff/link/${conversationId}`);
  }

  async setLink(conversationId: string, link: ConversationLink | undefined): Promise<void> {
    if (link) await this.storage.write({ [`handoff/link/${conversationId}`]: { ...link } });
    else await this.storage.delete([`handoff/link/${conversationId}`]);
  }

  async remove(keys: string[]): Promise<void> {
    await this.storage.delete(keys);
  }

  /** Read–modify–write with the item's eTag; a conflict re-reads and tries again. */
  async update<T extends object>(key: string, change: (current: T | undefined) => T): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const current = (await this.storage.read([key]))[key] as (T & StoreItem) | undefined;
      const eTag = current?.eTag;
      const next = change(current ? stripETag(current) : undefined);
      try {
        // A new item is written unconditionally; items that are changed concurrently are created first
        // (the index by `init`, a session's messages with the session), so their changes always carry an eTag.
        await this.storage.write({ [key]: { ...next, eTag: eTag ?? '*' } });
        return next;
      } catch (error) {
        if (!(error instanceof StorageConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  async get<T>(key: string): Promise<T | undefined> {
    const item = (await this.storage.read([key]))[key] as (T & StoreItem) | undefined;
    return item ? stripETag(item) : undefined;
  }
}

function stripETag<T>(item: T & StoreItem): T {
  const copy = { ...item } as T & { eTag?: string };
  delete copy.eTag;
  return copy;
}
