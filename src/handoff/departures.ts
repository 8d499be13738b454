/**
 * A child who leaves is seen leaving. The widget reports Quick Exit (and a page that closes) with a small
 * `navigator.sendBeacon` that survives the navigation; it proves the conversation is its own with a leave key
 * the bot gave it over the conversation itself when it joined the queue (an HMAC of the conversation id, so
 * nothing is stored for it). Quick Exit ends the session at once as "user left (quick exit)"; a closed page
 * counts as gone once the grace period passes without the user coming back (a reload that continues the
 * chat, or any message, clears it).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { HandoffHub } from './handoffHub';
import { HandoffRefusal } from './handoffStore';

/** The widget's channels: the local Direct Line and Azure's Direct Line / Web Chat. */
const WIDGET_CHANNELS = new Set(['directline', 'webchat']);
export const LEAVE_KEY_EVENT = 'beacon.handoff.leaveKey';
export type Report = 'quick_exit' | 'closed' | 'back';

export class Departures {
  private timer?: NodeJS.Timeout;

  constructor(private readonly hub: HandoffHub, private readonly secret: Buffer, private readonly graceSeconds: number) {}

  key(conversationId: string): string {
    return createHmac('sha256', this.secret).update(`leave:${conversationId}`).digest('base64url');
  }

  /** Gives the widget its leave key, over the conversation (other channels have no Quick Exit). */
  async handOver(context: TurnContext): Promise<void> {
    if (!WIDGET_CHANNELS.has(context.activity.channelId)) return;
    await context.sendActivity({ type: 'event', name: LEAVE_KEY_EVENT, value: this.key(context.activity.conversation.id) });
  }

  /** What the widget reported; false when the key does not match (nothing happens then). */
  async report(conversationId: string, key: string, what: Report): Promise<boolean> {
    const expected = Buffer.from(this.key(conversationId));
    const given = Buffer.from(key);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    const link = await this.hub.deps.store.link(conversationId);
    if (!link?.sessionId || (link.stage !== 'queued' && link.stage !== 'active')) return true;
    if (what === 'quick_exit') await this.leave(link.sessionId, 'quick_exit');
    else await this.mark(link.sessionId, what === 'closed' ? this.hub.now() : undefined);
    return true;
  }

  /** The user is here (a message or typing): a closed page that came back is not gone. */
  async here(sessionId: string): Promise<void> {
    const session = await this.hub.deps.store.session(sessionId);
    if (session?.awaySince !== undefined) await this.mark(sessionId, undefined);
  }

  /** Ends the sessions whose page closed longer than the grace period ago. */
  async sweep(): Promise<void> {
    const cutoff = this.hub.now() - this.graceSeconds * 1000;
    for (const s of await this.hub.deps.store.openSessions()) {
      if (s.status !== 'ended' && s.awaySince !== undefined && s.awaySince <= cutoff) await this.leave(s.id, 'closed');
    }
  }

  start(everyMs = 5000): void {
    this.timer = setInterval(() => void this.sweep().catch(() => undefined), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async leave(sessionId: string, left: 'quick_exit' | 'closed'): Promise<void> {
    try {
      await this.hub.end(sessionId, 'user', 'user', { left });
    } catch (error) {
      if (!(error instanceof HandoffRefusal)) throw error; // already ended: nothing to do
    }
  }

  private async mark(sessionId: string, awaySince: number | undefined): Promise<void> {
    const session = await this.hub.deps.store.updateSession(sessionId, (s) => {
      if (awaySince === undefined) delete s.awaySince;
      else s.awaySince = awaySince;
    });
    this.hub.deps.events.emit('session', session);
  }
}
