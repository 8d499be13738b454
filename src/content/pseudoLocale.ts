/**
 * Pseudo-localisation for translators and reviewers: every text from `locales/` is shown accented, about 40%
 * longer and between ⟦ ⟧. In the widget and the console, a text that is not accented did not come from
 * `locales/` (a string written in code, or a library's own words), and a layout that breaks with long words, or
 * a text cut short (no closing ⟧), shows at once. Only single texts change: lists (synonyms, command words,
 * phrase lists) stay as they are, so typing still works the same way.
 */
import { z } from 'zod/v4';
import type { Resources } from './localeFiles';

export const OPEN_MARK = '⟦';
export const CLOSE_MARK = '⟧';

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž'
};
const VOWELS = new Set('aeiouyAEIOUY');

/**
 * Parts of a text that must reach the user unchanged: i18next placeholders and nesting, addresses, the target
 * of a Markdown link, and `<...>` tags.
 */
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|https?:\/\/[^\s)]+|mailto:[^\s)]+|\]\([^)]*\)|<[^>]+>)/g;

function stretch(plain: string): string {
  let out = '';
  for (const ch of plain) {
    const accented = ACCENTED[ch];
    if (!accented) {
      out += ch;
      continue;
    }
    // Doubling the vowels makes a text about 40% longer, as German or Finnish often are.
    out += VOWELS.has(ch) ? accented + accented : accented;
  }
  return out;
}

/** One text, pseudo-localised: "Hi {{name}}" → "⟦Ĥíí {{name}}⟧". */
export function pseudoLocalize(text: string): string {
  if (text.trim() === '') return text;
  const parts = text.split(KEEP);
  // split() with one capture group alternates: plain, kept, plain, kept, …
  const body = parts.map((part, index) => (index % 2 === 1 ? part : stretch(part))).join('');
  return `${OPEN_MARK}${body}${CLOSE_MARK}`;
}

function pseudoValue(value: unknown): unknown {
  if (typeof value === 'string') return pseudoLocalize(value);
  // Arrays are lists a user's words are matched against: they keep their real words.
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, pseudoValue(v)]));
  }
  return value;
}

/** Every language's resources with each single text pseudo-localised; lists unchanged. */
export function pseudoResources(resources: Resources): Resources {
  return Object.fromEntries(
    Object.entries(resources).map(([language, namespaces]) => [
      language,
      Object.fromEntries(Object.entries(namespaces).map(([ns, values]) => [ns, pseudoValue(values) as Record<string, unknown>]))
    ])
  );
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const contentConfigExamples: Record<string, string> = {
  CONTENT_PSEUDO: 'off'
};

export const contentConfigShape = {
  /** `on` shows every text pseudo-localised (for translators, `npm run content:pseudo`); refused in production. */
  CONTENT_PSEUDO: z.preprocess(emptyToUndefined, z.enum(['on', 'off']).default('off').transform((v) => v === 'on'))
};
