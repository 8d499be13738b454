/**
 * The Adaptive Card a waiting conversation gets in the helpline's Teams channel: what the user agreed to share
 * (country, language, age band, audience, topic, risk) and since when they wait — never what they typed, and
 * not the topic trail either (a channel is read by the whole team; the worker who takes it gets the trail in
 * the thread). One card per session, updated in place: waiting (Take), taken (End), ended (no buttons).
 */
import type { Attachment } from 'botbuilder';
import { CardFactory } from 'botbuilder';
import type { HandoffSession } from '../handoffTypes';

export const TAKE_VERB = 'beacon.teams.take';
export const END_VERB = 'beacon.teams.end';
export const OUTCOME_INPUT = 'outcome';

/** Worker-facing words in the channel's language (`handoff:` keys). */
export type Words = (key: string, values?: Record<string, unknown>) => string;

export interface CardLabels {
  /** A region or language name in the channel's language. */
  country: (code: string) => string;
  language: (code: string) => string;
}

/** An ISO time without milliseconds: Adaptive Cards' `{{TIME(…)}}` shows it in each reader's own time zone. */
function cardTime(at: number): string {
  return `{{TIME(${new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z')})}}`;
}

export function facts(session: HandoffSession, t: Words, labels: CardLabels): { title: string; value: string }[] {
  const c = session.context;
  const unknown = t('consent.unknown');
  const previous = c.previous
    ? [{ title: t('console.previousLabel'), value: t('console.previousValue', { times: c.previous.times, when: t(`values.since.${c.previous.last}`) }) }]
    : [];
  return [
    { title: t('console.country'), value: c.country ? labels.country(c.country) : unknown },
    { title: t('console.language'), value: labels.language(c.language) },
    { title: t('console.ageBand'), value: c.ageBand ? t(`values.ageBand.${c.ageBand}`) : unknown },
    { title: t('console.audience'), value: c.audience ? t(`values.audience.${c.audience}`) : unknown },
    { title: t('console.topic'), value: t(`values.topic.${c.topic}`) },
    { title: t('console.risk'), value: t(`teams.risk.${c.risk}`) },
    ...previous
  ];
}

/** The card for the session as it is now; `outcomes` are the End choices (id → title). */
export function handoffCard(session: HandoffSession, t: Words, labels: CardLabels, outcomes: { id: string; title: string }[]): Attachment {
  const urgent = session.context.risk === 'urgent';
  const body: unknown[] = [
    { type: 'TextBlock', text: t('teams.cardTitle'), weight: 'Bolder', size: 'Medium', wrap: true, ...(urgent ? { color: 'Attention' } : {}) },
    { type: 'FactSet', facts: facts(session, t, labels) },
    { type: 'TextBlock', text: t('teams.waitingSince', { time: cardTime(session.queuedAt) }), isSubtle: true, wrap: true }
  ];
  const actions: unknown[] = [];
  const data = { sessionId: session.id };
  const worker = session.worker?.name ?? '';
  const inTeams = session.worker?.username.startsWith(TEAMS_USER_PREFIX) ?? false;
  if (session.status === 'queued' && session.offeredTo) {
    body.push({ type: 'TextBlock', text: t('teams.offeredToColleague'), wrap: true });
  } else if (session.status === 'queued') {
    actions.push({ type: 'Action.Submit', title: t('teams.take'), style: 'positive', data: { verb: TAKE_VERB, ...data } });
  } else if (session.status === 'active') {
    body.push({ type: 'TextBlock', text: t(inTeams ? 'teams.taken' : 'teams.takenInConsole', { name: worker }), weight: 'Bolder', wrap: true });
    if (inTeams) {
      body.push({ type: 'TextBlock', text: t('teams.howTo', { name: worker }), wrap: true });
      body.push({
        type: 'Input.ChoiceSet', id: OUTCOME_INPUT, label: t('console.outcome'), style: 'compact', value: 'supported',
        choices: outcomes.map((o) => ({ title: o.title, value: o.id }))
      });
      actions.push({ type: 'Action.Submit', title: t('teams.end'), data: { verb: END_VERB, ...data } });
    }
  } else {
    const ended = session.endedBy === 'user' ? (session.acceptedAt ? 'teams.userLeft' : 'teams.userLeftQueue') : 'teams.ended';
    body.push({ type: 'TextBlock', text: t(ended, { name: worker }), weight: 'Bolder', wrap: true });
  }
  return CardFactory.adaptiveCard({
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body, actions
  });
}

/** Teams workers' user names in the hub: never the same as a console account's. */
export const TEAMS_USER_PREFIX = 'teams:';
