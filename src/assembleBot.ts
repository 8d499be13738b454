/**
 * Builds the bot from content and a store, without any server: the same parts for the HTTP server, the
 * author preview in the terminal, transcript tests and benchmarks.
 */
import path from 'node:path';
import type { TurnContext } from 'botbuilder';
import { BeaconBot } from './bot/beaconBot';
import { SafetyMiddleware } from './bot/safetyMiddleware';
import { BeaconState } from './bot/state';
import { createTurnErrorHandler } from './bot/turnErrorHandler';
import { ScriptLibrary } from './content/scriptLibrary';
import { Translator } from './content/translator';
import { createEngine } from './engine/createEngine';
import type { ScriptConversation } from './engine/scriptConversation';
import { HelplinesInsteadHandoff } from './handoff/helplinesInstead';
import type { HandoffBinder } from './handoff/handoffSystem';
import { createHelplineServices } from './helplines/helplineServices';
import type { Logger } from './logging/logger';
import { TRAINING_DIR } from './safety/crisisSets';
import { LayeredDangerDetector } from './safety/layeredDangerDetector';
import type { BeaconStorage } from './storage/beaconStorage';

export interface BotParts {
  translator: Translator;
  scripts: ScriptLibrary;
  state: BeaconState;
  engine: ScriptConversation;
  bot: BeaconBot;
  middleware: SafetyMiddleware;
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

export interface AssembleOptions {
  rootDir: string;
  storage: BeaconStorage;
  defaultLocale: string;
  logger: Logger;
  /** The helpline directory's folder; default `<rootDir>/data/helplines`. */
  helplinesDir?: string;
  /** "Now" for opening hours; tests fix it. */
  clock?: () => Date;
  /** The handoff hub; without it "talk to a person" says honestly that nobody is here and gives the numbers. */
  handoff?: HandoffBinder;
  /** Where the trained router model may be kept between starts; without it the router trains every time. */
  cacheDir?: string;
  /** Every text pseudo-localised, for translators (`CONTENT_PSEUDO=on`, local only). */
  pseudo?: boolean;
}

export async function assembleBot(options: AssembleOptions): Promise<BotParts> {
  const translator = await Translator.load(path.join(options.rootDir, 'locales'), { pseudo: options.pseudo });
  const scripts = await ScriptLibrary.load(path.join(options.rootDir, 'dialogs'));
  const state = new BeaconState(options.storage);
  const { helplines, country } = await createHelplineServices({
    dir: options.helplinesDir ?? path.join(options.rootDir, 'data', 'helplines'),
    translator,
    state,
    logger: options.logger,
    clock: options.clock
  });
  const danger = LayeredDangerDetector.create(translator, { trainingDir: path.join(options.rootDir, TRAINING_DIR), cacheDir: options.cacheDir });
  const fallback = new HelplinesInsteadHandoff(translator, helplines);
  const handoff = options.handoff?.bind({ translator, scripts, state, helplines, danger, fallback });
  const engine = await createEngine({
    translator,
    scripts,
    state,
    helplines,
    country,
    handoff: handoff?.responder ?? fallback,
    danger
  }, { cacheDir: options.cacheDir });
  return {
    translator,
    scripts,
    state,
    engine,
    bot: new BeaconBot(state, translator, engine, handoff?.relay, handoff?.routes),
    middleware: new SafetyMiddleware(state, translator, options.defaultLocale, options.logger),
    onTurnError: createTurnErrorHandler(translator, options.logger, options.defaultLocale)
  };
}
