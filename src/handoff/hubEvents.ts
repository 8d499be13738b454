/**
 * What the hub tells the console as it happens, in process (DESIGN.md §6: Redis pub/sub when scaled out).
 * Events carry ids and the messages a worker may see; the console stream filters them per worker.
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

export class HubEvents extends EventEmitter<HubEventMap> {
  constructor() {
    super();
    // One listener per open console; many workers may be on duty.
    this.setMaxListeners(0);
  }
}
