/**
 * The country the speaker is in, said in passing: "I live in Belgium", "from germany", "in the uk", "en Suisse",
 * "wir wohnen in Österreich", "vivo en españa". Country names are the helpline directory's (`resolveCountry` in
 * src/helplines/countryNames.ts: English, the five shipped languages' and each country's own names, with or
 * without accents, "uk", "Holland", "Türkiye"); this file only decides where in a sentence a name counts:
 * - after a phrase that places the speaker (`country.cues`: "i live in", "je suis en", "ich wohne in", "vivo en"),
 *   anywhere in the message, skipping an article ("in the uk", "in der Schweiz");
 * - or at the start of the message, alone or after a short lead (`country.leads`: "in", "from", "en", "aus"),
 *   with at most two more words ("germany here", "from france pls").
 * So "a guy from germany keeps messaging me" says nothing about the speaker, and neither do "french fries" (a
 * nationality is not a country) nor "my mum's from Italy". Names that are also words ("turkey", "georgia",
 * "island") count after a cue or as the whole message, not as the start of a longer one ("turkey sandwich").
 * A city or region the way a helpline worker knows it (`country.places.<code>`: "London", "Marseille", "Genève",
 * "Firenze", in the language's own spelling and in English) names its country, in the same places as a country.
 * German spellings without umlauts ("oesterreich") are read as with them. Two different countries in one message
 * give nothing.
 */
import { COVERED_COUNTRIES } from '../helplines/members';
import { resolveCountry } from '../helplines/countryNames';
import { WHOLE_ANSWER_ONLY } from '../helplines/countryAliases';
import type { UnderstandingLists } from './lists';
import { clausesOf, findAll, startsWith, wordsOf } from './phrases';

/** The longest country name in words ("bosnia and herzegovina"). */
const LONGEST_NAME = 4;
/** Words allowed after a country at the start of a message ("germany here pls"). */
const MAX_TAIL = 2;

/** "oe", "ae", "ue" typed for "ö", "ä", "ü" ("oesterreich", "muenchen"). */
const UMLAUTS = /([aou])e/g;

export class CountryFact {
  private readonly placesByLanguage = new Map<string, Map<string, string>>();

  constructor(private readonly lists: UnderstandingLists) {}

  read(text: string, language: string): string | undefined {
    const words = wordsOf(text);
    const found = new Set<string>();
    for (const hit of findAll(words, this.lists.patterns(language, 'country.cues'))) {
      const named = this.nameAt(words.slice(hit.end), language);
      if (named) found.add(named.code);
    }
    const opening = this.atStart(clausesOf(text)[0] ?? [], language);
    if (opening) found.add(opening);
    return found.size === 1 ? [...found][0] : undefined;
  }

  /** The country a name or a place stands for: the directory's names, then the places, then without umlauts. */
  resolve(phrase: string, language: string): string | undefined {
    return resolveCountry(phrase) ?? this.places(language).get(phrase) ?? (/[aou]e/.test(phrase) ? resolveCountry(phrase.replace(UMLAUTS, (m) => m[0]!)) : undefined);
  }

  private places(language: string): Map<string, string> {
    let known = this.placesByLanguage.get(language);
    if (!known) {
      known = new Map();
      for (const l of this.lists.languagesFor(language)) {
        for (const code of COVERED_COUNTRIES) for (const place of this.lists.raw(l, `country.places.${code}`)) if (!known.has(wordsOf(place).join(' '))) known.set(wordsOf(place).join(' '), code);
      }
      this.placesByLanguage.set(language, known);
    }
    return known;
  }

  /** A country named by the first words of a message, after an optional lead ("from", "en", "aus"). */
  private atStart(words: string[], language: string): string | undefined {
    const lead = startsWith(words, this.lists.patterns(language, 'country.leads'));
    const rest = words.slice(lead?.end ?? 0);
    const named = this.nameAt(rest, language);
    if (!named) return undefined;
    const tail = rest.length - named.length;
    if (tail > MAX_TAIL) return undefined;
    if (tail > 0 && WHOLE_ANSWER_ONLY.includes(rest.slice(0, named.length).join(' '))) return undefined;
    return named.code;
  }

  /**
   * The country whose name `words` start with (after an article), and how many words it took. A name must start at
   * the first word: the shortest run of words that `resolveCountry` knows must not be known without its first word.
   */
  private nameAt(words: string[], language: string): { code: string; length: number } | undefined {
    const article = startsWith(words, this.lists.patterns(language, 'country.articles'));
    const skip = article && article.end < words.length ? article.end : 0;
    const rest = words.slice(skip);
    for (let length = 1; length <= Math.min(LONGEST_NAME, rest.length); length++) {
      const run = rest.slice(0, length);
      const phrase = run.join(' ');
      if (phrase.length < 3 && phrase !== 'uk') continue;
      const code = this.resolve(phrase, language);
      if (!code) continue;
      if (length > 1 && this.resolve(run.slice(1).join(' '), language) === code) return undefined;
      return { code, length: skip + length };
    }
    return undefined;
  }
}
