/**
 * The helpline parts of the bot, built at start-up: the directory (validated), the responder on it, and the
 * country question. A directory that cannot be loaded does not stop the bot (DESIGN.md rule 10, fail safe):
 * the error is logged with every problem found, and users get "112 in most of Europe" until it is fixed.
 * The tests (`test/helplines/data.test.ts`) keep a broken directory from ever being committed.
 */
import type { BeaconState } from '../bot/state';
import type { Translator } from '../content/translator';
import type { CountryAsker, HelplineResponder } from '../engine/engineServices';
import type { Logger } from '../logging/logger';
import { CountryQuestion } from './countryQuestion';
import { loadDirectory, type HelplineDirectory } from './directory';
import { DirectoryResponder } from './directoryResponder';
import { HelplineDataError } from './validation';

export interface HelplineServiceOptions {
  /** The folder of `<CC>.json` files (normally `data/helplines`). */
  dir: string;
  translator: Translator;
  state: BeaconState;
  logger: Logger;
  /** "Now" for opening hours; tests fix it. */
  clock?: () => Date;
}

export async function createHelplineServices(options: HelplineServiceOptions): Promise<{ helplines: HelplineResponder; country: CountryAsker }> {
  let directory: HelplineDirectory | undefined;
  try {
    directory = await loadDirectory(options.dir);
  } catch (error) {
    const problems = error instanceof HelplineDataError ? error.problems : [String(error)];
    options.logger.error({ event: 'helplines_not_loaded', dir: options.dir, problems }, 'the helpline directory could not be loaded: users get the generic emergency line only');
  }
  const helplines = new DirectoryResponder({ translator: options.translator, directory, clock: options.clock ?? (() => new Date()), logger: options.logger });
  return { helplines, country: new CountryQuestion(options.translator, options.state) };
}
