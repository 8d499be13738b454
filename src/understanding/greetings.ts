/**
 * A message that only says hello ("hi", "salut", "hoi", "cześć", "привіт"): `understanding:greetings` of its
 * language, or English. It names no topic and answers no question: Beacon says hello back and asks again.
 */
import type { Translator } from '../content/translator';
import { normalize } from '../engine/normalize';

export class GreetingReader {
  private readonly byLanguage = new Map<string, ReadonlySet<string>>();

  constructor(translator: Translator) {
    for (const language of translator.languages) {
      if (translator.has(language, 'understanding:greetings')) this.byLanguage.set(language, new Set(translator.list(language, 'understanding:greetings').map(normalize)));
    }
  }

  isGreeting(text: string, language: string): boolean {
    const said = normalize(text);
    return said !== '' && [language.slice(0, 2), 'en'].some((l) => this.byLanguage.get(l)?.has(said) === true);
  }
}
