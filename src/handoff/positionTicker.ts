/**
 * Tells waiting users their new position and wait when it changes — at most once per
 * HANDOFF_POSITION_UPDATE_SECONDS (30 by default), so a busy queue does not flood a child with messages.
 * What each user was last told is kept in their session, so a restart neither repeats nor skips an update,
 * and the eTag on that change lets only one instance send it.
 */
import { HandoffRefusal } from './handoffStore';
import type { HandoffHub } from './handoffHub';
import { queued } from './queueOrder';

export class PositionTicker {
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(private readonly hub: HandoffHub) {}

  start(): void {
    const everyMs = Math.min(5000, this.hub.deps.settings.positionUpdateSeconds * 1000);
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const minGap = this.hub.deps.settings.positionUpdateSeconds * 1000;
      const waiting = queued(await this.hub.deps.store.openSessions()).filter((s) => s.mode === 'console');
      for (const [index, session] of waiting.entries()) {
        const position = index + 1;
        const now = this.hub.now();
        if (session.told?.position === position || (session.told && now - session.told.at < minGap)) continue;
        try {
          await this.hub.deps.store.updateSession(session.id, (s) => {
            if (s.status !== 'queued' || s.told?.at !== session.told?.at) throw new HandoffRefusal('Moved', 'changed meanwhile');
            s.told = { position, at: now };
          });
        } catch (error) {
          if (error instanceof HandoffRefusal) continue;
          throw error;
        }
        const { minutes } = await this.hub.place(session.id);
        const told = await this.hub.tellUser(session, (ctx) => this.hub.deps.notices.position(ctx, session.context.language, 'queue.update', position, minutes));
        const conversationId = session.reference.conversation?.id;
        const link = conversationId ? await this.hub.deps.store.link(conversationId) : undefined;
        if (told && link?.stage === 'queued') await this.hub.deps.store.setLink(conversationId!, { ...link, awaitingChoice: true });
      }
    } catch {
      // The next tick tries again; the store's own errors are reported by the requests that use it.
    } finally {
      this.running = false;
    }
  }
}
