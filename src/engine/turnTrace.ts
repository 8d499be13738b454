/**
 * What Beacon did with this turn's message, kept in the turn only (never stored): the decision taken and the
 * scripts it opened. `npm run eval:conversation` and the tests read it to judge whether a typed message was
 * understood; nothing in the conversation depends on it.
 */
import type { TurnContext } from 'botbuilder';
import type { TurnAction } from './decideTurn';

export interface TurnTrace {
  action?: TurnAction;
  /** Script ids in the order they began this turn. */
  began: string[];
}

const TRACE = Symbol('beacon.turnTrace');

export function traceOf(context: TurnContext): TurnTrace {
  let trace = context.turnState.get(TRACE) as TurnTrace | undefined;
  if (!trace) {
    trace = { began: [] };
    context.turnState.set(TRACE, trace);
  }
  return trace;
}
