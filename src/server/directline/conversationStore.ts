/**
 * The conversations of the local Direct Line, each with a bounded history and its open streams. They live in
 * memory while in use and, when an archive is given (Beacon's data store), also in the store, so that a restart
 * — even a kill — loses nothing a client or the bot was told had arrived: every change is written to the store
 * before it is shown to a client or acknowledged (one write for a burst of changes), and a conversation this
 * process does not know is looked up there first (`find`). Beacon keeps nothing longer than needed (DESIGN.md
 * rule 8): history is capped, idle conversations are forgotten in memory and in the store, the least recently
 * active one is unloaded when the table is full (it stays in the store), and when the bot says the user asked to
 * be forgotten ("stop") the history goes. A conversation with an open stream is not idle: a person may be
 * waiting there for a helpline worker's proactive reply.
 */
import { randomBytes } from 'node:crypto';
import { ActivityHistory, type ActivityPage, type DirectLineActivity } from './activityHistory';
import type { ConversationArchive, ConversationRecord } from './conversationArchive';
import type { DirectLineLimits } from './constants';

export type { DirectLineActivity };

export interface Account {
  id: string;
  name?: string;
  role?: string;
}

/** What a stream listener is told: new activities (with the watermark when they are kept in history), or the end. */
export type StreamEvent = { kind: 'activities'; activities: DirectLineActivity[]; watermark?: string } | { kind: 'ended' };
export type Listener = (event: StreamEvent) => void;

export interface Conversation {
  readonly id: string;
  readonly user: Account;
  /** The language the client asked for when it started; put on the conversationUpdate. */
  locale: string | undefined;
  readonly history: ActivityHistory;
  /** True once the bot has been told the conversation started (conversationUpdate), so it is told once. */
  started: boolean;
  lastActiveAt: number;
  readonly listeners: Set<Listener>;
}

export type StoreLimits = Pick<DirectLineLimits, 'maxConversations' | 'maxActivitiesPerConversation' | 'idleTimeoutSeconds'>;

export interface StoreOptions {
  now?: () => number;
  /** Where conversations are kept across restarts; without it they live in memory only. */
  archive?: ConversationArchive;
  /** Told when the archive fails (the conversation goes on from memory); never given message text. */
  onArchiveError?: (event: 'directline_archive_save_failed' | 'directline_archive_load_failed' | 'directline_archive_delete_failed', error: unknown) => void;
}

/** How far a conversation's record has been written. */
interface Saving {
  wanted: number;
  saved: number;
  savedAt: number;
  forgotten: boolean;
}

export class ConversationStore {
  /** Map order is "least recently active first": `touch` moves a conversation to the end. */
  private readonly conversations = new Map<string, Conversation>();
  /** One chain of archive work per conversation id, so writes and deletes happen in order. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly saving = new WeakMap<Conversation, Saving>();
  private readonly loading = new Map<string, Promise<Conversation | undefined>>();
  private readonly now: () => number;
  private readonly archive?: ConversationArchive;

  private readonly onArchiveError: NonNullable<StoreOptions['onArchiveError']>;

  constructor(
    private readonly limits: StoreLimits,
    options: StoreOptions = {}
  ) {
    this.now = options.now ?? Date.now;
    this.archive = options.archive;
    this.onArchiveError = options.onArchiveError ?? (() => undefined);
  }

  get size(): number {
    return this.conversations.size;
  }

  /**
   * A new conversation. An unnamed user gets an id derived from the conversation's, so that after a restart the
   * revived conversation (see `revive`) is the same user to the bot: their language and country are kept.
   */
  create(spec: { id?: string; user?: Account; locale?: string; revived?: boolean } = {}): Conversation {
    const id = spec.id ?? randomBytes(16).toString('base64url');
    this.end(id);
    const user = { ...(spec.user ?? { id: `dl_${id}` }), role: 'user' };
    const conversation: Conversation = {
      id, user, locale: spec.locale, started: spec.revived === true, lastActiveAt: this.now(), listeners: new Set(),
      history: new ActivityHistory(id, this.limits.maxActivitiesPerConversation, spec.revived ? this.now() : 0)
    };
    this.insert(conversation);
    void this.changed(conversation);
    return conversation;
  }

  /**
   * A conversation this process does not hold but a valid token or the bot names (a restart, or eviction): the
   * one in the archive if it is there, history and all. Otherwise it comes back empty — the bot's own store has
   * its place and any live chat — already started (no second greeting), and with sequence numbers above any
   * watermark the client kept, so the client takes what comes next.
   */
  async revive(id: string, userId: string | undefined): Promise<Conversation> {
    const found = await this.find(id);
    return found ?? this.conversations.get(id) ?? this.create({ id, user: { id: userId ?? `dl_${id}` }, revived: true });
  }

  /** The conversation in memory, if this process holds it. */
  get(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  /** The conversation in memory, or else in the archive (loaded into memory); undefined if neither has it. */
  find(id: string): Promise<Conversation | undefined> {
    const known = this.conversations.get(id);
    if (known || !this.archive) return Promise.resolve(known);
    let loading = this.loading.get(id);
    if (!loading) {
      loading = this.load(id, this.archive);
      this.loading.set(id, loading);
      void loading.finally(() => this.loading.delete(id));
    }
    return loading;
  }

  /** Marks the conversation as used now, which keeps it from expiring and from eviction. */
  touch(conversation: Conversation): void {
    conversation.lastActiveAt = this.now();
    if (this.conversations.get(conversation.id) !== conversation) return;
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Records that the bot was told the conversation started (in the language given). */
  markStarted(conversation: Conversation): void {
    conversation.started = true;
    void this.changed(conversation);
  }

  /**
   * Records an activity with the next id and watermark; it reaches open streams (and GET) once it is kept.
   * `kept(conversation)` resolves when it is.
   */
  append(conversation: Conversation, activity: Omit<DirectLineActivity, 'id'>): DirectLineActivity {
    const { activity: stored } = conversation.history.append(activity);
    this.touch(conversation);
    void this.changed(conversation);
    return stored;
  }

  /** Pushes an activity to open streams only: Direct Line delivers typing over WebSocket, never from GET. */
  publishEphemeral(conversation: Conversation, activity: Omit<DirectLineActivity, 'id'>): DirectLineActivity {
    const sent = { ...activity, id: conversation.history.ephemeralId() } as DirectLineActivity;
    this.touch(conversation);
    this.emit(conversation, { kind: 'activities', activities: [sent] });
    return sent;
  }

  /** Replaces a kept activity (same id) and pushes the new version; undefined when it is not in history. */
  replace(conversation: Conversation, activityId: string, activity: Record<string, unknown>): DirectLineActivity | undefined {
    const page = conversation.history.replace(activityId, activity);
    if (!page) return undefined;
    this.touch(conversation);
    void this.changed(conversation);
    return page.activity;
  }

  /** Removes a kept activity; false when it is not in history. */
  remove(conversation: Conversation, activityId: string): boolean {
    if (!conversation.history.remove(activityId)) return false;
    this.touch(conversation);
    void this.changed(conversation);
    return true;
  }

  /**
   * The user asked to be forgotten: the history shown so far goes, from memory and from the archive (deleted,
   * so no copy of it stays in the store's files), and the conversation goes on with what comes next.
   */
  forgetHistory(conversation: Conversation): void {
    conversation.history.clear();
    if (this.archive) {
      const archive = this.archive;
      void this.schedule(conversation.id, () => this.deleteRecord(archive, conversation.id));
    }
    void this.changed(conversation);
  }

  /** Resolves once every change made so far to this conversation is kept (and shown to its streams). */
  kept(conversation: Conversation): Promise<void> {
    return this.chains.get(conversation.id) ?? Promise.resolve();
  }

  subscribe(conversation: Conversation, listener: Listener): () => void {
    conversation.listeners.add(listener);
    this.touch(conversation);
    return () => {
      conversation.listeners.delete(listener);
      conversation.lastActiveAt = this.now();
    };
  }

  /**
   * Forgets conversations with no open stream and no traffic for longer than the limit, and the archive's
   * records as old as that which no one loaded again; returns how many conversations this process forgot.
   * A conversation with an open stream has its record written again before it could look expired.
   */
  async sweep(): Promise<number> {
    const idleMs = this.limits.idleTimeoutSeconds * 1000;
    const cutoff = this.now() - idleMs;
    const values = [...this.conversations.values()];
    const idle = values.filter((c) => c.listeners.size === 0 && c.lastActiveAt <= cutoff);
    for (const conversation of idle) this.end(conversation.id, 'forget');
    if (this.archive) {
      const refresh = values.filter((c) => c.listeners.size > 0 && (this.saving.get(c)?.savedAt ?? 0) <= this.now() - idleMs / 2);
      await Promise.all(refresh.map((c) => this.changed(c, true)));
      await this.archive.expire(cutoff).catch((error: unknown) => this.onArchiveError('directline_archive_delete_failed', error));
    }
    return idle.length;
  }

  /**
   * Takes a conversation out of memory and tells its streams it ended. `forget` deletes it from the archive too
   * (idle expiry); `unload` leaves the archive's copy for a later `find` (a full table, shutdown, a new start).
   */
  end(id: string, how: 'forget' | 'unload' = 'unload'): void {
    const conversation = this.conversations.get(id);
    if (conversation) {
      this.conversations.delete(id);
      this.emit(conversation, { kind: 'ended' });
      conversation.listeners.clear();
    }
    if (how === 'forget') {
      if (conversation) this.savingOf(conversation).forgotten = true;
      conversation?.history.clear();
      const archive = this.archive;
      if (archive) void this.schedule(id, () => this.deleteRecord(archive, id));
    }
  }

  /** Finishes the archive work under way (shutdown, before `clear`). */
  async flush(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  /** Takes every conversation out of memory; what the archive holds stays there. */
  clear(): void {
    for (const id of [...this.conversations.keys()]) this.end(id);
  }

  private insert(conversation: Conversation): Conversation {
    while (this.conversations.size >= this.limits.maxConversations) this.evictOne();
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  private async load(id: string, archive: ConversationArchive): Promise<Conversation | undefined> {
    // A copy unloaded a moment ago may still be on its way into the archive.
    await this.chains.get(id);
    let record: ConversationRecord | undefined;
    try {
      record = await archive.load(id);
    } catch (error) {
      this.onArchiveError('directline_archive_load_failed', error);
    }
    const known = this.conversations.get(id);
    if (known || !record) return known;
    if (record.savedAt <= this.now() - this.limits.idleTimeoutSeconds * 1000) {
      void this.schedule(id, () => this.deleteRecord(archive, id));
      return undefined;
    }
    const conversation: Conversation = {
      id, user: { ...record.user, role: 'user' }, locale: record.locale, started: record.started, lastActiveAt: this.now(), listeners: new Set(),
      history: ActivityHistory.restore(id, this.limits.maxActivitiesPerConversation, record)
    };
    this.saving.set(conversation, { wanted: 0, saved: 0, savedAt: record.savedAt, forgotten: false });
    return this.insert(conversation);
  }

  /**
   * A change to keep: one write covers every change made before it starts; what it covers is then shown to the
   * streams. Without an archive it is shown at once. A failed write is logged and the change shown anyway: the
   * person in the chat comes first.
   */
  private changed(conversation: Conversation, refresh = false): Promise<void> {
    const archive = this.archive;
    if (!archive) {
      this.publish(conversation);
      return Promise.resolve();
    }
    const saving = this.savingOf(conversation);
    const target = ++saving.wanted;
    return this.schedule(conversation.id, async () => {
      if (saving.forgotten || (saving.saved >= target && !refresh)) return;
      const version = saving.wanted;
      const record = this.recordOf(conversation);
      try {
        await archive.save(record);
        saving.savedAt = record.savedAt;
      } catch (error) {
        this.onArchiveError('directline_archive_save_failed', error);
      }
      saving.saved = Math.max(saving.saved, version);
      this.publish(conversation, record.lastSeq);
    });
  }

  private recordOf(conversation: Conversation): ConversationRecord {
    const { lastSeq, entries } = conversation.history.snapshot();
    const user = conversation.user.name ? { id: conversation.user.id, name: conversation.user.name } : { id: conversation.user.id };
    return {
      id: conversation.id, user, started: conversation.started, lastSeq, entries, savedAt: this.now(),
      ...(conversation.locale ? { locale: conversation.locale } : {})
    };
  }

  private publish(conversation: Conversation, upTo?: number): void {
    const page: ActivityPage | undefined = conversation.history.publish(upTo);
    if (page && page.activities.length > 0) this.emit(conversation, { kind: 'activities', ...page });
  }

  private async deleteRecord(archive: ConversationArchive, id: string): Promise<void> {
    await archive.delete(id).catch((error: unknown) => this.onArchiveError('directline_archive_delete_failed', error));
  }

  private savingOf(conversation: Conversation): Saving {
    let saving = this.saving.get(conversation);
    if (!saving) {
      saving = { wanted: 0, saved: 0, savedAt: 0, forgotten: false };
      this.saving.set(conversation, saving);
    }
    return saving;
  }

  private schedule(id: string, work: () => Promise<void>): Promise<void> {
    const next = (this.chains.get(id) ?? Promise.resolve()).then(work).catch(() => undefined);
    this.chains.set(id, next);
    void next.then(() => {
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
    return next;
  }

  /** Unloads the least recently active conversation without an open stream, or the oldest if all have one. */
  private evictOne(): void {
    const values = [...this.conversations.values()];
    const victim = values.find((c) => c.listeners.size === 0) ?? values[0];
    if (victim) this.end(victim.id, this.archive ? 'unload' : 'forget');
  }

  private emit(conversation: Conversation, event: StreamEvent): void {
    for (const listener of [...conversation.listeners]) listener(event);
  }
}
