/**
 * What the hub needs from its surroundings when it runs as N instances (REDIS_URL; src/hub/ builds it). In
 * one process none of it exists and the hub keeps today's behaviour: events stay in the process, deliveries run
 * on a promise chain here, and the store's eTags alone decide an accept.
 */
import type { HandoffStore } from './handoffStore';
import type { HubEvents } from './hubEvents';

/** Where worker messages wait to be delivered to the user, by whichever instance takes them. */
export interface DeliveryQueue {
  /** Asks for the session's pending worker messages to be delivered; rejects when the queue is unreachable. */
  add(sessionId: string): Promise<void>;
}

/** Lets one accept of a session go ahead at a time across instances. */
export interface SessionClaims {
  /** True when this accept may go ahead; false when another is under way. Rejects when it cannot be checked. */
  hold(sessionId: string): Promise<boolean>;
  release(sessionId: string): Promise<void>;
}

/** What the hub's chat offers to the queue's readers. */
export interface Deliverer {
  /** Delivers the session's pending worker messages from this instance, in order. */
  deliver(sessionId: string): Promise<void>;
  /** Asks again for every live chat's pending messages (after a restart, or Redis coming back). */
  resume(): Promise<void>;
}

export interface ScaleOut {
  claims: SessionClaims;
  /** Starts relaying events and reading the delivery queue; returns the queue the chat posts to. */
  start(parts: { events: HubEvents; chat: Deliverer; store: HandoffStore }): DeliveryQueue;
  stop(): Promise<void>;
}
