/**
 * The conversations this process knows, each with a bounded history and its open streams. Everything is in
 * memory on purpose: the stand-in serves one developer machine, and Beacon keeps nothing longer than needed
 * (DESIGN.md rule 8) — history is capped, idle conversations are forgotten, and the least recently active one
 * is evicted when the table is full. A conversation with an open stream is not idle: a person may be waiting
 * there for a helpline worker's proactive reply.
 */
import { randomBytes } from 'node:crypto';
import { ActivityHistory, type ActivityPage, type DirectLineActivity } from './activityHistory';
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

export class ConversationStore {
  /** Map order is "least recently active first": `touch` moves a conversation to the end. */
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number = Date.now
  ) {}

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
    while (this.conversations.size >= this.limits.maxConversations) this.evictOne();
    const user = { ...(spec.user ?? { id: `dl_${id}` }), role: 'user' };
    const conversation: Conversation = {
      id, user, locale: spec.locale, started: false, lastActiveAt: this.now(), listeners: new Set(),
      history: new ActivityHistory(id, this.limits.maxActivitiesPerConversation, spec.revived ? this.now() : 0)
    };
    if (spec.revived) conversation.started = true;
    this.conversations.set(id, conversation);
    return conversation;
  }

  /**
   * A conversation this process no longer knows but a valid token names (a restart, or eviction): it comes
   * back empty — the bot's own store has its place and any live chat — already started (no second greeting),
   * and with sequence numbers above any watermark the client kept, so the client takes what comes next.
   */
  revive(id: string, userId: string | undefined): Conversation {
    return this.create({ id, user: { id: userId ?? `dl_${id}` }, revived: true });
  }

  get(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  /** Marks the conversation as used now, which keeps it from expiring and from eviction. */
  touch(conversation: Conversation): void {
    conversation.lastActiveAt = this.now();
    if (this.conversations.get(conversation.id) !== conversation) return;
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  /** Records an activity in history with the next id and watermark, and pushes it to open streams. */
  append(conversation: Conversation, activity: Omit<DirectLineActivity, 'id'>): DirectLineActivity {
    return this.deliver(conversation, conversation.history.append(activity));
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
    return page && this.deliver(conversation, page);
  }

  subscribe(conversation: Conversation, listener: Listener): () => void {
    conversation.listeners.add(listener);
    this.touch(conversation);
    return () => {
      conversation.listeners.delete(listener);
      conversation.lastActiveAt = this.now();
    };
  }

  /** Forgets conversations with no open stream and no traffic for longer than the limit; returns how many. */
  sweep(): number {
    const cutoff = this.now() - this.limits.idleTimeoutSeconds * 1000;
    const idle = [...this.conversations.values()].filter((c) => c.listeners.size === 0 && c.lastActiveAt <= cutoff);
    for (const conversation of idle) this.end(conversation.id);
    return idle.length;
  }

  /** Forgets one conversation, history included, and tells its streams it ended. */
  end(id: string): void {
    const conversation = this.conversations.get(id);
    if (!conversation) return;
    this.conversations.delete(id);
    conversation.history.clear();
    this.emit(conversation, { kind: 'ended' });
    conversation.listeners.clear();
  }

  clear(): void {
    for (const id of [...this.conversations.keys()]) this.end(id);
  }

  private deliver(conversation: Conversation, page: ActivityPage & { activity: DirectLineActivity }): DirectLineActivity {
    this.touch(conversation);
    this.emit(conversation, { kind: 'activities', activities: page.activities, watermark: page.watermark });
    return page.activity;
  }

  /** Evicts the least recently active conversation without an open stream, or the oldest if all have one. */
  private evictOne(): void {
    const values = [...this.conversations.values()];
    const victim = values.find((c) => c.listeners.size === 0) ?? values[0];
    if (victim) this.end(victim.id);
  }

  private emit(conversation: Conversation, event: StreamEvent): void {
    for (const listener of [...conversation.listeners]) listener(event);
  }
}
