/**
 * Turns what a user types ("uk", "Deutschland", "I'm in België") into one of the 47 covered country codes,
 * and a browser language ("fr-BE") into likely countries – never from an IP address (DESIGN.md rule 8).
 * Matching ignores case and accents. It returns undefined rather than guess when a sentence names two
 * countries; a resolved country should still be confirmed with the user before numbers are shown.
 * Two-letter codes are matched only when they are the whole answer, and codes that are also words ("no",
 * "it", "me") only in capitals: use this at a "which country?" prompt.
 */
import countries from 'i18n-iso-countries';
import { CODES_THAT_ARE_WORDS, COUNTRY_LANGUAGES, EXTRA_NAMES, FORMAL_NAME_FIRST, LANGUAGE_HOME, NAME_LOCALES, SKIP_NATIVE_NAMES, WHOLE_ANSWER_ONLY } from './countryAliases';
import { COVERED_COUNTRIES, isCoveredCountry } from './members';

const LOCALE_FILES = [...new Set([...NAME_LOCALES, ...Object.values(COUNTRY_LANGUAGES).flat()])];
for (const lang of LOCALE_FILES) {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  } catch {
    // No names for this language in i18n-iso-countries (lb, rm, cnr): it is still used for suggestions.
  }
}

/** Lower case, no accents, no punctuation, single spaces: "Türkiye!" and "turkiye" compare equal. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ə/g, 'e')
    .replace(/ı/g, 'i')
    .replace(/[łđøæ]/g, (c) => ({ ł: 'l', đ: 'd', ø: 'o', æ: 'ae' })[c] ?? c)
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let index: Map<string, string> | undefined;

/** Every known name, normalized, to its code; a name shared by two countries is dropped as ambiguous. */
function nameIndex(): Map<string, string> {
  if (index) return index;
  const names = new Map<string, string | null>();
  const add = (name: string, code: string) => {
    const key = normalizeName(name);
    if (key.length < 2) return;
    const known = names.get(key);
    names.set(key, known === undefined || known === code ? code : null);
  };
  for (const code of COVERED_COUNTRIES) {
    const skip = SKIP_NATIVE_NAMES[code] ?? [];
    const langs = [...NAME_LOCALES, ...(COUNTRY_LANGUAGES[code] ?? []).filter((l) => !skip.includes(l))];
    for (const lang of langs) {
      for (const name of countries.getName(code, lang, { select: 'all' }) ?? []) add(name, code);
    }
    for (const name of EXTRA_NAMES[code] ?? []) add(name, code);
  }
  index = new Map([...names].filter((entry): entry is [string, string] => entry[1] !== null));
  return index;
}

/** The covered country a text names, or undefined when it names none, or more than one. */
export function resolveCountry(text: string): string | undefined {
  const trimmed = text.trim().replace(/^[\s"'.,!?]+|[\s"'.,!?]+$/g, '');
  if (/^[A-Za-z]{2}$/.test(trimmed) && !CODES_THAT_ARE_WORDS.includes(trimmed)) {
    const code = trimmed.toUpperCase() === 'UK' ? 'GB' : trimmed.toUpperCase();
    if (isCoveredCountry(code)) return code;
  }
  const names = nameIndex();
  let rest = ` ${normalizeName(trimmed)} `;
  const whole = names.get(rest.trim());
  if (whole) return whole;
  const found = new Set<string>();
  const longestFirst = [...names.keys()].filter((n) => n.length >= 4 && !WHOLE_ANSWER_ONLY.includes(n)).sort((a, b) => b.length - a.length);
  for (const name of longestFirst) {
    if (rest.includes(` ${name} `)) {
      found.add(names.get(name) as string);
      rest = rest.split(` ${name} `).join('  ');
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * Likely countries for a browser or channel locale, best first: the locale's own region if covered, then
 * the countries where its language is spoken. `suggestFromLocale("fr-BE")` → ["BE", "FR", "MC", "CH", "LU", "TN"].
 */
export function suggestFromLocale(locale: string): string[] {
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(locale.replace(/_/g, '-'));
  } catch {
    return [];
  }
  const region = parsed.region && isCoveredCountry(parsed.region) ? [parsed.region] : [];
  const language = parsed.language;
  // The language's home country first, then countries where it is the first language, then the others.
  const weight = (code: string) => (LANGUAGE_HOME[language] === code ? -1 : (COUNTRY_LANGUAGES[code]?.indexOf(language) ?? 0));
  const byLanguage = COVERED_COUNTRIES.filter((code) => COUNTRY_LANGUAGES[code]?.includes(language));
  return [...new Set([...region, ...byLanguage.sort((a, b) => weight(a) - weight(b))])];
}

/**
 * The country's name to show in `language`: the common short name ("United Kingdom", "Moldova", "North
 * Macedonia") rather than a formal one with a comma or an article; the code itself if nothing is known.
 */
export function countryName(code: string, language: string): string {
  // A name that SKIP_NATIVE_NAMES leaves out of matching is not shown either (Turkish for Cyprus: English is shown).
  for (const lang of [language, 'en'].filter((l) => !SKIP_NATIVE_NAMES[code]?.includes(l))) {
    const all = countries.getName(code, lang, { select: 'all' }) ?? [];
    const names = FORMAL_NAME_FIRST.includes(lang) ? [...all].reverse() : all;
    const plain = names.find((name) => !name.includes(',') && !/^the /i.test(name)) ?? names[0]?.split(',')[0];
    if (plain) return plain;
  }
  return code;
}
