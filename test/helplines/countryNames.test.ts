/** A user can name their country the way they would say it, and a locale suggests likely countries. */
import { countryName, resolveCountry, suggestFromLocale } from '../../src/helplines/countryNames';
import { COVERED_COUNTRIES } from '../../src/helplines/members';

/** [code, English name, a native name] for all 47 countries – written out, not derived from the code. */
const countries: [string, string, string][] = [
  ['AD', 'Andorra', 'Andorra'], ['AL', 'Albania', 'Shqipëria'], ['AM', 'Armenia', 'Հայաստան'],
  ['AT', 'Austria', 'Österreich'], ['AZ', 'Azerbaijan', 'Azərbaycan'], ['BA', 'Bosnia and Herzegovina', 'Bosna i Hercegovina'],
  ['BE', 'Belgium', 'België'], ['BG', 'Bulgaria', 'България'], ['CH', 'Switzerland', 'Schweiz'],
  ['CY', 'Cyprus', 'Κύπρος'], ['CZ', 'Czech Republic', 'Česko'], ['DE', 'Germany', 'Deutschland'],
  ['DK', 'Denmark', 'Danmark'], ['EE', 'Estonia', 'Eesti'], ['ES', 'Spain', 'España'],
  ['FI', 'Finland', 'Suomi'], ['FR', 'France', 'France'], ['GB', 'United Kingdom', 'Great Britain'],
  ['GE', 'Georgia', 'საქართველო'], ['GR', 'Greece', 'Ελλάδα'], ['HR', 'Croatia', 'Hrvatska'],
  ['HU', 'Hungary', 'Magyarország'], ['IE', 'Ireland', 'Éire'], ['IS', 'Iceland', 'Ísland'],
  ['IT', 'Italy', 'Italia'], ['LI', 'Liechtenstein', 'Liechtenstein'], ['LT', 'Lithuania', 'Lietuva'],
  ['LU', 'Luxembourg', 'Lëtzebuerg'], ['LV', 'Latvia', 'Latvija'], ['MC', 'Monaco', 'Monaco'],
  ['MD', 'Moldova', 'Republica Moldova'], ['ME', 'Montenegro', 'Crna Gora'], ['MK', 'North Macedonia', 'Северна Македонија'],
  ['MT', 'Malta', 'Malta'], ['NL', 'Netherlands', 'Nederland'], ['NO', 'Norway', 'Norge'],
  ['PL', 'Poland', 'Polska'], ['PT', 'Portugal', 'Portugal'], ['RO', 'Romania', 'România'],
  ['RS', 'Serbia', 'Srbija'], ['SE', 'Sweden', 'Sverige'], ['SI', 'Slovenia', 'Slovenija'],
  ['SK', 'Slovakia', 'Slovensko'], ['SM', 'San Marino', 'San Marino'], ['TN', 'Tunisia', 'تونس'],
  ['TR', 'Turkey', 'Türkiye'], ['UA', 'Ukraine', 'Україна']
];

describe('resolveCountry', () => {
  it('covers exactly the 47 countries in this table', () => {
    expect(countries.map(([code]) => code).sort()).toEqual([...COVERED_COUNTRIES]);
  });

  it.each(countries)('resolves %s by its code', (code) => {
    expect(resolveCountry(code)).toBe(code);
    expect(resolveCountry(` ${code}. `)).toBe(code);
  });

  it('accepts lower-case codes, except those that are everyday words', () => {
    const lowerCase = countries.map(([code]) => [code, resolveCountry(code.toLowerCase())]);
    const words = ['AM', 'AT', 'BE', 'IS', 'IT', 'ME', 'NO'];
    expect(lowerCase.filter(([code, found]) => found !== code).map(([code]) => code)).toEqual(words);
    for (const word of words) expect(resolveCountry(word.toLowerCase())).toBeUndefined();
  });

  it.each(countries)('resolves %s from the English name "%s"', (code, english) => {
    expect(resolveCountry(english)).toBe(code);
    expect(resolveCountry(english.toUpperCase())).toBe(code);
  });

  it.each(countries)('resolves %s from the native name, with or without accents (%s / "%s")', (code, _english, native) => {
    expect(resolveCountry(native)).toBe(code);
    expect(resolveCountry(native.normalize('NFD').replace(/\p{M}/gu, ''))).toBe(code);
  });

  it.each([
    ['UK', 'GB'], ['uk', 'GB'], ['Scotland', 'GB'], ['Belgique', 'BE'], ['belgie', 'BE'], ['Turkiye', 'TR'],
    ['Shqiperia', 'AL'], ['Deutschland!', 'DE'], ['Allemagne', 'DE'], ['Alemania', 'DE'], ['Germania', 'DE'],
    ['Suiza', 'CH'], ['Svizzera', 'CH'], ['Royaume-Uni', 'GB'], ['Paesi Bassi', 'NL'], ['Holland', 'NL'],
    ['Grossbritannien', 'GB'], ['Azerbaycan', 'AZ'], ['Macédoine du Nord', 'MK']
  ])('resolves "%s" to %s', (text, code) => {
    expect(resolveCountry(text)).toBe(code);
  });

  it('finds the country named in a short sentence', () => {
    expect(resolveCountry("I'm in Deutschland")).toBe('DE');
    expect(resolveCountry('we live in northern ireland')).toBe('GB');
    expect(resolveCountry('from the Republic of Ireland')).toBe('IE');
  });

  it('does not guess when a sentence names two countries, none, or a country outside the 47', () => {
    expect(resolveCountry('from France but living in Spain')).toBeUndefined();
    expect(resolveCountry('hello')).toBeUndefined();
    expect(resolveCountry('')).toBeUndefined();
    expect(resolveCountry('Russia')).toBeUndefined();
    expect(resolveCountry('US')).toBeUndefined();
  });

  it('does not read an everyday word in a sentence as a country', () => {
    expect(resolveCountry('we had turkey for dinner')).toBeUndefined();
    expect(resolveCountry('a small island')).toBeUndefined();
  });
});

describe('suggestFromLocale', () => {
  it('puts the locale region first, then the countries that speak the language', () => {
    expect(suggestFromLocale('fr-BE')).toEqual(['BE', 'FR', 'MC', 'CH', 'LU', 'TN']);
    expect(suggestFromLocale('de')).toEqual(['DE', 'AT', 'CH', 'LI', 'BE', 'LU']);
    expect(suggestFromLocale('nl-NL')[0]).toBe('NL');
    expect(suggestFromLocale('nb-NO')).toEqual(['NO']);
    expect(suggestFromLocale('sv_FI')).toEqual(['FI', 'SE']);
  });

  it('suggests by language alone when the region is not covered, and nothing for nonsense', () => {
    expect(suggestFromLocale('en-US')).toEqual(['GB', 'IE', 'MT']);
    expect(suggestFromLocale('pt-BR')).toEqual(['PT']);
    expect(suggestFromLocale('ja-JP')).toEqual([]);
    expect(suggestFromLocale('not a locale')).toEqual([]);
  });
});

it('shows a country by its everyday Dutch name, not the formal one ("België", not "Koninkrijk België")', () => {
  expect(['NL', 'BE', 'DE', 'FR', 'GB'].map((code) => countryName(code, 'nl'))).toEqual(['Nederland', 'België', 'Duitsland', 'Frankrijk', 'Verenigd Koninkrijk']);
  expect(countryName('BE', 'fr')).toBe('Belgique');
});

it('reads the countries as Dutch speakers type them', () => {
  expect(['ik woon in belgie', 'nederland', 'wij wonen in Duitsland', 'engeland', 'Oekraïne'].map((text) => resolveCountry(text))).toEqual(['BE', 'NL', 'DE', 'GB', 'UA']);
});
