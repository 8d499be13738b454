/**
 * The language of the current turn, decided once by the safety middleware and read by everything after it:
 * the user's own choice first, then the activity's locale, then DEFAULT_LOCALE, then English.
 */
import type { TurnContext } from 'botbuilder';

const LANGUAGE = Symbol('beacon.language');

export function setTurnLanguage(context: TurnContext, language: string): void {
  context.turnState.set(LANGUAGE, language);
}

export function turnLanguage(context: TurnContext, fallback = 'en'): string {
  const value: unknown = context.turnState.get(LANGUAGE);
  return typeof value === 'string' ? value : fallback;
}
