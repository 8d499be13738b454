/**
 * Ukrainian typed in Latin letters, read as Ukrainian. Children in Ukraine and abroad often type on a Latin
 * keyboard: "pryvit", "meni 14", "dopomozhit", "vin kazhe shcho pryide", with Russian-influenced spellings
 * ("privet", "hochu") and Polish-looking ones ("cz", "sz"). For `uk`, a message with no Cyrillic letter is turned
 * into Cyrillic before anything reads it, so the router, the commands, the facts and the crisis check see the
 * same words as in the lists. Cyrillic typed with Russian letters (ы, э, ё, ъ) is brought to the Ukrainian ones.
 * The result is for matching only, never shown; the accents and apostrophes left are handled by `normalize.ts`.
 */

/** Longest first: "shch" before "sh", "zh" before "z". */
const LATIN: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['sch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'], ['cz', 'ч'], ['sz', 'ш'],
  ['ya', 'я'], ['ja', 'я'], ['yu', 'ю'], ['ju', 'ю'], ['ye', 'є'], ['je', 'є'], ['yo', 'йо'], ['jo', 'йо'],
  ['a', 'а'], ['b', 'б'], ['c', 'ц'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'г'], ['i', 'і'], ['j', 'й'],
  ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['q', 'к'], ['r', 'р'], ['s', 'с'], ['t', 'т'],
  ['u', 'у'], ['v', 'в'], ['w', 'в'], ['x', 'х'], ['z', 'з']
];
const VOWELS = 'аеиіїоуяюєй';
const RUSSIAN: Readonly<Record<string, string>> = { ы: 'и', э: 'е', ё: 'е', ъ: "'" };

/** True when the text has a Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return /\p{Script=Cyrillic}/u.test(text);
}

/** One word of Latin letters as Ukrainian Cyrillic ("pryvit" → "привіт", "dobryi" → "добрий", "miy" → "мій"). */
function wordToCyrillic(word: string): string {
  let out = '';
  for (let at = 0; at < word.length; ) {
    const rest = word.slice(at);
    const afterVowel = out !== '' && VOWELS.includes(out.slice(-1));
    // y: "yi" at the start or after a vowel is ї ("yikh", "moyi"); after a consonant it is ий ("dobryi",
    // "pryide"); y after a vowel is й ("miy"), else и ("pryvit").
    if ((rest.startsWith('yi') || rest.startsWith('ji')) && (out === '' || afterVowel)) [out, at] = [`${out}ї`, at + 2];
    else if (rest.startsWith('yi') || rest.startsWith('yj')) [out, at] = [`${out}ий`, at + 2];
    else if (rest[0] === 'y' && !/^y[aeiou]/.test(rest)) [out, at] = [out + (afterVowel ? 'й' : 'и'), at + 1];
    else if (rest === 'iy' || rest === 'ij') [out, at] = [`${out}ій`, at + 2];
    else {
      const pair = LATIN.find(([latin]) => rest.startsWith(latin));
      [out, at] = pair ? [out + pair[1], at + pair[0].length] : [out + rest[0]!, at + 1];
    }
  }
  return out;
}

/** The text with every run of Latin letters turned into Ukrainian Cyrillic (lower case). */
export function latinToUkrainian(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[a-z]+/g, wordToCyrillic);
}

/**
 * The text as the reading of a message in `language` should see it. For Ukrainian: Latin-only text in Cyrillic,
 * Russian letters as Ukrainian ones. Other languages: unchanged. Applying it twice changes nothing more.
 */
export function readableText(text: string, language: string): string {
  if (language.slice(0, 2).toLowerCase() !== 'uk') return text;
  const cyrillic = hasCyrillic(text) ? text : latinToUkrainian(text);
  return cyrillic.replace(/[ыэёъЫЭЁЪ]/g, (c) => {
    const lower = RUSSIAN[c.toLowerCase()]!;
    return c === c.toLowerCase() ? lower : lower.toUpperCase();
  });
}

/** True when reading `text` in `language` changes it, so that the original may be read as well (English typed). */
export function readsDifferently(text: string, language: string): boolean {
  return readableText(text, language) !== text;
}
