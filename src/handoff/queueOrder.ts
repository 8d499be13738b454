/**
 * The queue's order and what a worker may see of it: most urgent first, then longest waiting; a worker sees
 * the conversations in their languages and countries (or offered to them by a colleague), a supervisor sees all.
 */
import { RISK_ORDER, type HandoffSession } from './handoffTypes';

export interface Viewer {
  username: string;
  role: 'worker' | 'supervisor';
  languages: '*' | string[];
  countries: '*' | string[];
}

export function byRiskThenWait(a: HandoffSession, b: HandoffSession): number {
  return RISK_ORDER[a.context.risk] - RISK_ORDER[b.context.risk] || a.queuedAt - b.queuedAt;
}

/** The waiting sessions in queue order. */
export function queued(sessions: HandoffSession[]): HandoffSession[] {
  return sessions.filter((s) => s.status === 'queued').sort(byRiskThenWait);
}

export function canSee(viewer: Viewer, session: HandoffSession): boolean {
  if (viewer.role === 'supervisor') return true;
  if (session.offeredTo) return session.offeredTo === viewer.username;
  const { language, country } = session.context;
  const languageOk = viewer.languages === '*' || viewer.languages.includes(language);
  const countryOk = viewer.countries === '*' || !country || viewer.countries.includes(country.toUpperCase());
  return languageOk && countryOk;
}

/** 1-based position of a session in the whole queue; 0 when it is not waiting. */
export function positionOf(sessions: HandoffSession[], id: string): number {
  return queued(sessions).findIndex((s) => s.id === id) + 1;
}

/**
 * A rough wait in minutes. A worker on duty who is in no chat takes the next one at once (about a minute); the
 * chats beyond the free workers wait their turn, shared among the workers on duty, at the average chat length.
 */
export function estimatedWaitMinutes(position: number, workersOnDuty: number, averageChatMinutes: number, chatsInProgress = 0): number {
  const free = Math.max(0, workersOnDuty - chatsInProgress);
  if (position <= free) return 1;
  return Math.max(1, Math.ceil(((position - free) * averageChatMinutes) / Math.max(1, workersOnDuty)));
}
