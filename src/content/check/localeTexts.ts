/**
 * Every text in every locale file, one by one, with where it sits: the walk that the rules reading locale
 * texts (https-only, terminology, asks-what-happened) share.
 */
import { localeFile } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { keyAt, textsOf } from './localeKeys';

export interface LocaleText {
  file: string;
  namespace: string;
  /** The key in the file, e.g. `intro.1` (a list item's key is the list's). */
  key: string;
  /** Where to point the author: `intro.1` or `examples[3]`. */
  where: string;
  text: string;
}

export function* localeTexts(content: CheckedContent): Generator<LocaleText> {
  for (const [language, namespaces] of content.locales) {
    for (const [namespace, texts] of namespaces) {
      const file = localeFile(language, namespace);
      for (const [key, value] of texts) {
        for (const { text, index } of textsOf(value)) yield { file, namespace, key, where: keyAt(key, index), text };
      }
    }
  }
}
