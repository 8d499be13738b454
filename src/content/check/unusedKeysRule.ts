/**
 * Keys nobody reads are text that translators translate and reviewers review for nothing, and they hide typos
 * (a script that uses `intro.2` while the file says `intro.two`).
 * - `unused-key`: a key in a script's namespace (checked in English, the source) that no script uses. Not
 *   reported: `title` (menus and "did you mean" show it), `examples` (free-text routing reads it; a warning when the
 *   script is not routable, since then nothing reads it), and `_under13` variants of used keys. A locale file with
 *   no script of its name is unused as a whole. The code namespaces (common, widget, safety) are read by code:
 *   their keys are compared across languages instead (see keysRule.ts).
 * - `not-in-english`: a key (or a whole file) in a translation that English does not have. English is the source
 *   language: such a key is either unused or was never written in English, and neither can be reviewed.
 */
import { CODE_NAMESPACES, error, localeFile, scriptFile, SOURCE_LANGUAGE, warning, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { variantBase } from './localeKeys';
import { keyUses } from './scriptKeys';

/** Keys a script's namespace may hold without a step using them. */
const RESERVED_KEYS = new Set(['title', 'examples']);

export function checkUnusedKeys(content: CheckedContent): ContentProblem[] {
  return [...unusedInEnglish(content), ...notInEnglish(content)];
}

function unusedInEnglish(content: CheckedContent): ContentProblem[] {
  const used = new Set([...content.scripts.values()].flatMap((s) => keyUses(s).map((u) => `${u.namespace}:${u.key}`)));
  const problems: ContentProblem[] = [];
  for (const [namespace, texts] of content.locales.get(SOURCE_LANGUAGE) ?? []) {
    if (CODE_NAMESPACES.has(namespace) || content.brokenScripts.has(namespace)) continue;
    const file = localeFile(SOURCE_LANGUAGE, namespace);
    const script = content.scripts.get(namespace);
    if (!script) {
      problems.push(error(file, '(file)', 'unused-key', `${file} belongs to no script: there is no ${scriptFile(namespace)} and "${namespace}" is not a code namespace (${[...CODE_NAMESPACES].join(', ')}); rename it to match its script, or delete it in every language.`));
      continue;
    }
    for (const key of texts.keys()) {
      const base = variantBase(key);
      if (key === 'examples' && !script.routable) {
        problems.push(warning(file, key, 'unused-key', `"examples" in ${file} is not used, because ${scriptFile(namespace)} is not routable: set "routable": true in the script if people should reach it by typing, or delete the examples.`));
      }
      if (RESERVED_KEYS.has(key) || used.has(`${namespace}:${key}`)) continue;
      if (base !== undefined && (used.has(`${namespace}:${base}`) || !texts.has(base))) continue; // a missing base is variant-without-base
      const what = base === undefined ? `"${key}"` : `the under-13 variant "${key}" (its key "${base}" is not used either)`;
      problems.push(error(file, key, 'unused-key', `${what} in ${file} is not used by ${scriptFile(namespace)} or any other script: use it in a step, or delete it from every language.`));
    }
  }
  return problems;
}

function notInEnglish(content: CheckedContent): ContentProblem[] {
  const english = content.locales.get(SOURCE_LANGUAGE);
  const problems: ContentProblem[] = [];
  for (const [language, namespaces] of content.locales) {
    if (language === SOURCE_LANGUAGE) continue;
    for (const [namespace, texts] of namespaces) {
      const file = localeFile(language, namespace);
      const source = english?.get(namespace);
      const sourceFile = localeFile(SOURCE_LANGUAGE, namespace);
      if (!source) {
        if (!content.brokenLocales.has(`${SOURCE_LANGUAGE}/${namespace}`)) {
          problems.push(error(file, '(file)', 'not-in-english', `${file} has no English source ${sourceFile} (unused / not in English): write the English file first, or delete this one.`));
        }
        continue;
      }
      for (const key of texts.keys()) {
        const base = variantBase(key);
        if (source.has(key) || (base !== undefined && source.has(base))) continue;
        problems.push(error(file, key, 'not-in-english', `"${key}" is in ${file} but not in ${sourceFile} (unused / not in English): add it to English first if a script needs it, otherwise delete it.`));
      }
    }
  }
  return problems;
}
