/**
 * The word lists of `locales/<lang>/understanding.json`, read once per language and key and kept compiled.
 * A message is read with its language's lists and then English's, because people mix in English words ("ok",
 * "in the uk", "im 14") whatever language they chat in; the language's own lists come first, so its meaning wins.
 */
import type { Translator } from '../content/translator';
import { compile } from './phrases';
import { NAMESPACE } from './understandingKeys';
const ENGLISH = 'en';

export class UnderstandingLists {
  private readonly compiled = new Map<string, string[][]>();

  constructor(readonly translator: Translator) {}

  /** The phrases under `key` (e.g. "age.stated") in `language` only, as typed by authors; empty when absent. */
  raw(language: string, key: string): string[] {
    const full = `${NAMESPACE}:${key}`;
    return this.translator.has(language, full) ? this.translator.list(language, full) : [];
  }

  /** The compiled patterns under `key` in `language`, then English's (see `compile`). */
  patterns(language: string, key: string, withEnglish = true): string[][] {
    const id = `${language}|${key}|${withEnglish}`;
    let patterns = this.compiled.get(id);
    if (!patterns) {
      const languages = withEnglish ? [...new Set([language, ENGLISH])] : [language];
      patterns = compile(languages.flatMap((l) => this.raw(l, key)));
      this.compiled.set(id, patterns);
    }
    return patterns;
  }

  /** The languages to read a message in: its own, then English. */
  languagesFor(language: string): string[] {
    return [...new Set([language, ENGLISH])];
  }
}
