/**
 * Locale files as the checker sees them: flat maps from i18next keys (`safe.prompt`) to values (a text, or a list
 * for synonyms and examples), which is how the engine looks them up (i18next's "." key separator).
 */

export type FlatNamespace = ReadonlyMap<string, unknown>;
/** language → namespace → key → value */
export type LocaleTable = ReadonlyMap<string, ReadonlyMap<string, FlatNamespace>>;

/** The i18next context variant the engine picks for young people under 13 (`<key>_under13`). */
export const VARIANT_SUFFIX = '_under13';

/** Nested JSON → dotted keys. Arrays are values (lists), not groups: `{"a": {"b": ["x"]}}` → `a.b` = ["x"]. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isGroup(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

export function isGroup(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `intro.1_under13` → `intro.1`; undefined when the key is not a variant. */
export function variantBase(key: string): string | undefined {
  return key.endsWith(VARIANT_SUFFIX) && key.length > VARIANT_SUFFIX.length ? key.slice(0, -VARIANT_SUFFIX.length) : undefined;
}

/** Every text in a value: the value itself, or each item of a list, with the index for messages. */
export function textsOf(value: unknown): { text: string; index?: number }[] {
  if (typeof value === 'string') return [{ text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => (typeof item === 'string' ? [{ text: item, index }] : []));
  return [];
}

/** `intro.1` or `examples[3]`: where a text sits, for messages. */
export function keyAt(key: string, index?: number): string {
  return index === undefined ? key : `${key}[${index}]`;
}
