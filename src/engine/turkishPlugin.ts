/**
 * NLP.js's Turkish language, with the first five letters of a word as its stem ("F5": Can et al., "Information
 * retrieval on Turkish texts", JASIST 59(3), 2008, found it as good as a full stemmer for Turkish). NLP.js's own
 * Turkish stemmer needs the Turkish letters and cuts words typed without them into fragments that name a topic
 * on their own: "iyiyim" (I'm fine) became "i" and "yine" became "y". The crisis check uses the same stems
 * (src/safety/stemmers.ts).
 */
import { LangTr, StemmerTr } from '@nlpjs/lang-tr';

export const TURKISH_STEM_LENGTH = 5;

class StemmerTrF5 extends StemmerTr {
  override stemWord(word: string): string {
    return word.slice(0, TURKISH_STEM_LENGTH);
  }
}

export class LangTrF5 {
  register(container: { use(plugin: unknown): void }): void {
    new LangTr().register(container);
    container.use(StemmerTrF5);
  }
}
