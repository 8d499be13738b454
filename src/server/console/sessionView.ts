/**
 * What a worker sees of a session: the context the user agreed to share and the queue facts — never the
 * channel reference (conversation or user ids). User text is data in JSON; the page renders it as text.
 */
import type { HandoffSession } from '../../handoff/handoffTypes';
import { canSee, type Viewer } from '../../handoff/queueOrder';
import type { Account } from './accounts';

export interface SessionView {
  id: string;
  status: HandoffSession['status'];
  context: HandoffSession['context'];
  queuedAt: number;
  waitingSeconds: number;
  acceptedAt?: number;
  worker?: HandoffSession['worker'];
  offeredTo?: string;
  mine: boolean;
  endedAt?: number;
  /** How the user left, when they did. */
  left?: HandoffSession['left'];
  /** The user's page closed; they count as gone after the grace period. */
  away?: boolean;
  wrapUpDue?: boolean;
  /** The worker's own private notes (only to that worker). */
  notes?: string;
}

export function viewer(account: Account): Viewer {
  return { username: account.username, role: account.role, languages: account.languages, countries: account.countries };
}

export function sessionView(session: HandoffSession, account: Account, now: number): SessionView {
  const view: SessionView = {
    id: session.id,
    status: session.status,
    context: session.context,
    queuedAt: session.queuedAt,
    waitingSeconds: Math.max(0, Math.round((now - session.queuedAt) / 1000)),
    mine: session.worker?.username === account.username
  };
  if (session.acceptedAt) view.acceptedAt = session.acceptedAt;
  if (session.worker) view.worker = session.worker;
  if (session.offeredTo) view.offeredTo = session.offeredTo;
  if (session.endedAt) view.endedAt = session.endedAt;
  if (session.left) view.left = session.left;
  if (session.awaySince !== undefined) view.away = true;
  if (session.wrapUpDue) view.wrapUpDue = true;
  if (view.mine && session.notes) view.notes = session.notes;
  return view;
}

/** A worker may see a waiting session in their scope, and their own chats; a supervisor sees every session. */
export function mayView(account: Account, session: HandoffSession): boolean {
  if (session.worker?.username === account.username) return true;
  if (account.role === 'supervisor') return true;
  return session.status === 'queued' && canSee(viewer(account), session);
}
