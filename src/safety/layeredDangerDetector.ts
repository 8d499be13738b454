/**
 * The crisis check that runs on every message (DESIGN.md rule 1): today's phrases, concept patterns that
 * survive word order, and a classifier trained on labelled examples, each a layer (`DangerLayer`), combined by
 * one decision (`dangerDecision.ts`). The level and kind it gives start the crisis script.
 */
import type { Translator } from '../content/translator';
import type { DangerDetector } from '../engine/engineServices';
import { ClassifierDangerLayer } from './classifierDangerLayer';
import { ConceptDangerLayer } from './conceptDangerLayer';
import { readExamples } from './dangerExamples';
import type { DangerLayer, LayerReading } from './dangerLayer';
import { decide, DECISION, type DecisionSettings } from './dangerDecision';
import type { DangerReading } from './dangerReading';
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
    // The concept and classifier layers read the same message one after the other: split it once.
    let last: { text: string; words: string[] } | undefined;
    const words = (text: string) => (last?.text === text ? last.words : (last = { text, words: dangerWords(text, spellings) }).words);
    const layers: DangerLayer[] = [
      new PhraseDangerLayer(new PhraseDangerDetector(translator)),
      ConceptDangerLayer.create(translator, words),
      ClassifierDangerLayer.train(readExamples(options.trainingDir), words, options.cacheDir)
    ];
    return new LayeredDangerDetector(layers, options.settings ?? DECISION);
  }

  read(text: string, language: string, settings: DecisionSettings = this.settings): DangerReading {
    return decide(this.readLayers(text, language), language, settings);
  }

  /** Each layer's own reading, for the decision and for measuring each layer on its own. */
  readLayers(text: string, language: string): Array<{ name: string; reading: LayerReading }> {
    return this.layers.map((layer) => ({ name: layer.name, reading: layer.read(text, language) }));
  }
}
