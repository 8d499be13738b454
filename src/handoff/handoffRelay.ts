/**
 * Runs before the engine on every turn. While the user is in the consent step, waiting, chatting with a
 * worker or answering the feedback question, their messages are handled here; everything else goes on to the
 * engine. While a worker has the conversation the bot is silent: messages go to the worker, and only "stop"
 * (ends the chat) and the danger check (the emergency numbers, and the worker is alerted) still answer.
 */
import type { TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { turnLanguage } from '../bot/turnLanguage';
import { isOfferedTitle, matchChoice } from '../engine/choiceMatcher';
import type { CommandRecognizer } from '../engine/commands';
import type { DangerDetector } from '../engine/engineServices';
import type { ConsentFlow } from './consentFlow';
import type { Departures } from './departures';
import type { FeedbackLog } from './feedbackLog';
import type { HandoffChat } from './handoffChat';
import type { HandoffHub } from './handoffHub';
import type { ConversationLink } from './handoffTypes';
import { HANDOFF_STATUS, type ProtocolHandoff } from './protocolHandoff';
import type { TopicTrail } from './topicTrail';
import { FEEDBACK_CHOICES, WAITING_CHOICES, type UserNotices } from './userNotices';
import { needsEmergencyNumber } from '../safety/dangerReading';
import { onlyBotAdded, placeKey, teamsPlace } from '../channels/teamsGate';

export interface RelayDeps {
  hub: HandoffHub;
  chat: HandoffChat;
  consent: ConsentFlow;
  notices: UserNotices;
  trail: TopicTrail;
  feedback: FeedbackLog;
  commands: CommandRecognizer;
  danger: DangerDetector;
  protocol?: ProtocolHandoff;
  departures?: Departures;
  /** The helpline's Teams channel id (HANDOFF_TEAMS_CHANNEL), where Beacon answers besides personal chats. */
  teamsChannelId?: string;
}

export class HandoffRelay {
  constructor(private readonly deps: RelayDeps) {}

  /** True when this turn was handled here and the engine must not run. */
  async handle(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (teamsPlace(activity, this.deps.teamsChannelId) === 'elsewhere') return this.elsewhereInTeams(context);
    if (activity.type === 'event' && activity.name === HANDOFF_STATUS) return (await this.deps.protocol?.onStatus(context)) ?? false;
    if (activity.type !== 'message' && activity.type !== 'typing') return false;
    const link = await this.deps.hub.deps.store.link(activity.conversation.id);
    // Any word from a user whose page had closed: they came back (a reload that continued the chat).
    if (link?.sessionId && (link.stage === 'queued' || link.stage === 'active')) await this.deps.departures?.here(link.sessionId);
    if (activity.type === 'typing') {
      if (link?.stage === 'active' && link.sessionId) this.deps.hub.deps.events.emit('userTyping', link.sessionId);
      return link?.stage === 'active';
    }
    await this.deps.trail.record(context);
    if (!link) return false;
    const language = turnLanguage(context);
    switch (link.stage) {
      case 'consent':
        return this.deps.consent.answer(context, link, language);
      case 'queued':
        return this.waiting(context, link, language);
      case 'active':
        return this.chatting(context, link, language);
      case 'feedback':
        return this.feedback(context, language);
    }
  }

  private async waiting(context: TurnContext, link: ConversationLink, language: string): Promise<boolean> {
    const { hub, notices } = this.deps;
    const text = context.activity.text ?? '';
    const sessionId = link.sessionId!;
    if (text && needsEmergencyNumber(this.deps.danger.read(text, language))) {
      // Most urgent first: the worker who picks next sees this one; the engine shows the emergency numbers.
      const session = await hub.deps.store.updateSession(sessionId, (s) => (s.context.risk = 'urgent'));
      hub.deps.events.emit('session', session);
      return false;
    }
    const command = this.deps.commands.recognize(text, language);
    if (command?.kind === 'stop') await hub.end(sessionId, 'user', 'user');
    if (command) return false;
    const titles = WAITING_CHOICES.map((c) => ({ id: c, phrases: [notices.t(language, `queue.${c}`)] }));
    // Right after the choices were offered, a number or a near-miss answers them; later (the user reads topics
    // while waiting) only a choice's own words do, so "cancel" still leaves the queue but a "1" goes to a menu.
    const index = link.awaitingChoice
      ? matchChoice(titles, text, context.activity.value)
      : titles.findIndex((t) => isOfferedTitle(text, t.phrases));
    const choice = WAITING_CHOICES[index ?? -1];
    if (!link.awaitingChoice && !choice) return false;
    if (choice === 'keepWaiting') {
      await hub.deps.store.setLink(context.activity.conversation.id, { ...link, awaitingChoice: false });
      await notices.say(context, language, ['queue.keepWaitingOk']);
    } else if (choice === 'numbers' || choice === 'cancel') {
      const session = await hub.end(sessionId, 'user', 'user');
      await notices.say(context, language, [choice === 'numbers' ? 'queue.numbersIntro' : 'queue.cancelled']);
      if (choice === 'numbers') await notices.numbers(context, language, session.context.topic);
    } else {
      const { position, minutes } = await hub.place(sessionId);
      await notices.position(context, language, 'queue.already', position, minutes);
    }
    return true;
  }

  private async chatting(context: TurnContext, link: ConversationLink, language: string): Promise<boolean> {
    const text = context.activity.text?.trim() ?? '';
    const sessionId = link.sessionId!;
    const session = await this.deps.hub.deps.store.session(sessionId);
    if (!session || session.status !== 'active') return false;
    if (this.deps.commands.recognize(text, language)?.kind === 'stop') {
      await this.deps.hub.end(sessionId, 'user', 'user');
      await this.deps.notices.say(context, language, ['chat.endedByUser']);
      return false;
    }
    if (session.mode === 'protocol' || !text) return true;
    const danger = needsEmergencyNumber(this.deps.danger.read(text, language));
    // The channel's id and timestamp together: a redelivered activity repeats both, a restarted local
    // Direct Line may reuse an id but not its timestamp.
    const key = context.activity.id ? `${context.activity.id}|${String(context.activity.timestamp ?? '')}` : randomUUID();
    await this.deps.chat.fromUser(sessionId, key, text, danger);
    if (danger) await this.deps.notices.numbers(context, language, 'general', 'urgent', true);
    return true;
  }

  /** Another channel or a group chat in Teams: one short pointer to a personal chat, then silence. */
  private async elsewhereInTeams(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (onlyBotAdded(activity)) return false;
    if (activity.type !== 'message') return true;
    const key = `handoff/teams-pointed/${placeKey(activity)}`;
    const store = this.deps.hub.deps.store;
    if (await store.get(key)) return true;
    await store.update(key, () => ({ at: this.deps.hub.now() }));
    const language = turnLanguage(context);
    await context.sendActivity({ type: 'message', text: this.deps.notices.t(language, 'teams.personalOnly'), textFormat: 'plain' });
    return true;
  }

  private async feedback(context: TurnContext, language: string): Promise<boolean> {
    const { notices, hub } = this.deps;
    await hub.deps.store.setLink(context.activity.conversation.id, undefined);
    const titles = FEEDBACK_CHOICES.map((c) => ({ id: c, phrases: [notices.t(language, `feedback.${c}`)] }));
    const choice = FEEDBACK_CHOICES[matchChoice(titles, context.activity.text, context.activity.value) ?? -1];
    if (!choice) return false;
    if (choice !== 'skip') await this.deps.feedback.count(choice);
    await notices.say(context, language, ['feedback.thanks']);
    return true;
  }
}
