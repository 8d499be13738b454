/**
 * HANDOFF_MODE=protocol: for deployments fronted by a contact-centre platform (Dynamics 365 Omnichannel,
 * LivePerson, Genesys) that speaks the Bot Framework handoff protocol. The bot sends `handoff.initiate` with the
 * context the user agreed to and, only if they agreed, the topics they went through as the transcript; the
 * platform answers with `handoff.status` events (accepted, failed, completed), which move the session on.
 */
import { EventFactory, type Activity, type TurnContext } from 'botbuilder';
import type { HandoffHub } from './handoffHub';
import type { HandoffSession } from './handoffTypes';

export const HANDOFF_STATUS = 'handoff.status';

export class ProtocolHandoff {
  constructor(private readonly hub: HandoffHub) {}

  async initiate(context: TurnContext, session: HandoffSession): Promise<void> {
    const { transcript, ...shared } = session.context;
    const bot = context.activity.recipient;
    const activities = (transcript ?? []).map((title) => ({ type: 'message', from: bot, text: title }) as Partial<Activity>);
    const event = EventFactory.createHandoffInitiation(context, { ...shared, sessionId: session.id }, transcript ? { activities: activities as Activity[] } : undefined);
    await context.sendActivity(event);
  }

  /** Acts on the platform's `handoff.status`; returns true when the event was for a handoff we started. */
  async onStatus(context: TurnContext): Promise<boolean> {
    const store = this.hub.deps.store;
    const conversationId = context.activity.conversation.id;
    const link = await store.link(conversationId);
    if (!link?.sessionId) return false;
    const state = (context.activity.value as { state?: unknown } | undefined)?.state;
    if (state === 'accepted') {
      const session = await store.updateSession(link.sessionId, (s) => {
        s.status = 'active';
        s.worker = { username: 'platform', name: '' };
        s.acceptedAt = this.hub.now();
      });
      await store.setLink(conversationId, { sessionId: session.id, stage: 'active' });
      this.hub.deps.events.emit('session', session);
    } else if (state === 'failed' || state === 'completed') {
      const notice = state === 'failed' ? 'chat.platformFailed' : 'chat.endedByPlatform';
      await this.hub.end(link.sessionId, 'platform', 'platform', { notice, inTurn: context });
    }
    return true;
  }
}
