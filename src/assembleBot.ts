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
import { EmergencyLineResponder } from './helplines/emergencyLine';
import type { Logger } from './logging/logger';
import { PhraseDangerDetector } from './safety/phraseDangerDetector';
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
}

export async function assembleBot(options: AssembleOptions): Promise<BotParts> {
  const translator = await Translator.load(path.join(options.rootDir, 'locales'));
  const scripts = await ScriptLibrary.load(path.join(options.rootDir, 'dialogs'));
  const state = new BeaconState(options.storage);
  const helplines = new EmergencyLineResponder(translator);
  const engine = await createEngine({
    translator,
    scripts,
    state,
    helplines,
    handoff: new HelplinesInsteadHandoff(translator, helplines),
    danger: new PhraseDangerDetector(translator)
  });
  return {
    translator,
    scripts,
    state,
    engine,
    bot: new BeaconBot(state, translator, engine),
    middleware: new SafetyMiddleware(state, translator, options.defaultLocale, options.logger),
    onTurnError: createTurnErrorHandler(translator, options.logger, options.defaultLocale)
  };
}
