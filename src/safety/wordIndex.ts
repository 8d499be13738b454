/**
 * Finds, for a typed word, every word of the danger phrases that it could be (the same, the same with double
 * letters made single, or a safe typo apart – see `sameWord`), without comparing it with each of them: the
 * check runs on every turn and the lists of all languages hold about a thousand words. Each phrase word is
 * indexed by the strings left after deleting up to as many letters as it may have typos (the "symmetric
 * delete" method); two words a typo or two apart always share such a string, and `sameWord` confirms.
 */
import { sameWord } from './dangerText';

/** How many typos a word of this length may have: none for short words, where a typo makes another word. */
function typosFor(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

function deletions(word: string, depth: number): Set<string> {
  const out = new Set([word]);
  let layer = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of layer) {
      for (let i = 0; i < w.length; i++) {
        const shorter = w.slice(0, i) + w.slice(i + 1);
        if (out.has(shorter)) continue;
        out.add(shorter);
        next.push(shorter);
      }
    }
    layer = next;
  }
  return out;
}

const squeeze = (word: string) => word.replace(/(\p{L})\1+/gu, '$1');

/** Typed words remembered with what they matched; most messages are made of the same few thousand words. */
const REMEMBERED = 20_000;

export class WordIndex {
  private readonly byVariant = new Map<string, Set<string>>();
  private readonly seen = new Map<string, ReadonlySet<string>>();

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      for (const key of [...deletions(word, typosFor(word.length)), `=${squeeze(word)}`]) {
        const known = this.byVariant.get(key) ?? new Set<string>();
        known.add(word);
        this.byVariant.set(key, known);
      }
    }
  }

  /** The indexed words that `input` may stand for. */
  matches(input: string): ReadonlySet<string> {
    const known = this.seen.get(input);
    if (known) return known;
    if (this.seen.size >= REMEMBERED) this.seen.clear();
    const found = this.lookUp(input);
    this.seen.set(input, found);
    return found;
  }

  private lookUp(input: string): Set<string> {
    const found = new Set<string>();
    for (const key of [...deletions(input, typosFor(input.length)), `=${squeeze(input)}`]) {
      for (const word of this.byVariant.get(key) ?? []) if (!found.has(word) && sameWord(input, word)) found.add(word);
    }
    return found;
  }
}
