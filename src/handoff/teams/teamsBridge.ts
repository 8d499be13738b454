/**
 * Keeps the Teams channel in step with the hub, from the same HubEvents the console listens to: a card when a
 * conversation starts waiting (again), the card updated when someone takes it (here or in the console), when it
 * is passed on and when it ends; the user's messages and "not delivered" notes in the thread of the worker who
 * took it in Teams. One chain per session keeps each card's changes in order. A channel that cannot be
 * reached is logged (ids only) and never stops the user's handoff: the console still has the session.
 */
import type { Logger } from '../../logging/logger';
import { hashId } from '../../logging/logger';
import type { HandoffHub } from '../handoffHub';
import type { ChatMessage, Delivery, HandoffSession } from '../handoffTypes';
import { TEAMS_USER_PREFIX } from './teamsCard';
import type { TeamsChannel } from './teamsChannel';
import type { TeamsWords } from './teamsWords';

export class TeamsBridge {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly hub: HandoffHub,
    private readonly channel: TeamsChannel,
    private readonly words: TeamsWords,
    private readonly logger: Logger
  ) {}

  start(): void {
    const events = this.hub.deps.events;
    // With N instances each event reaches all of them; the one where it began posts to the channel, once.
    events.on('session', (session) => events.relayed || this.queue(session.id, () => this.onSession(session)));
    events.on('message', (sessionId, message) => events.relayed || this.queue(sessionId, () => this.onMessage(sessionId, message)));
    events.on('delivery', (sessionId, _seq, delivery) => events.relayed || this.queue(sessionId, () => this.onDelivery(sessionId, delivery)));
  }

  /** Resolves when every channel change scheduled so far has finished (tests and shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  private queue(sessionId: string, work: () => Promise<void>): void {
    const next = (this.chains.get(sessionId) ?? Promise.resolve()).then(work).catch((error: unknown) => {
      this.logger.warn({ event: 'teams_channel_failed', session: hashId(sessionId), error: error instanceof Error ? error.message : String(error) });
    });
    this.chains.set(sessionId, next);
    void next.then(() => {
      if (this.chains.get(sessionId) === next) this.chains.delete(sessionId);
    });
  }

  private async onSession(session: HandoffSession): Promise<void> {
    if (session.mode !== 'console') return;
    const threadId = await this.channel.cardOf(session.id);
    const card = this.words.card(session);
    if (!threadId) {
      // Only a waiting conversation gets a new card; one that was never shown here stays the console's.
      if (session.status === 'queued') await this.channel.postCard(session.id, card);
      return;
    }
    await this.channel.updateCard(threadId, card);
    if (session.status === 'active' && isTeamsWorker(session) && session.context.transcript?.length) {
      await this.channel.postInThread(threadId, this.words.t('teams.transcript', { topics: session.context.transcript.join(', ') }));
    }
    if (session.status === 'ended') {
      if (session.endedBy === 'user' && isTeamsWorker(session)) await this.channel.postInThread(threadId, this.words.t('teams.userLeft'));
      await this.channel.forget(session.id);
    }
  }

  private async onMessage(sessionId: string, message: ChatMessage): Promise<void> {
    if (message.from !== 'user') return;
    const threadId = await this.teamsThread(sessionId);
    if (!threadId) return;
    await this.channel.postInThread(threadId, this.words.t('teams.user', { text: message.text }));
    if (message.danger) await this.channel.postInThread(threadId, this.words.t('teams.userDanger'));
  }

  private async onDelivery(sessionId: string, delivery: Delivery): Promise<void> {
    if (delivery !== 'failed') return;
    const threadId = await this.teamsThread(sessionId);
    if (threadId) await this.channel.postInThread(threadId, this.words.t('teams.notDelivered'));
  }

  /** The card's thread when a Teams worker has the session now. */
  private async teamsThread(sessionId: string): Promise<string | undefined> {
    const session = await this.hub.deps.store.session(sessionId);
    return session && session.status === 'active' && isTeamsWorker(session) ? this.channel.cardOf(sessionId) : undefined;
  }
}

export function isTeamsWorker(session: HandoffSession): boolean {
  return session.worker?.username.startsWith(TEAMS_USER_PREFIX) ?? false;
}
