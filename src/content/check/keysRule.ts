/**
 * Every key a script uses exists in every shipped language, with the kind of value the engine reads there:
 * - `missing-key`: the key (or its whole file) is absent in a language. At run time i18next would quietly show
 *   English, or the bare key when English lacks it too; here it is an error. A `_under13` variant that English has
 *   and a translation lacks is only a warning: the translation's general wording is shown instead.
 *   For the code namespaces (common, widget, safety) every English key must exist in every language.
 * - `key-type`: a text where a list is read (synonyms) or the other way round, or an empty text.
 * - `variant-without-base`: a `<key>_under13` variant whose `<key>` is not in the same file: i18next only picks a
 *   variant of a key it was asked for, so the variant would never be shown.
 */
import { CODE_NAMESPACES, error, languageName, localeFile, scriptFile, SOURCE_LANGUAGE, warning, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { variantBase, VARIANT_SUFFIX } from './localeKeys';
import { keyUses, type KeyUse } from './scriptKeys';

export function checkKeys(content: CheckedContent): ContentProblem[] {
  return [...usedKeyProblems(content), ...codeNamespaceProblems(content), ...variantProblems(content)];
}

/** One problem per language and key, naming the first place a script uses it. */
function usedKeyProblems(content: CheckedContent): ContentProblem[] {
  const uses = new Map<string, (KeyUse & { script: string })[]>();
  for (const script of content.scripts.values()) {
    for (const use of keyUses(script)) {
      const id = `${use.namespace}:${use.key}`;
      uses.set(id, [...(uses.get(id) ?? []), { ...use, script: script.id }]);
    }
  }
  const problems: ContentProblem[] = [];
  const missingFiles = new Set<string>();
  for (const language of content.languages) {
    for (const [, all] of uses) {
      const { namespace, key, kind, where, script } = all[0]!;
      const file = localeFile(language, namespace);
      if (content.brokenLocales.has(`${language}/${namespace}`)) continue;
      const byWhom = `used by ${scriptFile(script)} at ${where}${all.length > 1 ? ` and ${all.length - 1} more place(s)` : ''}`;
      const texts = content.locales.get(language)?.get(namespace);
      if (!texts) {
        if (!missingFiles.has(file)) problems.push(error(file, '(file)', 'missing-key', `${file} does not exist, but ${scriptFile(script)} uses keys from it ("${key}" at ${where}): create it with the ${languageName(language)} texts.`));
        missingFiles.add(file);
        continue;
      }
      if (!texts.has(key)) {
        const group = [...texts.keys()].filter((k) => k.startsWith(`${key}.`));
        const fix = group.length > 0 ? `it is a group (${group.slice(0, 3).join(', ')}), not a text: use one of its keys in the script` : `add the ${languageName(language)} text to ${file}`;
        problems.push(error(file, key, 'missing-key', `"${key}" (${byWhom}) is missing in ${file}: ${fix}.`));
        continue;
      }
      const typeProblem = wrongType(texts.get(key), kind);
      if (typeProblem) problems.push(error(file, key, 'key-type', `"${key}" in ${file} (${byWhom}) ${typeProblem}.`));
      const variant = `${key}${VARIANT_SUFFIX}`;
      if (language !== SOURCE_LANGUAGE && content.locales.get(SOURCE_LANGUAGE)?.get(namespace)?.has(variant) && !texts.has(variant)) {
        problems.push(warning(file, variant, 'missing-key', `English has the under-13 wording "${variant}" but ${file} has not: ${languageName(language)}-speaking children under 13 see the general text; add the variant.`));
      }
    }
  }
  return problems;
}

function wrongType(value: unknown, kind: 'text' | 'list'): string | undefined {
  if (kind === 'list') {
    if (!Array.isArray(value)) return 'must be a list of phrases (["…", "…"]), because it is read as synonyms; make it a JSON array';
    if (value.length === 0 || value.some((v) => typeof v !== 'string' || !v.trim())) return 'must list at least one phrase, each a non-empty text; fill in or remove the empty items';
    return undefined;
  }
  if (typeof value !== 'string') return 'must be a text, because it is shown as a message; make it one string (several messages are several keys)';
  return value.trim() ? undefined : 'is empty: write the text, or remove the key from the script';
}

/** Code reads common, widget and safety keys by name: every language needs every English key. */
function codeNamespaceProblems(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const english = content.locales.get(SOURCE_LANGUAGE);
  for (const namespace of CODE_NAMESPACES) {
    const source = english?.get(namespace);
    if (!source) continue;
    for (const language of content.languages.filter((l) => l !== SOURCE_LANGUAGE)) {
      const file = localeFile(language, namespace);
      if (content.brokenLocales.has(`${language}/${namespace}`)) continue;
      const texts = content.locales.get(language)?.get(namespace);
      if (!texts) {
        problems.push(error(file, '(file)', 'missing-key', `${file} does not exist: the bot's code uses every key of ${localeFile(SOURCE_LANGUAGE, namespace)}; translate that file into ${languageName(language)}.`));
        continue;
      }
      for (const key of source.keys()) {
        if (texts.has(key) || variantBase(key) !== undefined) continue;
        problems.push(error(file, key, 'missing-key', `"${key}" is in ${localeFile(SOURCE_LANGUAGE, namespace)} and used by the bot's code, but missing in ${file}: add the ${languageName(language)} text.`));
      }
    }
  }
  return problems;
}

function variantProblems(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [language, namespaces] of content.locales) {
    for (const [namespace, texts] of namespaces) {
      for (const key of texts.keys()) {
        const base = variantBase(key);
        if (base === undefined || texts.has(base)) continue;
        const file = localeFile(language, namespace);
        problems.push(error(file, key, 'variant-without-base', `"${key}" in ${file} is an under-13 variant of "${base}", which is not in this file: add "${base}" (the wording for everyone else) or rename the key.`));
      }
    }
  }
  return problems;
}
