/**
 * The danger check that runs on every turn (DESIGN.md rule 1): the phrase lists of `locales/<lang>/safety.json`
 * (`crisis.phrases`, `crisis.falseFriends` that must not trigger, `crisis.spellings` for text-speak), read the
 * way `dangerText.ts` describes. Lists from every shipped language are checked on every message, since people
 * mix languages. Reviewers extend the lists; `test/safety/detection.test.ts` measures them against labelled
 * messages written separately, per language, and prints every miss.
 */
import type { Translator } from '../content/translator';
import type { DangerDetector } from '../engine/engineServices';
import { dangerWords, parseSpellings, withoutFalseFriends } from './dangerText';
import { NO_DANGER, type DangerReading } from './dangerReading';
import { WordIndex } from './wordIndex';

export { normalizeForDanger } from './dangerText';

export class PhraseDangerDetector implements DangerDetector {
  private readonly spellings: Map<string, string>;
  private readonly phrases: string[][];
  private readonly falseFriends: string[];
  private readonly index: WordIndex;
  private readonly byFirst = new Map<string, string[][]>();

  constructor(translator: Translator) {
    const all = (key: string) => [...new Set(translator.languages.flatMap((l) => translator.list(l, `safety:crisis.${key}`)))];
    this.spellings = parseSpellings(all('spellings'));
    const words = (phrase: string) => dangerWords(phrase, this.spellings);
    this.phrases = [...new Set(all('phrases').map((p) => words(p).join(' ')))].filter(Boolean).map((p) => p.split(' '));
    // Longest first, so that "si quelqu un me menace de" is cut out before "si on" could split it.
    this.falseFriends = [...new Set(all('falseFriends').map((p) => words(p).join(' ')))].filter(Boolean).sort((a, b) => b.length - a.length);
    this.index = new WordIndex(this.phrases.flat());
    for (const phrase of this.phrases) this.byFirst.set(phrase[0]!, [...(this.byFirst.get(phrase[0]!) ?? []), phrase]);
  }

  /** `language` is not needed: every shipped language's lists are checked, since people mix languages. */
  read(text: string, language?: string): DangerReading {
    return this.isDanger(text, language) ? { level: 'emergency', score: 1 } : NO_DANGER;
  }

  isDanger(text: string, _language?: string): boolean {
    const words = withoutFalseFriends(dangerWords(text, this.spellings), this.falseFriends);
    const meanings = words.map((word) => this.index.matches(word));
    // Only phrases that start with a word the message may hold: the check runs on every turn.
    return meanings.some((meaning, start) =>
      [...meaning].some((first) => (this.byFirst.get(first) ?? []).some((phrase) => start + phrase.length <= words.length && phrase.every((word, i) => meanings[start + i]!.has(word)))));
  }
}
