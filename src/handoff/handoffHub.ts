/**
 * The queue and the life of a handoff session: join, leave, accept (one worker wins), transfer, end. Every
 * change goes through the store with eTags, so it holds across instances and restarts; the user hears about
 * it proactively, the console through HubEvents, and the audit log records who did what (never message text).
 */
import { randomUUID } from 'node:crypto';
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { AuditLog } from './auditLog';
import type { HandoffSettings } from './handoffConfig';
import { HandoffRefusal, type HandoffStore } from './handoffStore';
import type { HandoffSession, LeftReason, SharedContext, WorkerRef } from './handoffTypes';
import type { HubEvents } from './hubEvents';
import type { PreviousContacts } from './previousContacts';
import type { SessionClaims } from './scaleOut';
import { estimatedWaitMinutes, positionOf } from './queueOrder';
import type { UserChannel } from './userChannel';
import type { UserNotices } from './userNotices';
import { TEAMS_USER_PREFIX } from './teams/teamsCard';
import { WorkerCap } from './workerCap';

export interface HubDeps {
  store: HandoffStore;
  audit: AuditLog;
  events: HubEvents;
  channel: UserChannel;
  notices: UserNotices;
  settings: HandoffSettings;
  /** How many workers have the console open now (for the wait estimate). */
  workersOnDuty: () => number;
  /** N instances: one accept at a time per session across them. */
  claims?: SessionClaims;
  /** Console mode: who asked for a person before (a keyed hash of channel and user id, days only). */
  contacts?: PreviousContacts;
  now?: () => number;
}

export interface EndOptions {
  /** The worker's outcome code. */
  outcome?: string;
  /** What the user is told (a key in handoff.json); the numbers and the feedback question follow. */
  notice?: string;
  /** Tell the user in this turn (a platform's status event arrives as one) instead of proactively. */
  inTurn?: TurnContext;
  /** A user who ended it: how they left. */
  left?: LeftReason;
}

export class HandoffHub {
  readonly now: () => number;
  /** How many chats a worker may hold at once, and the one-at-a-time accepts that keep to it. */
  readonly cap: WorkerCap;
  constructor(readonly deps: HubDeps) {
    this.now = deps.now ?? Date.now;
    this.cap = new WorkerCap(deps.settings.maxChatsPerWorker ?? 3, deps.claims);
  }

  async enqueue(reference: Partial<ConversationReference>, context: SharedContext): Promise<HandoffSession> {
    const session: HandoffSession = {
      id: randomUUID(), status: 'queued', mode: this.deps.settings.mode, reference, context, queuedAt: this.now()
    };
    await this.deps.store.createSession(session);
    // This request counts for the next one; a store that fails here costs the flag, never the place in the queue.
    await this.deps.contacts?.record({ channelId: reference.channelId, userId: reference.user?.id }).catch(() => undefined);
    this.deps.events.emit('session', session);
    return session;
  }

  /** Where the session is in the whole queue, and a rough wait. */
  async place(sessionId: string): Promise<{ position: number; minutes: number }> {
    const sessions = await this.deps.store.openSessions();
    const position = positionOf(sessions, sessionId);
    const inProgress = sessions.filter((s) => s.status === 'active').length;
    return { position, minutes: estimatedWaitMinutes(position, this.deps.workersOnDuty(), this.deps.settings.averageChatMinutes, inProgress) };
  }

  /**
   * Exactly one worker wins: the accept is an eTag-guarded change that refuses unless the session still waits.
   * With N instances a claim in Redis first lets only one accept at a time try it (when Redis is away, the
   * store's eTag alone decides). A worker who already holds HANDOFF_MAX_CHATS_PER_WORKER chats is refused; their
   * accepts run one at a time (workerCap.ts), so two at once cannot both pass the count.
   */
  async accept(sessionId: string, worker: WorkerRef): Promise<HandoffSession> {
    const session = await this.cap.alone(worker.username, async () => {
      const open = await this.deps.store.openSessions();
      // A session already taken is refused as taken (below), whatever the worker's load.
      if (open.find((s) => s.id === sessionId)?.status === 'queued') this.cap.check(open, worker.username);
      return this.take(sessionId, worker);
    });
    await this.relink(session, { stage: 'active', workerName: worker.name });
    await this.deps.audit.record({ actor: worker.username, action: 'accepted', session: sessionId });
    this.deps.events.emit('session', session);
    await this.tellUser(session, (ctx) => this.deps.notices.say(ctx, session.context.language, [['chat.accepted', { name: worker.name }], 'chat.howTo']));
    return session;
  }

  private async take(sessionId: string, worker: WorkerRef): Promise<HandoffSession> {
    const claims = this.deps.claims;
    const held = claims ? await claims.hold(sessionId).catch(() => undefined) : undefined;
    if (held === false) throw new HandoffRefusal('AlreadyTaken', 'Another worker has already accepted this conversation, or it has ended.');
    try {
      return await this.deps.store.updateSession(sessionId, (s) => {
        if (s.status !== 'queued') throw new HandoffRefusal('AlreadyTaken', 'Another worker has already accepted this conversation, or it has ended.');
        if (s.offeredTo && s.offeredTo !== worker.username) throw new HandoffRefusal('OfferedToColleague', 'This conversation was passed to another colleague.');
        s.status = 'active';
        s.worker = worker;
        s.acceptedAt = this.now();
        delete s.offeredTo;
      });
    } finally {
      if (held) await claims!.release(sessionId);
    }
  }

  /** Back to the queue (to = undefined) or to one colleague; the user is told either way. */
  async transfer(sessionId: string, worker: WorkerRef, to: string | undefined): Promise<HandoffSession> {
    // A colleague who holds the most chats they may is refused now, not when they would press Accept.
    if (to && this.cap.full(await this.deps.store.openSessions(), to)) {
      throw new HandoffRefusal('ColleagueFull', `This colleague already holds ${this.cap.max} chats, the most at once. Choose another colleague or the queue.`);
    }
    const session = await this.deps.store.updateSession(sessionId, (s) => {
      if (s.status !== 'active' || s.worker?.username !== worker.username) throw new HandoffRefusal('NotYours', 'Only the worker in this chat can transfer it.');
      s.status = 'queued';
      delete s.worker;
      if (to) s.offeredTo = to;
      else delete s.offeredTo;
    });
    await this.relink(session, { stage: 'queued' });
    await this.deps.audit.record({ actor: worker.username, action: 'transferred', session: sessionId, detail: to ? 'colleague' : 'queue' });
    this.deps.events.emit('session', session);
    const language = session.context.language;
    if (to) await this.tellUser(session, (ctx) => this.deps.notices.say(ctx, language, [['chat.transferredColleague', { name: worker.name }]]));
    else {
      const { position } = await this.place(sessionId);
      // This is the user's latest position update: the position ticker must not repeat it straight after.
      await this.deps.store.updateSession(sessionId, (s) => (s.told = { position, at: this.now() }));
      await this.tellUser(session, (ctx) => this.deps.notices.say(ctx, language, [['chat.transferredQueue', { name: worker.name, position }]]));
    }
    return session;
  }

  /**
   * Ends a session: by the worker (with an outcome code; the user gets the numbers and the feedback question),
   * by the user (who left or cancelled), or by a contact-centre platform. The shared data is then deleted,
   * unless a retention period is configured.
   */
  async end(sessionId: string, by: 'user' | 'worker' | 'platform', actor: string, options: EndOptions = {}): Promise<HandoffSession> {
    const { outcome, notice = 'chat.endedByWorker', inTurn, left } = options;
    const retention = this.deps.settings.retentionDays;
    const session = await this.deps.store.updateSession(sessionId, (s) => {
      if (s.status === 'ended') throw new HandoffRefusal('Ended', 'This conversation has already ended.');
      if (by === 'worker' && s.worker?.username !== actor) throw new HandoffRefusal('NotYours', 'Only the worker in this chat can end it.');
      s.status = 'ended';
      s.endedAt = this.now();
      s.endedBy = by;
      if (by === 'user') s.left = left ?? 'cancelled';
      delete s.awaySince;
      if (outcome) s.outcome = outcome;
      if (retention > 0) s.keepUntil = s.endedAt + retention * 86_400_000;
      // A chat a console worker had waits for their wrap-up; only then is it deleted (or kept for retention).
      // The Teams channel has no wrap-up form: its chats end as before.
      if (s.worker && s.mode === 'console' && !outcome && !s.worker.username.startsWith(TEAMS_USER_PREFIX)) s.wrapUpDue = true;
    });
    await this.deps.audit.record({ actor, action: by === 'user' ? 'user_left' : 'ended', session: sessionId, detail: by === 'user' ? session.left : outcome });
    this.deps.events.emit('session', session);
    const conversationId = session.reference.conversation?.id;
    if (by !== 'user' && conversationId) {
      // After a chat, one optional feedback question; after a platform that found nobody, only the numbers.
      const feedback = notice !== 'chat.platformFailed';
      await this.deps.store.setLink(conversationId, feedback ? { stage: 'feedback' } : undefined);
      if (inTurn) await this.deps.notices.afterEnd(inTurn, session, notice, feedback);
      else await this.tellUser(session, (ctx) => this.deps.notices.afterEnd(ctx, session, notice, feedback));
    } else if (conversationId) {
      await this.deps.store.setLink(conversationId, undefined);
    }
    if (!session.wrapUpDue) await this.deps.store.close(session);
    return session;
  }

  /** Tells the user; a user who went away is not an error for the worker's action (it is logged by the caller). */
  async tellUser(session: HandoffSession, work: Parameters<UserChannel['send']>[2]): Promise<boolean> {
    try {
      await this.deps.channel.send(session.reference, session.context.language, work);
      return true;
    } catch {
      return false;
    }
  }

  private async relink(session: HandoffSession, link: { stage: 'queued' | 'active'; workerName?: string }): Promise<void> {
    const conversationId = session.reference.conversation?.id;
    if (conversationId) await this.deps.store.setLink(conversationId, { sessionId: session.id, ...link });
  }
}
