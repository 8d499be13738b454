/**
 * The danger check that runs on every turn: phrase lists from `locales/<lang>/safety.json` (`crisis.phrases`,
 * with `crisis.falseFriends` that must not trigger), matched after normalising case, accents, leetspeak and
 * repeated letters. Lists from every shipped language are checked, since people mix languages.
 */
import type { Translator } from '../content/translator';
import type { DangerDetector } from '../engine/engineServices';
import { normalize } from '../engine/normalize';

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's' };

/** Normalised for matching: no accents or punctuation, leetspeak undone, letters repeated 3+ times squeezed. */
export function normalizeForDanger(text: string): string {
  const unleet = text.replace(/[013457@$]/g, (c, offset: number, all: string) => {
    // Only inside words: "112" or "16" stay numbers.
    const around = (all[offset - 1] ?? '') + (all[offset + 1] ?? '');
    return /\p{L}/u.test(around) ? (LEET[c] ?? c) : c;
  });
  return normalize(unleet).replace(/(\p{L})\1{2,}/gu, '$1$1');
}

export class PhraseDangerDetector implements DangerDetector {
  private readonly phrases: string[];
  private readonly falseFriends: string[];

  constructor(translator: Translator) {
    const all = (key: string) => [...new Set(translator.languages.flatMap((l) => translator.list(l, `safety:${key}`)).map(normalizeForDanger).filter(Boolean))];
    this.phrases = all('crisis.phrases');
    this.falseFriends = all('crisis.falseFriends');
  }

  isDanger(text: string): boolean {
    let input = ` ${normalizeForDanger(text)} `;
    for (const harmless of this.falseFriends) input = input.split(` ${harmless} `).join(' ');
    return this.phrases.some((phrase) => input.includes(` ${phrase} `) || squeezed(input).includes(` ${squeezed(phrase)} `));
  }
}

/** Double letters as single ones, so "kil myself" and "killl myself" meet "kill myself". */
function squeezed(text: string): string {
  return text.replace(/(\p{L})\1+/gu, '$1');
}
