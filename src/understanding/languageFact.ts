/**
 * A request for a language in a sentence: "can we speak French", "en français svp", "auf deutsch bitte", "¿hablas
 * español?", "parli italiano?", "in english please". (A bare language name is a command already:
 * `CommandRecognizer.languageSwitch`.) A language counts when the message names one shipped language and either
 * - a word just before it places the talk in it (`language.before`: "in", "en", "auf"), or
 * - a word of the message asks for it (`language.cues`: "speak", "parler", "sprechen", "hablas", "parli", "please").
 * The words around the name are read in the chat's language, in English and in the language named ("en español por
 * favor" in an English chat, "auf deutsch" in a French one).
 * A negation before the name takes it back ("i don't speak english", "pas en anglais": `language.negations`), and a
 * long message (more than 10 words) is a story, not a request ("he wrote to me in english and said…").
 * Names are every shipped language's names for every shipped language (`language.names.<code>` and
 * `common:languages`), so "can we speak français" works too. A nationality or a country is not a language:
 * "i'm french", "my french teacher", "i live in germany" give nothing.
 */
import type { UnderstandingLists } from './lists';
import { findAll, matchAt, wordsOf } from './phrases';

const MAX_WORDS = 10;

export class LanguageFact {
  private names: { words: string[]; code: string }[] | undefined;

  constructor(private readonly lists: UnderstandingLists) {}

  read(text: string, language: string): string | undefined {
    const words = wordsOf(text);
    if (words.length === 0 || words.length > MAX_WORDS) return undefined;
    const named = this.namesIn(words);
    const codes = new Set(named.map((n) => n.code));
    if (codes.size !== 1) return undefined;
    const first = named[0]!;
    // The request may be worded in the language asked for ("en español por favor" in an English chat).
    const patterns = (key: string) => [...new Set([language, first.code])].flatMap((l) => this.lists.patterns(l, key));
    const negations = findAll(words, patterns('language.negations'));
    if (negations.some((n) => n.start < first.start)) return undefined;
    const before = patterns('language.before').some((p) => p.length <= first.start && matchAt(words, p, first.start - p.length));
    const asked = findAll(words, patterns('language.cues')).some((c) => c.end <= first.start || c.start >= first.end);
    return before || asked ? first.code : undefined;
  }

  /** Where the message names a language, exactly as spelt in the lists ("german" is not "germany"). */
  private namesIn(words: string[]): { start: number; end: number; code: string }[] {
    const hits: { start: number; end: number; code: string }[] = [];
    for (let start = 0; start < words.length; start++) {
      const name = this.allNames().find((n) => n.words.every((w, k) => words[start + k] === w));
      if (name) hits.push({ start, end: start + name.words.length, code: name.code });
    }
    return hits;
  }

  private allNames(): { words: string[]; code: string }[] {
    if (this.names) return this.names;
    const { translator } = this.lists;
    const names: { words: string[]; code: string }[] = [];
    for (const code of translator.languages) {
      const text = (l: string, key: string) => (translator.has(l, key) ? [translator.t(l, key)] : []);
      const spellings = [
        ...text(code, 'common:languageName'),
        ...translator.languages.flatMap((l) => [...text(l, `common:languages.${code}`), ...this.lists.raw(l, `language.names.${code}`)])
      ];
      for (const spelling of spellings) {
        const words = wordsOf(spelling);
        if (words.length > 0) names.push({ words, code });
      }
    }
    this.names = names.sort((a, b) => b.words.length - a.words.length);
    return this.names;
  }
}
