/**
 * Prepares typed text for NLP.js. NLP.js itself lower-cases, removes accents and splits words, but its tokenizers
 * split on a short list of punctuation only: emoji, hyphens and symbols stay glued to words ("pics😭",
 * "parle-moi"). This removes them and keeps apostrophes, which the tokenizers read: "he'll" is "he will",
 * "j'ai" is "j" "ai". (`normalize.ts` turns apostrophes into spaces, which suits choices, not NLP.js.)
 */

/** The text with every run of characters other than letters, digits, marks and apostrophes made one space. */
export function textForClassifier(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L')) // NLP.js takes off accents but not Polish ł: "chciałbym" reads as typed without it
    .replace(/ı/g, 'i') // Turkish dotless i: NLP.js folds İ and I to i but keeps ı, so "kız" would not be "kiz"
    .replace(/(?<=\p{Script=Cyrillic})[’‘ʼ'`´]+(?=\p{Script=Cyrillic})/gu, '').replace(/[ьЬ]/g, '') // uk: "м'ясо" = "myaso", "normalno"
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[^\p{L}\p{M}\p{N}']+/gu, ' ')
    .trim();
}

/** True when the text has a letter: only numbers, emoji or punctuation cannot name a topic. */
export function hasWords(text: string): boolean {
  return /\p{L}/u.test(text);
}
