/**
 * Phrase patterns for the fact and yes/no readers. A pattern is a phrase from `locales/<lang>/understanding.json`,
 * normalised like the message (lower case, no accents, no punctuation: `normalize.ts`), where `#` stands for one
 * number: "j'ai # ans" matches "J'ai 15 ans !" (normalised "j ai 15 ans"); lists also carry the forms people type
 * without the apostrophe ("jai # ans"). Digits glued to letters are split ("14yo" → "14 yo", "18h" → "18 h"),
 * so that a pattern can name the unit and a time is never a bare number.
 * Words of 5 letters or more may differ by one typo ("teatcher", "dauther"); shorter words must be exact, because
 * one letter turns "mum" into "mun" and "son" into "sin".
 */
import { nearlyEqual, normalize } from '../engine/normalize';

export const NUMBER = '#';

/**
 * Texts already split: every reader of a message splits it (yes/no, age, country, audience, language). Emptied
 * after each message is read (`forgetSplitTexts`), so no message text stays in memory after its turn (DESIGN rule 8).
 */
const split = new Map<string, string[]>();
const SPLIT_LIMIT = 512;

/** A normalised message as words, with digits and letters split apart (frozen: the readers share it). */
export function wordsOf(text: string): string[] {
  const known = split.get(text);
  if (known) return known;
  const normal = normalize(text).replace(/(\p{L})(\p{N})/gu, '$1 $2').replace(/(\p{N})(\p{L})/gu, '$1 $2');
  const words = Object.freeze(normal ? normal.split(' ') : []) as string[];
  if (split.size >= SPLIT_LIMIT) split.clear();
  split.set(text, words);
  return words;
}

/** Drops every text split so far: called once a message has been read. */
export function forgetSplitTexts(): void {
  split.clear();
}

/** How many split texts are held (for the test that none is left after a reading). */
export function splitTextCount(): number {
  return split.size;
}

/** The message cut at punctuation ("yeah, but…" → "yeah" and "but…"), each part as words; empty parts dropped. */
export function clausesOf(text: string): string[][] {
  return text
    .split(/[.,;:!?¿¡…\n]+/u)
    .map(wordsOf)
    .filter((words) => words.length > 0);
}

/** Patterns as word lists, longest first so that "no thank you" is tried before "no"; blanks dropped. */
export function compile(phrases: readonly string[]): string[][] {
  const written = phrases.map((p) => wordsOf(p.replace(/#/g, ' 0000 ')).map((w) => (w === '0000' ? NUMBER : w)).join(' '));
  // "i'm" is typed "im" as often as not: every pattern with "i m" also has its "im" form.
  const unique = [...new Set(written.flatMap((p) => (` ${p} `.includes(' i m ') ? [p, ` ${p} `.replaceAll(' i m ', ' im ').trim()] : [p])))];
  return unique
    .filter(Boolean)
    .map((p) => p.split(' '))
    .sort((a, b) => b.length - a.length);
}

export function sameWord(word: string, wanted: string): boolean {
  if (word === wanted) return true;
  return wanted.length >= 5 && word.length >= 5 && nearlyEqual(word, wanted);
}

export interface PhraseHit {
  start: number;
  /** The index just after the last matched word. */
  end: number;
  /** The numbers matched by `#`, in order. */
  numbers: number[];
}

/** The pattern matched at `start` in `words`, or undefined. */
export function matchAt(words: readonly string[], pattern: readonly string[], start: number): PhraseHit | undefined {
  if (start + pattern.length > words.length) return undefined;
  const numbers: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const word = words[start + i]!;
    const wanted = pattern[i]!;
    if (wanted === NUMBER) {
      if (!/^\d{1,3}$/.test(word)) return undefined;
      numbers.push(Number(word));
    } else if (!sameWord(word, wanted)) {
      return undefined;
    }
  }
  return { start, end: start + pattern.length, numbers };
}

/** Every place where one of the patterns matches, scanning from the first word; longer patterns first at a place. */
export function findAll(words: readonly string[], patterns: readonly (readonly string[])[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (let start = 0; start < words.length; start++) {
    for (const pattern of patterns) {
      const hit = matchAt(words, pattern, start);
      if (hit) hits.push(hit);
    }
  }
  return hits;
}

/** True when one of the patterns occurs anywhere in `words`. */
export function containsAny(words: readonly string[], patterns: readonly (readonly string[])[]): boolean {
  return findAll(words, patterns).length > 0;
}

/** The longest pattern that `words` starts with, or undefined. */
export function startsWith(words: readonly string[], patterns: readonly (readonly string[])[]): PhraseHit | undefined {
  for (const pattern of patterns) {
    const hit = matchAt(words, pattern, 0);
    if (hit) return hit;
  }
  return undefined;
}
