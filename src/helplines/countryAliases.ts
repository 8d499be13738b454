/**
 * Names people use for the covered countries that the i18n-iso-countries locales lack: endonyms in Latin
 * script or in a definite form ("Shqipëria", "Crna Gora", "Srbija"), common short or informal names ("UK",
 * "Holland", "Türkiye"), and parts of a country ("Scotland"). These are names for matching what users type,
 * not facts shown to them.
 */
export const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  AL: ['Shqipëria', 'Shqipëri'],
  AM: ['Hayastan'],
  BA: ['Bosnia', 'Bosnia-Herzegovina', 'Bosnia & Herzegovina', 'BiH', 'Herzegovina'],
  BG: ['Balgariya', 'Bulgaria'],
  CH: ['Svizra', 'Helvetia'],
  CY: ['Kypros', 'Kıbrıs'],
  CZ: ['Czechia', 'Česko', 'Czech Republic'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'VK', 'Engeland', 'Schotland', 'Noord-Ierland', 'Anglia', 'Marea Britanie', 'Scoția'],
  DK: ['Danii'],
  GE: ['Sakartvelo'],
  GR: ['Hellas', 'Ellada', 'Ελλάς'],
  IE: ['Republic of Ireland'],
  LU: ['Lëtzebuerg'],
  MD: ['Moldova', 'Republic of Moldova'],
  ME: ['Crna Gora'],
  MK: ['Makedonija', 'Severna Makedonija'], // not "Macedonia": that is also the Greek region
  NL: ['Holland', 'Olanda'],
  NO: ['Noreg', 'Norwegii'], // "w Norwegii": Polish names a country after "w" in the locative
  RO: ['Romînia'], // the spelling with î, still met in Moldova
  RS: ['Srbija'],
  SE: ['Szwecji'],
  SK: ['Slovak Republic'],
  TN: ['Tounes'],
  TR: ['Türkiye', 'Turkey', 'Turkiye'],
  UA: ['Ukraina', 'Ukrayina', 'Україна', 'Украина']
};

/** Locales of i18n-iso-countries whose names are matched for every country (the project's main languages). */
export const NAME_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl', 'ro', 'tr', 'uk'] as const;

/**
 * Each country's own languages (official or national), first the most widely used. Used twice: the
 * country's names in these languages are matched ("Deutschland", "Sverige"), and a browser language
 * suggests the countries where it is spoken. Languages that i18n-iso-countries has no names for ("lb",
 * "rm", "cnr") are still listed for suggestions.
 */
export const COUNTRY_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  AD: ['ca'], AL: ['sq'], AM: ['hy'], AT: ['de'], AZ: ['az'], BA: ['bs', 'hr', 'sr'], BE: ['nl', 'fr', 'de'],
  BG: ['bg'], CH: ['de', 'fr', 'it', 'rm'], CY: ['el', 'tr'], CZ: ['cs'], DE: ['de'], DK: ['da'], EE: ['et'],
  ES: ['es'], FI: ['fi', 'sv'], FR: ['fr'], GB: ['en'], GE: ['ka'], GR: ['el'], HR: ['hr'], HU: ['hu'],
  IE: ['en', 'ga'], IS: ['is'], IT: ['it'], LI: ['de'], LT: ['lt'], LU: ['lb', 'fr', 'de'], LV: ['lv'],
  MC: ['fr'], MD: ['ro'], ME: ['cnr', 'sr'], MK: ['mk', 'sq'], MT: ['mt', 'en'], NL: ['nl'], NO: ['nb', 'nn', 'no'],
  PL: ['pl'], PT: ['pt'], RO: ['ro'], RS: ['sr'], SE: ['sv'], SI: ['sl'], SK: ['sk'], SM: ['it'], TN: ['ar', 'fr'],
  TR: ['tr'], UA: ['uk']
};

/** For a language spoken in several covered countries, the country it is first associated with. */
export const LANGUAGE_HOME: Readonly<Record<string, string>> = {
  ar: 'TN', de: 'DE', el: 'GR', en: 'GB', fr: 'FR', hr: 'HR', it: 'IT', nl: 'NL', ro: 'RO', sq: 'AL', sr: 'RS', sv: 'SE', tr: 'TR',
  uk: 'UA'
};

/**
 * Countries whose names in the native locale are politically loaded or wrong for matching; they are matched
 * by the other names only. (i18n-iso-countries' Turkish name for Cyprus means "Greek Cypriot Administration".)
 */
export const SKIP_NATIVE_NAMES: Readonly<Record<string, readonly string[]>> = { CY: ['tr'] };

/** i18n-iso-countries locales that list the formal name first ("Koninkrijk België", then "België"): the last is shown. */
export const FORMAL_NAME_FIRST: readonly string[] = ['nl'];

/** Country names that are also everyday words; they match only when they are the whole answer, not in a sentence. */
export const WHOLE_ANSWER_ONLY: readonly string[] = ['island', 'turkey', 'georgia'];

/**
 * Country codes that are also everyday words ("no" at a "which country?" prompt means no, not Norway): they
 * match only when typed in capitals, like "NO" or "IT".
 */
export const CODES_THAT_ARE_WORDS: readonly string[] = ['am', 'at', 'be', 'is', 'it', 'me', 'no'];
