/**
 * The crisis check that runs on every message (DESIGN.md rule 1): today's phrases, concept patterns that
 * survive word order, and a classifier trained on labelled examples, each a layer (`DangerLayer`), combined by
 * one decision (`dangerDecision.ts`). The level and kind it gives start the crisis script.
 */
import type { Translator } from '../content/translator';
import type { DangerDetector } from '../engine/engineServices';
import { ClassifierDangerLayer } from './classifierDangerLayer';
import { ConceptDangerLayer } from './conceptDangerLayer';
import { readExamples, type DangerExample } from './dangerExamples';
import type { DangerLayer, LayerReading } from './dangerLayer';
import { decide, DECISION, type DecisionSettings } from './dangerDecision';
import { DANGER_LEVELS, type DangerReading } from './dangerReading';
import { readableText, readsDifferently } from '../engine/transliterate';
import { dangerWords, parseSpellings } from './dangerText';
import { PhraseDangerDetector } from './phraseDangerDetector';
import { PhraseDangerLayer } from './phraseDangerLayer';

export interface LayeredOptions {
  /** The folder of labelled training examples (`<lang>.json`, `<lang>.*.json`). */
  trainingDir: string;
  /** Where the trained classifier may be kept between starts. */
  cacheDir?: string;
  settings?: DecisionSettings;
}

export class LayeredDangerDetector implements DangerDetector {
  private constructor(
    readonly layers: readonly DangerLayer[],
    private readonly settings: DecisionSettings
  ) {}

  static create(translator: Translator, options: LayeredOptions): LayeredDangerDetector {
    const spellings = parseSpellings([...new Set(translator.languages.flatMap((l) => translator.list(l, 'safety:crisis.spellings')))]);
    // The concept and classifier layers split the same message: once per message, not once per layer.
    const words = lastText((text: string) => dangerWords(text, spellings));
    const concepts = ConceptDangerLayer.create(translator, words);
    const layers: DangerLayer[] = [
      new PhraseDangerLayer(new PhraseDangerDetector(translator)),
      concepts,
      ClassifierDangerLayer.train(readableExamples(readExamples(options.trainingDir)), words, options.cacheDir, (text, language) => concepts.conceptsIn(text, language))
    ];
    return new LayeredDangerDetector(layers, options.settings ?? DECISION);
  }

  read(text: string, language: string, settings: DecisionSettings = this.settings): DangerReading {
    const reading = decide(this.readLayers(text, language), language, settings);
    // Ukrainian in Latin letters is read in Cyrillic; it may be English too ("he is outside"): the graver counts.
    if (!readsDifferently(text, language)) return reading;
    const asTyped = decide(this.layers.map((layer) => ({ name: layer.name, reading: layer.read(text, language) })), language, settings);
    return DANGER_LEVELS.indexOf(asTyped.level) < DANGER_LEVELS.indexOf(reading.level) ? asTyped : reading;
  }

  /** Each layer's own reading (of the text as `readableText` gives it), for the decision and for measuring. */
  readLayers(text: string, language: string): Array<{ name: string; reading: LayerReading }> {
    const readable = readableText(text, language);
    return this.layers.map((layer) => ({ name: layer.name, reading: layer.read(readable, language) }));
  }
}

/** The examples as the check reads a message in their language: Ukrainian typed in Latin letters in Cyrillic. */
function readableExamples(examples: ReadonlyMap<string, DangerExample[]>): Map<string, DangerExample[]> {
  return new Map([...examples].map(([language, list]) => [language, list.map((e) => ({ ...e, text: readableText(e.text, language) }))]));
}

/** `split`, remembering the last text's words (frozen: a layer cannot change what the next one reads). */
function lastText(split: (text: string) => string[]): (text: string) => string[] {
  let last: { text: string; words: string[] } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, words: Object.freeze(split(text)) as string[] };
    return last.words;
  };
}
