/**
 * Delivers activities to the bot's endpoint (POST /api/messages), one at a time per conversation, the way a
 * channel does: the conversation start reaches the bot before the first message, and two quick messages do
 * not race each other through the bot's state. Each delivery has a deadline; a bot that answers non-2xx, is
 * unreachable or too slow gives a Direct Line error code instead of an exception. Nothing of the activity's
 * content is logged.
 */
import type { Logger } from 'pino';
import { hashId } from '../../logging/logger';

export type Delivery = { ok: true } | { ok: false; code: 'BotError' | 'BotTimeout' | 'BotNotAvailable'; status?: number };

export class BotForwarder {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly shutdown = new AbortController();

  constructor(
    private readonly endpoint: string,
    private readonly timeoutMs: number,
    private readonly logger: Logger
  ) {}

  /** Queues the activity behind earlier ones of the same conversation and resolves with the outcome. */
  deliver(conversationId: string, activity: Record<string, unknown> & { type: string }): Promise<Delivery> {
    const previous = this.queues.get(conversationId) ?? Promise.resolve();
    const next = previous.then(() => this.post(conversationId, activity));
    this.queues.set(conversationId, next);
    void next.finally(() => {
      if (this.queues.get(conversationId) === next) this.queues.delete(conversationId);
    });
    return next;
  }

  /** Aborts deliveries in flight; later ones fail at once with BotNotAvailable. */
  close(): void {
    this.shutdown.abort();
  }

  private async post(conversationId: string, activity: Record<string, unknown> & { type: string }): Promise<Delivery> {
    const log = { conversation: hashId(conversationId), type: activity.type };
    if (this.shutdown.signal.aborted) return { ok: false, code: 'BotNotAvailable' };
    const deadline = AbortSignal.timeout(this.timeoutMs);
    try {
      const response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.any([this.shutdown.signal, deadline])
      });
      // The body (an invoke response at most) is read and dropped so the connection can be reused.
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { ok: true };
      this.logger.warn({ event: 'directline_bot_error', ...log, status: response.status });
      return { ok: false, code: 'BotError', status: response.status };
    } catch {
      const code = deadline.aborted ? 'BotTimeout' : 'BotNotAvailable';
      this.logger.warn({ event: 'directline_bot_unreachable', ...log, code });
      return { ok: false, code };
    }
  }
}
