/**
 * The consent step: before anything is shared, the user sees exactly what the worker will see — country,
 * language, age band, audience, topic, risk — and says yes or no; then, only if there is something to share,
 * whether the topics they went through may be shared too (shown to them first). Only then do they join the
 * queue (or, with HANDOFF_MODE=protocol, is the contact-centre platform asked).
 */
import { TurnContext } from 'botbuilder';
import type { Profile } from '../bot/state';
import type { Translator } from '../content/translator';
import { matchChoice } from '../engine/choiceMatcher';
import { holdForHandoff } from '../engine/engineServices';
import type { Departures } from './departures';
import type { HandoffHub } from './handoffHub';
import type { ConversationLink, SharedContext } from './handoffTypes';
import type { ProtocolHandoff } from './protocolHandoff';
import type { TopicTrail } from './topicTrail';
import { triage } from './triage';
import { readingOf } from '../understanding/reading';
import { needsEmergencyNumber } from '../safety/dangerReading';
import type { UserNotices } from './userNotices';

export class ConsentFlow {
  constructor(
    private readonly hub: HandoffHub,
    private readonly notices: UserNotices,
    private readonly translator: Translator,
    private readonly trail: TopicTrail,
    private readonly protocol: ProtocolHandoff | undefined,
    private readonly departures?: Departures
  ) {}

  async ask(context: TurnContext, requested: string, profile: Profile, language: string): Promise<void> {
    const signals = await this.trail.signals(context);
    const danger = readingOf(context)?.danger;
    const crisis = signals.crisis === true || (danger !== undefined && needsEmergencyNumber(danger));
    const { topic, risk } = triage({ requested, lessons: await this.trail.lessons(context), crisis, warningSigns: signals.warningSigns === true });
    const shared: SharedContext = { language, topic, risk, ...pick(profile) };
    const previous = await this.previous(context);
    if (previous) shared.previous = previous;
    const topics = await this.trail.titles(context, language);
    await this.hub.deps.store.setLink(context.activity.conversation.id, { stage: 'consent', pending: { context: shared, topics, question: 'share' } });
    const t = (key: string, values?: Record<string, unknown>) => this.notices.t(language, key, values);
    // The worker sees that the user asked before, so the user is told so before they agree, like the rest: in
    // the same message as the fields, so that the consent stays four messages and its question.
    const fields = t('consent.fields', this.fields(shared)) +
      (previous ? `\n${t('consent.previous', { times: previous.times, when: t(`values.since.${previous.last}`) })}` : '');
    // Joining the queue is remembered (as a keyed hash) for the next worker: the user hears for how long, and how
    // to delete it.
    const days = this.hub.deps.contacts?.days;
    const notShared = t('consent.notShared') + (days ? ` ${t('consent.remembered', { days })}` : '');
    await this.notices.sayTexts(context, language, [t('consent.intro'), fields, notShared, t('consent.privacy')]);
    await this.notices.choices(context, language, 'consent.sharePrompt', ['consent.yes', 'consent.no']);
    holdForHandoff(context);
  }

  /** The answer to an open consent question; false when it was no answer at all (the engine takes it). */
  async answer(context: TurnContext, link: ConversationLink, language: string): Promise<boolean> {
    const pending = link.pending;
    const conversationId = context.activity.conversation.id;
    if (!pending) return false;
    const [yesKey, noKey] = pending.question === 'share' ? ['consent.yes', 'consent.no'] : ['consent.transcriptYes', 'consent.transcriptNo'];
    const phrases = (key: string, synonyms: string) => [this.notices.t(language, key), ...this.translator.list(language, `handoff:${synonyms}`)];
    const choice = matchChoice(
      [{ id: 'yes', phrases: phrases(yesKey, 'consent.yesSynonyms') }, { id: 'no', phrases: phrases(noKey, 'consent.noSynonyms') }],
      context.activity.text,
      context.activity.value
    );
    if (choice === undefined) {
      await this.hub.deps.store.setLink(conversationId, undefined);
      return false;
    }
    if (pending.question === 'share' && choice === 1) {
      await this.hub.deps.store.setLink(conversationId, undefined);
      await this.notices.say(context, language, ['consent.declined']);
      await this.notices.numbers(context, language, pending.context.topic);
      return true;
    }
    if (pending.question === 'share' && pending.topics.length > 0) {
      await this.hub.deps.store.setLink(conversationId, { ...link, pending: { ...pending, question: 'transcript' } });
      await this.notices.choices(context, language, ['consent.transcriptPrompt', { topics: pending.topics.join(', ') }], ['consent.transcriptYes', 'consent.transcriptNo']);
      return true;
    }
    await this.join(context, { ...pending.context, ...(pending.question === 'transcript' && choice === 0 ? { transcript: pending.topics } : {}) }, language);
    return true;
  }

  private async join(context: TurnContext, shared: SharedContext, language: string): Promise<void> {
    const session = await this.hub.enqueue(TurnContext.getConversationReference(context.activity), shared);
    const conversationId = context.activity.conversation.id;
    await this.departures?.handOver(context);
    if (this.protocol) {
      await this.hub.deps.store.setLink(conversationId, { stage: 'queued', sessionId: session.id });
      await this.protocol.initiate(context, session);
      await this.notices.say(context, language, ['queue.joinedPlatform']);
      return;
    }
    await this.hub.deps.store.setLink(conversationId, { stage: 'queued', sessionId: session.id, awaitingChoice: true });
    const { position, minutes } = await this.hub.place(session.id);
    await this.hub.deps.store.updateSession(session.id, (s) => (s.told = { position, at: this.hub.now() }));
    await this.notices.position(context, language, 'queue.joined', position, minutes);
  }

  /** The user's earlier requests for a person (console mode); a store that fails costs only the flag. */
  private async previous(context: TurnContext): Promise<SharedContext['previous']> {
    const { channelId, from } = context.activity;
    return this.hub.deps.contacts?.recall({ channelId, userId: from?.id }).catch(() => undefined);
  }

  /** The six values as the user reads them, in their language; "not given" for what they did not say. */
  private fields(shared: SharedContext): Record<string, string> {
    const lang = shared.language;
    const unknown = this.notices.t(lang, 'consent.unknown');
    const region = new Intl.DisplayNames([lang], { type: 'region' });
    return {
      country: shared.country ? (region.of(shared.country.toUpperCase()) ?? shared.country) : unknown,
      language: this.translator.t(lang, `common:languages.${lang}`),
      ageBand: shared.ageBand ? this.notices.t(lang, `values.ageBand.${shared.ageBand}`) : unknown,
      audience: shared.audience ? this.notices.t(lang, `values.audience.${shared.audience}`) : unknown,
      topic: this.notices.t(lang, `values.topic.${shared.topic}`),
      risk: this.notices.t(lang, `values.risk.${shared.risk}`)
    };
  }
}

function pick(profile: Profile): Pick<SharedContext, 'country' | 'ageBand' | 'audience'> {
  const out: Pick<SharedContext, 'country' | 'ageBand' | 'audience'> = {};
  if (profile.country) out.country = profile.country.toUpperCase();
  if (profile.ageBand) out.ageBand = profile.ageBand;
  if (profile.audience) out.audience = profile.audience;
  return out;
}
