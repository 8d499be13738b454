/**
 * What a message that set off the crisis check asked for, so that after "I didn't mean that" (or "I'm safe,
 * carry on") Beacon goes on with it instead of leaving the user to ask again: a parent who wrote "on menace de
 * publier les photos de ma fille" still reaches the sextortion lesson, and a tap on a menu item that names a
 * threat still opens that lesson – after the emergency number. Only the id of the answered choice or of the
 * routed script is kept (in conversation state), never the text, and only until the crisis script ends.
 */
import type { TurnContext } from 'botbuilder';
import type { BeaconState, InterruptedIntent } from '../bot/state';

const RESUME = Symbol('beacon.resume');

/** Called by a `resume` step: the interruption ends and the interrupted message's intent is to be carried out. */
export function requestResume(context: TurnContext): void {
  context.turnState.set(RESUME, true);
}

/** The stored intent when a `resume` step asked for it in this turn (and forgets it); otherwise undefined. */
export async function takeResumeIntent(context: TurnContext, state: BeaconState): Promise<InterruptedIntent | undefined> {
  if (context.turnState.get(RESUME) !== true) return undefined;
  context.turnState.delete(RESUME);
  const data = await state.conversationData.get(context, {});
  const intent = data.interrupted;
  delete data.interrupted;
  return intent;
}

export async function rememberIntent(context: TurnContext, state: BeaconState, intent: InterruptedIntent | undefined): Promise<void> {
  const data = await state.conversationData.get(context, {});
  if (intent) data.interrupted = intent;
  else delete data.interrupted;
}

/** Forgets the intent once no interruption is running any more (minimum data). */
export async function forgetIntent(context: TurnContext, state: BeaconState): Promise<void> {
  const data = await state.conversationData.get(context, {});
  delete data.interrupted;
}
