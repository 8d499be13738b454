/**
 * NLP.js's stemmers for the shipped languages, so that "meeting", "meets" and "met up" reach the same concept
 * ("meet") and a German "abholen" its "abhol". A language without one here compares words as typed.
 */
import { StemmerDe } from '@nlpjs/lang-de';
import { StemmerEn } from '@nlpjs/lang-en';
import { StemmerEs } from '@nlpjs/lang-es';
import { StemmerFr } from '@nlpjs/lang-fr';
import { StemmerIt } from '@nlpjs/lang-it';
import { StemmerNl } from '@nlpjs/lang-nl';
import { StemmerPl } from '@nlpjs/lang-pl';
import { StemmerRo } from '@nlpjs/lang-ro';
import { TURKISH_STEM_LENGTH } from '../engine/turkishPlugin';
import { StemmerUk } from '@nlpjs/lang-uk';

export type Stem = (word: string) => string;

const STEMMERS: Record<string, { stemWord(word: string): string }> = {
  en: new StemmerEn(),
  fr: new StemmerFr(),
  de: new StemmerDe(),
  es: new StemmerEs(),
  it: new StemmerIt(),
  nl: new StemmerNl(),
  pl: new StemmerPl(),
  ro: new StemmerRo(),
  // Turkish: the first five letters, as the router (src/engine/turkishPlugin.ts): NLP.js's Turkish stemmer needs
  // the Turkish letters, which the crisis check folds away ("buluşacağız" is typed "bulusucaz").
  tr: { stemWord: (word: string) => word.slice(0, TURKISH_STEM_LENGTH) },
  uk: new StemmerUk()
};

export function stemmerFor(language: string): Stem {
  const stemmer = STEMMERS[language.slice(0, 2)];
  if (!stemmer) return (word) => word;
  return (word) => (word.length <= 3 ? word : stemmer.stemWord(word));
}
