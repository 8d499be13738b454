/**
 * Text normalisation for matching what people type: lower case, no accents, no punctuation, single spaces,
 * and a small edit distance for near-misses ("yse" for "yes", "francais" for "français").
 */

/** Ukrainian: an apostrophe inside a word ("м'ясо", "пам’ять", "мʼясо") is dropped, as Latin typing drops it. */
const CYRILLIC_APOSTROPHE = /(?<=\p{Script=Cyrillic})[’'`´ʼ‘]+(?=\p{Script=Cyrillic})/gu;
/** Ukrainian: the soft sign, which Latin typing leaves out ("normalno"), and ґ typed as г. */
const CYRILLIC_SOFT = /[ьґ]/g;
const CYRILLIC_LETTERS: Readonly<Record<string, string>> = { ь: '', ґ: 'г' };

export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ı/g, 'i') // Turkish dotless i: "kız" and "kiz" read the same (İ and I already fold to i)
    .replace(CYRILLIC_APOSTROPHE, '').replace(CYRILLIC_SOFT, (c) => CYRILLIC_LETTERS[c] ?? '') // uk: "м'ясо" = "мʼясо" = "myaso"
    .replace(/[’'`´]/g, ' ')
    .replace(/ł/g, 'l') // Polish ł has no combining mark, so NFKD keeps it: "zdjęcia" and "zdjecia", "były" and "byly" alike
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = max + 1;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** How many typos a word of this length may have and still count: none for short words. */
export function allowedTypos(length: number): number {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

/** True when two normalised phrases are the same or differ by a small typo. */
export function nearlyEqual(input: string, target: string): boolean {
  if (input === target) return true;
  const allowed = allowedTypos(Math.min(input.length, target.length));
  return allowed > 0 && editDistance(input, target, allowed) <= allowed;
}
