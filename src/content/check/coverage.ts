/**
 * How far each language is: of all English keys (English is the source), how many the language has, and how
 * many a native speaker has reviewed (keys of scripts whose `meta.translations[lang]` is "reviewed"). A missing
 * key falls back to English at run time; this table makes that fallback visible instead of silent.
 */
import { SOURCE_LANGUAGE } from './contentProblem';
import type { CheckedContent } from './loadContent';

export interface LanguageCoverage {
  language: string;
  /** Keys in English, over every namespace. */
  total: number;
  /** Of those, keys present in this language. */
  translated: number;
  /** Of those, keys present in this language in scripts whose translation a person has reviewed. */
  reviewed: number;
}

export function coverage(content: CheckedContent): LanguageCoverage[] {
  const english = content.locales.get(SOURCE_LANGUAGE) ?? new Map();
  const total = [...english.values()].reduce((sum, texts) => sum + texts.size, 0);
  return content.languages.map((language) => {
    let translated = 0;
    let reviewed = 0;
    for (const [namespace, source] of english) {
      const texts = content.locales.get(language)?.get(namespace);
      if (!texts) continue;
      const present = [...source.keys()].filter((key) => texts.has(key)).length;
      translated += present;
      if (content.scripts.get(namespace)?.meta.translations[language] === 'reviewed') reviewed += present;
    }
    return { language, total, translated, reviewed };
  });
}
