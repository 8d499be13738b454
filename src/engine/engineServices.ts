/**
 * What the script engine needs from the rest of Beacon, behind small interfaces so that the helpline
 * directory, the handoff hub and the crisis detector plug in without the engine knowing how they work.
 */
import type { TurnContext } from 'botbuilder';
import type { BeaconState, Profile } from '../bot/state';
import type { ScriptLibrary } from '../content/scriptLibrary';
import type { HelplinesStep } from '../content/scriptSchema';
import type { Translator } from '../content/translator';
import type { DangerReading } from '../safety/dangerReading';

/** Shows helpline services for a step; the helpline issue's directory implements it. */
export interface HelplineResponder {
  show(context: TurnContext, step: Pick<HelplinesStep, 'urgency' | 'topic' | 'audience'>, profile: Profile, language: string): Promise<void>;
}

/** Connects the user with a person; the handoff issue implements it. */
export interface HandoffResponder {
  request(context: TurnContext, topic: string, profile: Profile, language: string): Promise<void>;
  /** "stop": forgets what the handoff keeps about this user beyond the conversation (the previous-contact flag). */
  forget?(context: TurnContext): Promise<void>;
}

const HELD = Symbol('beacon.heldByHandoff');

/**
 * Called by a HandoffResponder that asked the user a question of its own (consent, waiting choices): the
 * `handoff` step then waits instead of moving on, so no other question or menu follows in the same turn.
 * The handoff relay answers the next messages; the step moves on when a message reaches the engine again.
 */
export function holdForHandoff(context: TurnContext): void {
  context.turnState.set(HELD, true);
}

export function isHeldForHandoff(context: TurnContext): boolean {
  return context.turnState.get(HELD) === true;
}

const LISTED = Symbol('beacon.helplinesListed');

/** Called by the HelplineResponder once it has listed a country's helplines in this turn. */
export function markHelplinesListed(context: TurnContext): void {
  context.turnState?.set(LISTED, true);
}

/** True when a country's helplines were listed earlier in this turn (so a step that would list them again need not). */
export function helplinesListed(context: TurnContext): boolean {
  return context.turnState?.get(LISTED) === true;
}

export type CountryAnswer = 'found' | 'skipped' | 'unknown';

/** Asks which country the user is in, when a helplines step needs it; the helplines module implements it. */
export interface CountryAsker {
  /** True when the profile has no country and the user has not declined to say in this conversation. */
  needed(context: TurnContext): Promise<boolean>;
  ask(context: TurnContext, language: string, retry?: boolean, numbersFirst?: boolean): Promise<void>;
  answer(context: TurnContext, text: string | undefined, value: unknown, language: string): Promise<CountryAnswer>;
  decline(context: TurnContext, language: string): Promise<void>;
  /** The answers the question offers (likely countries, then "skip"), each with the words that name it. */
  choices(context: TurnContext, language: string): { id: string; phrases: string[] }[];
}

/** Reads a message for danger (see `src/safety/dangerReading.ts`); the crisis detector implements it. */
export interface DangerDetector {
  read(text: string, language: string): DangerReading;
}

export interface EngineServices {
  translator: Translator;
  scripts: ScriptLibrary;
  state: BeaconState;
  helplines: HelplineResponder;
  country: CountryAsker;
  handoff: HandoffResponder;
  danger: DangerDetector;
}

/** Well-known scripts the engine starts by itself. Each is an ordinary file in `dialogs/`. */
export const CORE_SCRIPTS = {
  start: 'start',
  menu: 'menu',
  help: 'core/help',
  crisis: 'core/crisis',
  person: 'core/person',
  language: 'core/language',
  country: 'core/country',
  stuck: 'core/stuck',
  helplines: 'core/helplines'
} as const;
