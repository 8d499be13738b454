/**
 * What the hub tells the console as it happens. In one process this emitter is all there is; with REDIS_URL
 * the hub's event relay (src/hub/) carries every event to the other instances through a Redis stream and
 * raises theirs here, marked `relayed` while they are emitted, so work that must happen once (a Teams post)
 * is done only by the instance where the event began. Events carry ids and the messages a worker may see; the
 * console stream filters them per worker.
 */
import { EventEmitter } from 'node:events';
import type { ChatMessage, Delivery, HandoffSession } from './handoffTypes';

export interface HubEventMap {
  /** The queue or a session changed (enqueued, accepted, transferred, ended, user left). */
  session: [session: HandoffSession];
  message: [sessionId: string, message: ChatMessage];
  delivery: [sessionId: string, seq: number, delivery: Delivery];
  userTyping: [sessionId: string];
}

export type HubEventName = keyof HubEventMap;
export const HUB_EVENT_NAMES: HubEventName[] = ['session', 'message', 'delivery', 'userTyping'];

export class HubEvents extends EventEmitter<HubEventMap> {
  private relaying = false;

  constructor() {
    super();
    // One listener per open console; many workers may be on duty.
    this.setMaxListeners(0);
  }

  /** True while an event that began on another instance is being emitted (listeners are called synchronously). */
  get relayed(): boolean {
    return this.relaying;
  }

  /** Raises another instance's event here. */
  emitRelayed<K extends HubEventName>(name: K, args: HubEventMap[K]): void {
    this.relaying = true;
    try {
      (this.emit as (n: string, ...a: unknown[]) => boolean)(name, ...args);
    } finally {
      this.relaying = false;
    }
  }
}
