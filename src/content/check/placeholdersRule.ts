/**
 * `placeholders`: a translation has exactly the `{{placeholders}}` of its English text. A renamed or missing
 * placeholder is shown to the user as "{{score}}" or as nothing at all, and a translator cannot see that in the
 * file. A `_under13` variant found only in the translation is compared with English's key for everyone.
 */
import { error, localeFile, SOURCE_LANGUAGE, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { textsOf, variantBase } from './localeKeys';

/** `{{name}}`, `{{ name }}` and `{{count, number}}` (i18next formatting) all name `name`/`count`. */
const PLACEHOLDER = /\{\{\s*([^,}\s]+)[^}]*\}\}/g;

export function placeholdersOf(value: unknown): Set<string> {
  return new Set(textsOf(value).flatMap(({ text }) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)));
}

export function checkPlaceholders(content: CheckedContent): ContentProblem[] {
  const english = content.locales.get(SOURCE_LANGUAGE);
  const problems: ContentProblem[] = [];
  for (const [language, namespaces] of content.locales) {
    if (language === SOURCE_LANGUAGE) continue;
    for (const [namespace, texts] of namespaces) {
      const source = english?.get(namespace);
      if (!source) continue;
      for (const [key, value] of texts) {
        const sourceKey = source.has(key) ? key : variantBase(key);
        if (sourceKey === undefined || !source.has(sourceKey)) continue;
        const wanted = placeholdersOf(source.get(sourceKey));
        const found = placeholdersOf(value);
        const missing = [...wanted].filter((p) => !found.has(p));
        const extra = [...found].filter((p) => !wanted.has(p));
        if (missing.length === 0 && extra.length === 0) continue;
        const file = localeFile(language, namespace);
        const list = (names: string[]) => names.map((p) => `{{${p}}}`).join(', ');
        const detail = [missing.length ? `lacks ${list(missing)}` : '', extra.length ? `has ${list(extra)} that English does not` : ''].filter(Boolean).join(' and ');
        problems.push(error(file, key, 'placeholders', `"${key}" in ${file} ${detail}: use exactly the placeholders of ${localeFile(SOURCE_LANGUAGE, namespace)} (${list([...wanted]) || 'none'}), unchanged, with the translated words around them.`));
      }
    }
  }
  return problems;
}
