/**
 * What the script engine needs from the rest of Beacon, behind small interfaces so that the helpline
 * directory, the handoff hub and the crisis detector plug in without the engine knowing how they work.
 */
import type { TurnContext } from 'botbuilder';
import type { BeaconState, Profile } from '../bot/state';
import type { ScriptLibrary } from '../content/scriptLibrary';
import type { HelplinesStep } from '../content/scriptSchema';
import type { Translator } from '../content/translator';

/** Shows helpline services for a step; the helpline issue's directory implements it. */
export interface HelplineResponder {
  show(context: TurnContext, step: Pick<HelplinesStep, 'urgency' | 'topic' | 'audience'>, profile: Profile, language: string): Promise<void>;
}

/** Connects the user with a person; the handoff issue implements it. */
export interface HandoffResponder {
  request(context: TurnContext, topic: string, profile: Profile, language: string): Promise<void>;
}

/** Says whether a message suggests immediate danger; the crisis detector implements it. */
export interface DangerDetector {
  isDanger(text: string, language: string): boolean;
}

export interface EngineServices {
  translator: Translator;
  scripts: ScriptLibrary;
  state: BeaconState;
  helplines: HelplineResponder;
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
  stuck: 'core/stuck'
} as const;
