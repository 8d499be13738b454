/**
 * What the danger classifier sees of a text: hashed character n-grams of each word (3 to 5 letters, with the
 * word's edges marked, as fastText does), so that a typo, an inflection or a missing accent still shares most
 * of its n-grams with the spelling in the examples; plus each whole word and each pair of neighbouring words,
 * so that "kill me" is not the same as "me kill". Hashing keeps the model a fixed size whatever the vocabulary.
 */

/** The number of hash buckets: 2^16 keeps a model of 11 classes under 3 MB and collisions rare enough. */
export const FEATURE_BUCKETS = 1 << 16;
const MIN_GRAM = 3;
const MAX_GRAM = 5;

/** FNV-1a, 32 bits: fast, deterministic, well spread over short strings. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % FEATURE_BUCKETS;
}

/** A sparse feature vector: bucket indices and their weights, scaled so that long and short texts weigh alike. */
export interface Features {
  indices: Uint32Array;
  values: Float32Array;
}

/** Features of already normalised words (see `dangerWords`), and of the concepts found among them. */
export function featuresOf(words: readonly string[], concepts: readonly string[] = []): Features {
  const counts = new Map<number, number>();
  const add = (key: string) => {
    const bucket = hash(key);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  for (const concept of concepts) add(`c:${concept}`);
  words.forEach((word, i) => {
    add(`w:${word}`);
    if (i > 0) add(`b:${words[i - 1]} ${word}`);
    const marked = `<${word}>`;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let start = 0; start + n <= marked.length; start++) add(marked.slice(start, start + n));
    }
  });
  const indices = new Uint32Array(counts.size);
  const values = new Float32Array(counts.size);
  let norm = 0;
  for (const count of counts.values()) norm += count * count;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  let i = 0;
  for (const [bucket, count] of counts) {
    indices[i] = bucket;
    values[i++] = count * scale;
  }
  return { indices, values };
}
