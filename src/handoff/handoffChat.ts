/**
 * The live chat: messages both ways, typing, and delivery. A worker's message is stored first (once per
 * idempotency key), then sent to the user in order, one session at a time; the worker sees it as delivered,
 * or as not delivered when the user's channel refused it (the user went away) — never silently lost. Pending
 * messages are sent again after a restart (`resume`). With N instances (REDIS_URL) the delivery is a job on a
 * shared queue that any instance may run (`useOutbox`); if that queue is unreachable, this instance delivers.
 * One that could not reach the user (they were away, or the resend ran before their channel was back) goes out
 * when the user next writes, once.
 */
import type { HandoffHub } from './handoffHub';
import { HandoffRefusal } from './handoffStore';
import type { ChatMessage, HandoffSession, WorkerRef } from './handoffTypes';
import type { Deliverer, DeliveryQueue } from './scaleOut';

/** The longest message a worker may send; as long as what a user may send. */
export const MAX_WORKER_TEXT = 4000;

export class HandoffChat implements Deliverer {
  /** One promise chain per session keeps deliveries in order within this process. */
  private readonly chains = new Map<string, Promise<void>>();

  private outbox?: DeliveryQueue;

  constructor(private readonly hub: HandoffHub) {}

  /** Deliveries go through a queue shared by the instances (N instances); without one, through this process. */
  useOutbox(outbox: DeliveryQueue): void {
    this.outbox = outbox;
  }

  private get deps() {
    return this.hub.deps;
  }

  /** A user's message while a worker has the conversation; the activity id makes a redelivery a no-op. */
  async fromUser(sessionId: string, key: string, text: string, danger: boolean): Promise<void> {
    const { message, duplicate } = await this.deps.store.appendMessage(sessionId, { key, from: 'user', text, at: this.hub.now(), ...(danger ? { danger } : {}) });
    if (!duplicate) {
      this.deps.events.emit('message', sessionId, message);
      this.resendFailed(sessionId);
    }
  }

  async fromWorker(sessionId: string, worker: WorkerRef, key: string, text: string): Promise<ChatMessage> {
    const session = await this.activeFor(sessionId, worker);
    const { message, duplicate } = await this.deps.store.appendMessage(sessionId, { key, from: 'worker', text, at: this.hub.now(), delivery: 'pending' });
    if (!duplicate) {
      this.deps.events.emit('message', sessionId, message);
      this.schedule(session);
    }
    return message;
  }

  async workerTyping(sessionId: string, worker: WorkerRef): Promise<void> {
    const session = await this.activeFor(sessionId, worker);
    await this.hub.tellUser(session, async (ctx) => {
      await ctx.sendActivity({ type: 'typing' });
    });
  }

  /** After a restart: sends what was accepted from workers but not yet delivered. */
  async resume(): Promise<void> {
    for (const session of await this.deps.store.openSessions()) if (session.status === 'active') this.schedule(session);
  }

  /** Resolves when every delivery scheduled so far has finished (tests and shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  /** Delivers the session's pending worker messages from this process, after any delivery already under way here. */
  deliver(sessionId: string, known?: HandoffSession): Promise<void> {
    return this.enqueue(sessionId, async () => {
      const session = known ?? (await this.deps.store.session(sessionId));
      if (session) await this.deliverPending(session);
    });
  }

  /**
   * The user is reachable again (they just wrote): worker messages flagged not delivered go back to pending —
   * so a restart during the resend still finds them — and are sent in order, after anything already queued.
   */
  private resendFailed(sessionId: string): void {
    void this.enqueue(sessionId, async () => {
      const failed = (await this.deps.store.messages(sessionId)).filter((m) => m.from === 'worker' && m.delivery === 'failed');
      if (failed.length === 0) return;
      const session = await this.deps.store.session(sessionId);
      if (session?.status !== 'active') return;
      for (const message of failed) {
        await this.deps.store.setDelivery(sessionId, message.seq, 'pending');
        this.deps.events.emit('delivery', sessionId, message.seq, 'pending');
      }
      // In this same link of the chain when this process delivers, so idle() waits for the resend too.
      if (this.outbox) this.schedule(session);
      else await this.deliverPending(session);
    });
  }

  private enqueue(sessionId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.chains.get(sessionId) ?? Promise.resolve();
    const next = previous.then(work).catch(() => undefined);
    this.chains.set(sessionId, next);
    void next.then(() => {
      if (this.chains.get(sessionId) === next) this.chains.delete(sessionId);
    });
    return next;
  }

  private schedule(session: HandoffSession): void {
    if (!this.outbox) {
      void this.deliver(session.id, session);
      return;
    }
    // The shared queue is down (Redis away): the user still gets the message, from here.
    this.outbox.add(session.id).catch(() => this.deliver(session.id, session));
  }

  private async deliverPending(session: HandoffSession): Promise<void> {
    const pending = (await this.deps.store.messages(session.id)).filter((m) => m.from === 'worker' && m.delivery === 'pending');
    for (const message of pending) {
      const sent = await this.hub.tellUser(session, (ctx) => this.deps.notices.workerMessage(ctx, session, message.text, message.key));
      const delivery = sent ? 'delivered' : 'failed';
      await this.deps.store.setDelivery(session.id, message.seq, delivery);
      this.deps.events.emit('delivery', session.id, message.seq, delivery);
    }
  }

  private async activeFor(sessionId: string, worker: WorkerRef): Promise<HandoffSession> {
    const session = await this.deps.store.session(sessionId);
    if (session?.status === 'ended' && session.endedBy === 'user') throw new HandoffRefusal('UserLeft', 'The user has left the chat: this message was not delivered.');
    if (!session || session.status !== 'active') throw new HandoffRefusal('NotActive', 'This conversation is not in a live chat (it is waiting, or it ended).');
    if (session.worker?.username !== worker.username) throw new HandoffRefusal('NotYours', 'Another worker has this conversation.');
    return session;
  }
}
