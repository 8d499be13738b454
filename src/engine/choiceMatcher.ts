/**
 * Understands an answer to a question with choices: the button value, the choice's title in the user's
 * language, its number ("2"), synonyms listed in `locales/`, and near-misses (case, accents, small typos).
 */
import { editDistance, nearlyEqual, normalize } from './normalize';

export interface MatchableChoice {
  id: string;
  /** The title and synonyms, already translated. */
  phrases: string[];
}

/** The index of the chosen choice, or undefined when the answer matches none (or more than one). */
export function matchChoice(choices: MatchableChoice[], text: string | undefined, value: unknown): number | undefined {
  const byValue = valueChoiceId(value);
  if (byValue !== undefined) {
    const index = choices.findIndex((c) => c.id === byValue);
    if (index >= 0) return index;
  }
  if (!text) return undefined;
  const input = normalize(text);
  if (!input) return undefined;

  const numbered = /^(\d{1,2})$/.exec(input);
  if (numbered) {
    const index = Number(numbered[1]) - 1;
    return index >= 0 && index < choices.length ? index : undefined;
  }
  const exact = choices.findIndex((c) => c.id === input || c.phrases.some((p) => normalize(p) === input));
  if (exact >= 0) return exact;
  const near = choices
    .map((c, index) => ({ index, hit: c.phrases.some((p) => wordsNearlyEqual(input, normalize(p))) }))
    .filter((c) => c.hit);
  return near.length === 1 ? near[0]!.index : undefined;
}

/**
 * A near-miss word by word: each word the same or a small typo of its counterpart, and short words exact. So
 * "im saef" is "im safe", but "si estoy bien" is never "no estoy bien" (two letters, but a different word).
 */
function wordsNearlyEqual(input: string, phrase: string): boolean {
  const a = input.split(' ');
  const b = phrase.split(' ');
  if (a.length !== b.length) return a.length === 1 && b.length === 1 && nearlyEqual(input, phrase);
  return a.every((word, i) => nearlyEqual(word, b[i]!) || digitsSwapped(word, b[i]!));
}

/** "71" for "17": the same digits, two of them swapped (a short word is otherwise matched exactly). */
function digitsSwapped(a: string, b: string): boolean {
  return /^\d+$/.test(a) && /^\d+$/.test(b) && a !== b && editDistance(a, b, 1) <= 1;
}

/** A card submission's choice id: `{ choice: "yes" }` or a bare string; anything else is ignored. */
function valueChoiceId(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { choice?: unknown }).choice === 'string') {
    return (value as { choice: string }).choice;
  }
  return undefined;
}

/**
 * True when `text` is exactly one of the titles (case, accents and punctuation aside): a tap on a button Beacon
 * offered, or the same words typed. Beacon's own wording chosen from a question is an answer, not a disclosure.
 */
export function isOfferedTitle(text: string, titles: readonly string[]): boolean {
  const input = normalize(text);
  return input !== '' && titles.some((title) => normalize(title) === input);
}
