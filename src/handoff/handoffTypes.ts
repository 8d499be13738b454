/**
 * What the handoff hub keeps in the store. A session is one request for a person, from consent to the end;
 * its messages are kept apart (one item per session) so that a message and an accept never fight over one eTag.
 * No field holds anything the user did not agree to share.
 */
import type { ConversationReference } from 'botbuilder';
import type { PreviousContact } from './previousContacts';

/** Urgent: the crisis check fired in this conversation; high: an abuse-related topic; normal: everything else. */
export type Risk = 'urgent' | 'high' | 'normal';
export const RISK_ORDER: Record<Risk, number> = { urgent: 0, high: 1, normal: 2 };

/** What the user agreed to share, shown to them word for word before they agreed. */
export interface SharedContext {
  country?: string;
  language: string;
  ageBand?: string;
  audience?: string;
  topic: string;
  risk: Risk;
  /** Titles of the topics the user went through, only when they said yes to sharing the conversation so far. */
  transcript?: string[];
  /**
   * The same user asked for a person before, within HANDOFF_PREVIOUS_CONTACT_DAYS: how often and, coarsely, when
   * (previousContacts.ts). Nothing of what was said then, and no notes.
   */
  previous?: PreviousContact;
}

export interface WorkerRef {
  username: string;
  name: string;
}

export type SessionStatus = 'queued' | 'active' | 'ended';
export type LeftReason = 'quick_exit' | 'closed' | 'cancelled';

export interface HandoffSession {
  id: string;
  status: SessionStatus;
  mode: 'console' | 'protocol';
  /** How to reach the user proactively; it names the channel conversation, never a person. */
  reference: Partial<ConversationReference>;
  context: SharedContext;
  queuedAt: number;
  acceptedAt?: number;
  worker?: WorkerRef;
  /** A transfer to one colleague: only they see it in their queue. */
  offeredTo?: string;
  endedAt?: number;
  endedBy?: 'user' | 'worker' | 'platform';
  /** How a user who ended it left: Quick Exit, a closed page that did not come back, or "stop"/cancel. */
  left?: LeftReason;
  /** The user's page said it closed; past the grace period without coming back they count as gone. */
  awaySince?: number;
  /** An accepted chat that ended waits for its worker's wrap-up (notes, categories, call type, outcome). */
  wrapUpDue?: boolean;
  /** The worker's private notes: kept until the wrap-up, deleted with the session (unless retention). */
  notes?: string;
  outcome?: string;
  /** Until when an ended session is kept (retention); absent: deleted when it ends. */
  keepUntil?: number;
  /** The last position the user was told, and when, so updates come at most every N seconds. */
  told?: { position: number; at: number };
}

export type Delivery = 'pending' | 'delivered' | 'failed';

export interface ChatMessage {
  seq: number;
  /** The idempotency key: the worker's client key, or the user's activity id. */
  key: string;
  from: 'user' | 'worker';
  text: string;
  at: number;
  /** Worker → user only: whether the user's channel took it. */
  delivery?: Delivery;
  /** User → worker only: the crisis check fired on this message. */
  danger?: boolean;
}

/** The user's conversation → the session and where the user is in it. */
export interface ConversationLink {
  sessionId?: string;
  stage: 'consent' | 'queued' | 'active' | 'feedback';
  /** Consent step: the context that will be shared, and which question is open. */
  pending?: { context: SharedContext; topics: string[]; question: 'share' | 'transcript' };
  /** The last thing the bot asked was the waiting choices, so a "1" means "keep waiting". */
  awaitingChoice?: boolean;
  workerName?: string;
}
