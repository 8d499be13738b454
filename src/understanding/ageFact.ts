/**
 * The speaker's age in a message: "im 12", "i'm 14", "14", "14 yo", "j'ai 15 ans", "ich bin dreizehn", "bin 13",
 * "tengo catorce años", "ho 16 anni". Patterns live in `locales/<lang>/understanding.json`:
 * - `age.stated`: the speaker says it ("i m #", "j ai # ans", "tengo #"), anywhere in a part of the message;
 * - `age.opening`: a number said on its own ("#", "# yo", "15 ans"), only at the start of a part, so that
 *   "ma fille a 12 ans" and "my daughter is 12" never give the speaker's age;
 * - `age.followers`: after the pattern, the part must end or go on with one of these words ("i'm 14 and…",
 *   "tengo 14 y…"), so that "tengo 2 hermanos", "j'ai 2 photos" and "2 pics" are not ages;
 * - `age.numbers`: the number words from one up, in order ("fourteen" is the 14th), written as digits first.
 * - `age.school`: a school year said at the start of a part ("im in year 9", "je suis en 4e", "8. Klasse",
 *   "3º de la ESO", "terza media"), each item "rule = pattern", the rule giving the age most pupils have at the
 *   start of that year: a fixed age ("13 = terza media"), or the year's number plus or minus some years
 *   ("#+4 = year #": Year 9 is 13; "17-# = en # e": la 4e is 13). A year
 *   at a border counts as the younger age, so that a child never gets the older wording too early.
 * Only 5 to 99 counts as an age: "112", "1000" and "2" are not. A time ("18h") never matches, because "h" is not a
 * follower. A bare number is an age only when it is the whole message ("14").
 */
import type { UnderstandingLists } from './lists';
import { clausesOf, compile, findAll, matchAt, NUMBER, startsWith, wordsOf, type PhraseHit } from './phrases';

export const MIN_AGE = 5;

export const AGE_BANDS = ['under13', '13to17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const MAX_AGE = 99;

export interface AgeReading {
  age: number;
  /** True when the speaker said it of themselves ("I'm 19"), not just a number ("19 yo"). */
  firstPerson: boolean;
}

export class AgeFact {
  private readonly numbersByLanguage = new Map<string, { words: string[]; value: number }[]>();
  private readonly schoolByLanguage = new Map<string, [string, string[][]][]>();

  constructor(private readonly lists: UnderstandingLists) {}

  read(text: string, language: string): AgeReading | undefined {
    const clauses = clausesOf(text).map((words) => this.withDigits(words, language));
    const whole = this.withDigits(wordsOf(text), language);
    if (whole.length === 1 && /^\d+$/.test(whole[0]!)) return asAge(Number(whole[0]), false);
    const stated = this.lists.patterns(language, 'age.stated');
    const opening = this.lists.patterns(language, 'age.opening').filter((p) => !(p.length === 1 && p[0] === NUMBER));
    for (const words of clauses) {
      const said = findAll(words, stated).find((hit) => this.endsWell(words, hit, language));
      if (said) return asAge(said.numbers[0], true);
      const alone = startsWith(words, opening);
      if (alone && this.endsWell(words, alone, language)) return asAge(alone.numbers[0], false);
    }
    return undefined;
  }

  /** The age a school year says ("im in year 9" → 13), when a part of the message starts with one. */
  school(text: string, language: string): AgeReading | undefined {
    // "8. Klasse": the dot of a German ordinal does not end the part.
    const clauses = clausesOf(text.replace(/(\d)\.\s*(?=\p{L})/gu, '$1 ')).map((words) => this.withDigits(words, language));
    for (const [rule, patterns] of this.schoolYears(language)) {
      for (const words of clauses) {
        const hit = startsWith(words, patterns);
        if (!hit || !(hit.end === words.length || this.lists.patterns(language, 'age.followers').some((f) => matchAt(words, f, hit.end)))) continue;
        const age = schoolAge(rule, hit.numbers[0]);
        if (age !== undefined) return asAge(age, true);
      }
    }
    return undefined;
  }

  /**
   * An age group said as the whole message or its first part, the way the buttons name them (`age.bands.<band>`):
   * "13-17", "13 a 17", "unter 13", "meno di 13".
   */
  band(text: string, language: string): AgeBand | undefined {
    const first = this.withDigits(clausesOf(text.replace(/(\d)\s*[-–/]\s*(\d)/gu, '$1 $2'))[0] ?? [], language);
    return AGE_BANDS.find((band) => this.lists.patterns(language, `age.bands.${band}`).some((p) => p.length === first.length && matchAt(first, p, 0)));
  }

  /** The pattern ends the part, or is followed by a word such as "and", "but", "years". */
  private endsWell(words: readonly string[], hit: PhraseHit, language: string): boolean {
    if (hit.numbers.length === 0) return false;
    if (hit.end === words.length) return true;
    return this.lists.patterns(language, 'age.followers').some((f) => matchAt(words, f, hit.end));
  }

  /** Number words ("fourteen", "dix sept", "vierzehn") replaced by digits, longest first; spelt exactly ("there" is not "three"). */
  private withDigits(words: string[], language: string): string[] {
    const numbers = this.numberWords(language);
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const found = numbers.find(({ words: w }) => w.every((word, k) => words[i + k] === word));
      if (found) {
        out.push(String(found.value));
        i += found.words.length;
      } else {
        out.push(words[i]!);
        i += 1;
      }
    }
    return out;
  }

  /**
   * `age.school` of the language, then of English, grouped by rule: each item is "rule = pattern" ("#+4 = year #",
   * "13 = terza media").
   */
  private schoolYears(language: string): [string, string[][]][] {
    const known = this.schoolByLanguage.get(language);
    if (known) return known;
    const byRule = new Map<string, string[]>();
    for (const item of this.lists.languagesFor(language).flatMap((l) => this.lists.raw(l, 'age.school'))) {
      const at = item.indexOf('=');
      if (at < 0) continue;
      const rule = item.slice(0, at).trim();
      byRule.set(rule, [...(byRule.get(rule) ?? []), item.slice(at + 1)]);
    }
    const rules = [...byRule].map(([rule, phrases]): [string, string[][]] => [rule, compile(phrases)]);
    this.schoolByLanguage.set(language, rules);
    return rules;
  }

  private numberWords(language: string): { words: string[]; value: number }[] {
    const known = this.numbersByLanguage.get(language);
    if (known) return known;
    const all = this.lists.languagesFor(language).flatMap((l) =>
      this.lists.raw(l, 'age.numbers').flatMap((item, index) => item.split('|').map((name) => ({ words: wordsOf(name), value: index + 1 })))
    );
    const numbers = all.filter((n) => n.words.length > 0).sort((a, b) => b.words.length - a.words.length);
    this.numbersByLanguage.set(language, numbers);
    return numbers;
  }
}

/** "13" → 13; "#+4" with 9 → 13; "17-#" with 4 → 13; undefined when the rule needs a number the pattern has not. */
function schoolAge(rule: string, year: number | undefined): number | undefined {
  const fixed = /^\d+$/.exec(rule);
  if (fixed) return Number(rule);
  const plus = /^#\+(\d+)$/.exec(rule);
  if (plus && year !== undefined) return year + Number(plus[1]);
  const minus = /^(\d+)-#$/.exec(rule);
  if (minus && year !== undefined) return Number(minus[1]) - year;
  return undefined;
}

function asAge(value: number | undefined, firstPerson: boolean): AgeReading | undefined {
  if (value === undefined || value < MIN_AGE || value > MAX_AGE) return undefined;
  return { age: value, firstPerson };
}
