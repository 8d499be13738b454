/**
 * Reads "yes" or "no" the way people type them: "yeah", "yep", "sure", "nope", "nah", "ouais", "nan", "jo", "nö",
 * "sip", "vale", "sì", "certo", "no grazie"… The words are authors' lists in `locales/<lang>/understanding.json`
 * (`yes`, `no`), read in the message's language and then in English.
 *
 * The answer is literal: "no im fine" is `no`, and what `no` means at a prompt is the caller's business. It is read
 * from the whole message, or from its first words when the rest is clearly a new part:
 * - after punctuation ("yeah, but what if…", "no. i'm ok", "no, estoy bien"), which wins over everything below;
 * - or before a word that starts a new part (`answers.followers`: "yeah but…", "no thanks i…", "no im fine").
 * Without one of those a first word is not an answer: "no one helps me", "si je lui dis", "no sé qué hacer" are
 * sentences, and `answers.notAnswers` lists the ones that would still look like answers ("no idea", "ok so").
 * Letters typed twice or more count once ("yesss", "noooo", "jaaa"), on both sides; the sounds people start with
 * while they think ("ehm no", "euh oui", "pues sí") are skipped.
 */
import type { Translator } from '../content/translator';
import { UnderstandingLists } from './lists';
import { clausesOf, matchAt, startsWith, wordsOf } from './phrases';

export type YesNo = 'yes' | 'no';

const ANSWERS: readonly YesNo[] = ['yes', 'no'];

export class YesNoReader {
  private readonly lists: UnderstandingLists;
  /** Each list squeezed once: `read` asks for the same lists several times a message. */
  private readonly squeezed = new Map<string, string[][]>();

  constructor(translator: Translator) {
    this.lists = new UnderstandingLists(translator);
  }

  read(text: string, language: string): YesNo | undefined {
    const languages = this.lists.languagesFor(language);
    const words = this.afterHesitation(squeeze(wordsOf(text)), language);
    if (words.length === 0) return undefined;
    const clauses = clausesOf(text).map((c) => this.afterHesitation(squeeze(c), language)).filter((c) => c.length > 0);
    const firstClause = clauses.length > 1 ? clauses[0]! : [];
    for (const l of languages) {
      const answered = this.wholeAnswer(firstClause, l);
      if (answered) return answered;
    }
    if (languages.some((l) => startsWith(words, this.patterns(l, 'answers.notAnswers')))) return undefined;
    for (const l of languages) {
      const whole = this.wholeAnswer(words, l);
      if (whole) return whole;
    }
    for (const l of languages) {
      const leading = this.leadingAnswer(words, l);
      if (leading) return leading;
    }
    return undefined;
  }

  /** `words` without the sounds people start with while they think (`answers.hesitations`: "ehm", "euh", "hmm", "pues"). */
  private afterHesitation(words: string[], language: string): string[] {
    const hesitations = this.lists.patterns(language, 'answers.hesitations');
    let rest = words;
    for (let hit = startsWith(rest, hesitations); hit && hit.end < rest.length; hit = startsWith(rest, hesitations)) rest = rest.slice(hit.end);
    return rest;
  }

  /** The answer when `words` is exactly one of the phrases. */
  private wholeAnswer(words: string[], language: string): YesNo | undefined {
    if (words.length === 0) return undefined;
    return ANSWERS.find((answer) => this.patterns(language, answer).some((p) => p.length === words.length && matchAt(words, p, 0)));
  }

  /** The answer when `words` starts with a phrase followed by a word that begins a new part ("yeah but…"). */
  private leadingAnswer(words: string[], language: string): YesNo | undefined {
    const followers = this.patterns(language, 'answers.followers');
    for (const answer of ANSWERS) {
      const hit = startsWith(words, this.patterns(language, answer));
      if (hit && hit.end < words.length && followers.some((f) => matchAt(words, f, hit.end))) return answer;
    }
    return undefined;
  }

  private patterns(language: string, key: string): string[][] {
    const name = `${language}:${key}`;
    let found = this.squeezed.get(name);
    if (!found) this.squeezed.set(name, (found = this.lists.patterns(language, key, false).map(squeeze)));
    return found;
  }
}

/** "yesss" → "yes", "jaaa" → "ja": a letter repeated is one letter. */
export function squeeze(words: readonly string[]): string[] {
  return words.map((w) => w.replace(/(\p{L})\1+/gu, '$1'));
}
