/**
 * What `locales/<lang>/understanding.json` must hold, shared by the readers and the content checker
 * (src/content/check/understandingRule.ts), which checks it for every shipped language.
 */
import type { CommandName } from '../engine/commands';

export const NAMESPACE = 'understanding';

export type MeaningCommand = CommandName | 'helplines';

/** The commands recognised by meaning, each with its examples under `commands.<command>`. */
export const MEANING_COMMANDS: readonly MeaningCommand[] = ['menu', 'back', 'stop', 'help', 'person', 'country', 'language', 'helplines'];

/** The fewest different examples a command needs in a language for the classifier to learn it. */
export const MIN_COMMAND_EXAMPLES = 8;

/** Lists that every language must have, each a JSON array of phrases (the readers' files say what each is for). */
export const REQUIRED_LISTS: readonly string[] = [
  'yes',
  'no',
  'answers.followers',
  'answers.notAnswers',
  'age.stated',
  'age.opening',
  'age.followers',
  'age.numbers',
  'age.school',
  ...['young_person', 'parent', 'other_adult'].flatMap((who) => [`audience.${who}.self`, `audience.${who}.relation`]),
  'country.cues',
  'country.leads',
  'country.articles',
  'language.before',
  'language.cues',
  'language.negations',
  'notCommands',
  'greetings',
  ...MEANING_COMMANDS.map((c) => `commands.${c}`)
];
