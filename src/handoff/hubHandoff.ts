/**
 * "Talk to a person" with the handoff hub: if the user already waits or chats, say so; if nobody can take them
 * (no worker accounts yet, or not their country, language or hours), say why honestly and give the numbers —
 * with when the workers are back; else the consent step.
 */
import type { TurnContext } from 'botbuilder';
import type { Profile } from '../bot/state';
import type { HandoffResponder } from '../engine/engineServices';
import { holdForHandoff } from '../engine/engineServices';
import { availability } from './availability';
import type { ConsentFlow } from './consentFlow';
import type { HandoffHub } from './handoffHub';
import type { UserNotices } from './userNotices';

export class HubHandoff implements HandoffResponder {
  constructor(
    private readonly hub: HandoffHub,
    private readonly consent: ConsentFlow,
    private readonly notices: UserNotices,
    /** Whether anyone can answer at all (console mode: a worker account exists). */
    private readonly workersConfigured: () => Promise<boolean>,
    /** What to do when nobody can: the honest "not here yet" with the numbers. */
    private readonly fallback: HandoffResponder
  ) {}

  async request(context: TurnContext, topic: string, profile: Profile, language: string): Promise<void> {
    const link = await this.hub.deps.store.link(context.activity.conversation.id);
    if (link?.stage === 'queued' && link.sessionId) {
      const { position, minutes } = await this.hub.place(link.sessionId);
      await this.hub.deps.store.setLink(context.activity.conversation.id, { ...link, awaitingChoice: true });
      await this.notices.position(context, language, 'queue.already', position, minutes);
      return holdForHandoff(context);
    }
    if (link?.stage === 'active') {
      await this.notices.say(context, language, [['queue.alreadyChatting', { name: link.workerName ?? '' }]]);
      return holdForHandoff(context);
    }
    if (!(await this.workersConfigured())) return this.fallback.request(context, topic, profile, language);
    const settings = this.hub.deps.settings;
    const open = availability(settings, { country: profile.country, language }, new Date(this.hub.now()));
    if (!open.ok) {
      const values = open.reason === 'hours'
        ? { day: this.notices.t(language, `days.${open.opensAt.weekday}`), time: open.opensAt.time, timeZone: settings.timeZone }
        : {};
      await this.notices.say(context, language, [[`unavailable.${open.reason}`, values]]);
      return this.notices.numbers(context, language, topic);
    }
    await this.consent.ask(context, topic, profile, language);
  }

  /** "stop": the record that this user asked for a person before goes with the rest of their state. */
  async forget(context: TurnContext): Promise<void> {
    const { channelId, from } = context.activity;
    await this.hub.deps.contacts?.forget({ channelId, userId: from?.id });
  }
}
