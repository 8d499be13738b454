/**
 * `understanding`: the word lists that let Beacon read typed messages (`locales/<lang>/understanding.json`: yes/no
 * words, fact patterns, example phrases of commands) are usable in every shipped language:
 * - every list the readers use is there, as a list of phrases (src/understanding/understandingKeys.ts);
 * - every command has at least MIN_COMMAND_EXAMPLES different examples, or the classifier cannot learn it;
 * - no example of a command is also a routing example of a topic (`examples` in a script's namespace): the same
 *   phrase cannot teach two meanings; nor is it an example of another command;
 * - no phrase is both a "yes" and a "no".
 * Phrases are compared as the readers compare them: normalised (case, accents, punctuation), letters typed twice
 * counting once. Content without any understanding.json (a small test fixture) is not checked: the bot then only
 * understands exact words. A missing file or key in one language is reported by `missing-key`, as for every code
 * namespace.
 */
import { normalize } from '../../engine/normalize';
import { MEANING_COMMANDS, MIN_COMMAND_EXAMPLES, NAMESPACE, REQUIRED_LISTS } from '../../understanding/understandingKeys';
import { error, languageName, localeFile, SOURCE_LANGUAGE, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import type { FlatNamespace } from './localeKeys';

const RULE = 'understanding';

export function checkUnderstanding(content: CheckedContent): ContentProblem[] {
  if (![...content.locales.values()].some((namespaces) => namespaces.has(NAMESPACE))) return [];
  const problems: ContentProblem[] = [];
  for (const language of content.languages) {
    const texts = content.locales.get(language)?.get(NAMESPACE);
    if (!texts) continue;
    const file = localeFile(language, NAMESPACE);
    problems.push(...listProblems(texts, file, language), ...countProblems(texts, file, language), ...clashProblems(content, texts, file, language), ...yesNoProblems(texts, file));
  }
  return problems;
}

/**
 * The phrases of a list as the readers compare them, each with the first text the author wrote for it; undefined
 * when the value is not a list of texts.
 */
function phrasesOf(texts: FlatNamespace, key: string): Map<string, string> | undefined {
  const value = texts.get(key);
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return undefined;
  const phrases = new Map<string, string>();
  for (const text of value as string[]) {
    const phrase = comparable(text);
    if (phrase && !phrases.has(phrase)) phrases.set(phrase, text);
  }
  return phrases;
}

export function comparable(phrase: string): string {
  return normalize(phrase).replace(/(\p{L})\1+/gu, '$1');
}

/** A list that is not one; or, in English, a list that is absent (translations' absent keys are `missing-key`'s). */
function listProblems(texts: FlatNamespace, file: string, language: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const key of REQUIRED_LISTS) {
    if (!texts.has(key)) {
      if (language === SOURCE_LANGUAGE) problems.push(error(file, key, RULE, `"${key}" is missing in ${file}: the bot reads typed messages with it; add it as a list of phrases (["…", "…"]).`));
    } else if (phrasesOf(texts, key) === undefined) {
      problems.push(error(file, key, RULE, `"${key}" in ${file} must be a list of phrases (["…", "…"]), because the bot reads each item as a way people type it: make it a JSON array of texts.`));
    }
  }
  return problems;
}

function countProblems(texts: FlatNamespace, file: string, language: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const command of MEANING_COMMANDS) {
    const key = `commands.${command}`;
    const phrases = phrasesOf(texts, key);
    if (!phrases || phrases.size >= MIN_COMMAND_EXAMPLES) continue;
    problems.push(
      error(file, key, RULE,
        `"${key}" in ${file} has ${phrases.size} different examples (needs at least ${MIN_COMMAND_EXAMPLES}): add ${MIN_COMMAND_EXAMPLES - phrases.size} or more ${languageName(language)} ways people would ask for "${command}" in their own words.`)
    );
  }
  return problems;
}

function clashProblems(content: CheckedContent, texts: FlatNamespace, file: string, language: string): ContentProblem[] {
  const owners = new Map<string, string>();
  for (const [namespace, other] of content.locales.get(language) ?? []) {
    if (namespace === NAMESPACE) continue;
    for (const phrase of phrasesOf(other, 'examples')?.keys() ?? []) owners.set(phrase, localeFile(language, namespace));
  }
  const problems: ContentProblem[] = [];
  const byCommand = new Map<string, string>();
  for (const command of MEANING_COMMANDS) {
    const key = `commands.${command}`;
    for (const [phrase, text] of phrasesOf(texts, key) ?? []) {
      const topic = owners.get(phrase);
      const otherCommand = byCommand.get(phrase);
      if (topic) problems.push(error(file, key, RULE, `"${text}" is an example of "${command}" in ${file} and a routing example in ${topic} (under "examples"): keep it in one of them, so that it teaches one meaning.`));
      else if (otherCommand && otherCommand !== command) problems.push(error(file, key, RULE, `"${text}" is an example of both "${otherCommand}" and "${command}" in ${file}: keep it under the command it means.`));
      byCommand.set(phrase, command);
    }
  }
  return problems;
}

function yesNoProblems(texts: FlatNamespace, file: string): ContentProblem[] {
  const no = phrasesOf(texts, 'no') ?? new Map<string, string>();
  return [...(phrasesOf(texts, 'yes') ?? [])]
    .filter(([phrase]) => no.has(phrase))
    .map(([, text]) => error(file, 'yes', RULE, `"${text}" is in both "yes" and "no" in ${file}: a phrase can only answer one way; remove it from the list where it does not belong.`));
}
