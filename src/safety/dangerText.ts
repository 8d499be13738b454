/**
 * How the crisis check reads a message: the way people type when they are scared or in a hurry. Case, accents
 * and punctuation are ignored; leetspeak inside words is undone ("k1ll" → "kill", but "112" stays a number);
 * letters repeated for emphasis are squeezed ("scareddddd"); text-speak and common misspellings are spelled out
 * from the lists in safety.json ("im" → "i m", "g peur" → "j ai peur"); and each word of a phrase may differ by
 * a typo when it is long enough for a typo to be safe ("sucide", "threatning"). Short words must match exactly:
 * "tue" is not "tuer", "aide" is not "aidez".
 */
import { editDistance, normalize } from '../engine/normalize';

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's' };

/** Normalised for matching: no accents or punctuation, leetspeak undone, letters repeated 3+ times squeezed to 2. */
export function normalizeForDanger(text: string): string {
  const unleet = text.replace(/[013457@$]/g, (c, offset: number, all: string) => {
    // Only inside words: "112" or "16" stay numbers.
    const around = (all[offset - 1] ?? '') + (all[offset + 1] ?? '');
    return /\p{L}/u.test(around) ? (LEET[c] ?? c) : c;
  });
  return normalize(unleet).replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** "variant = spelled out" lines from safety.json as a map of normalised words. */
export function parseSpellings(lines: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of lines) {
    const [variant, meant] = line.split('=').map((part) => normalizeForDanger(part ?? ''));
    if (variant && meant && !variant.includes(' ')) map.set(variant, meant);
  }
  return map;
}

/** The words of a text as the check compares them: normalised, with text-speak spelled out. */
export function dangerWords(text: string, spellings: ReadonlyMap<string, string>): string[] {
  return normalizeForDanger(text)
    .split(' ')
    .flatMap((word) => (spellings.get(word) ?? word).split(' '))
    .filter(Boolean);
}

/** True when two words are the same, the same with double letters made single, or a safe typo apart. */
export function sameWord(input: string, target: string): boolean {
  if (input === target) return true;
  const shorter = Math.min(input.length, target.length);
  if (shorter <= 4) return squeeze(input) === squeeze(target);
  const allowed = shorter <= 8 ? 1 : 2;
  return editDistance(input, target, allowed) <= allowed || squeeze(input) === squeeze(target);
}

/** The words with every false friend cut out; a barrier stands in the gap so no phrase spans it. */
export function withoutFalseFriends(words: readonly string[], falseFriends: readonly string[]): string[] {
  const present = new Set(words);
  let text = ` ${words.join(' ')} `;
  for (const harmless of falseFriends) {
    // Cutting only removes words, so one whose first word is not in the message can never be there.
    if (present.has(harmless.slice(0, harmless.indexOf(' ') >>> 0))) text = text.split(` ${harmless} `).join(' | ');
  }
  return text.trim().split(' ').filter(Boolean);
}

function squeeze(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}
