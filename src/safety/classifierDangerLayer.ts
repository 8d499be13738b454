/**
 * The learnt layer of the crisis check: per language, a softmax model over character n-grams
 * (`ngramFeatures.ts`, `softmaxModel.ts`) trained from labelled examples of every danger kind and of safe
 * messages that use the same words (idioms, lesson questions, professionals asking, past events, games).
 * A long message is also read in overlapping windows of words and its most dangerous window counts, so that
 * the danger in the middle of a long friendly message is not drowned by the rest.
 * Trained at start-up (well under a second per language) or loaded from the cache in `DATA_DIR`.
 */
import { modelKey } from '../engine/routerCache';
import type { DangerExample } from './dangerExamples';
import { classOf } from './dangerExamples';
import { EMERGENCY_KINDS, QUIET, URGENT_KINDS, type DangerLayer, type LayerReading } from './dangerLayer';
import { readWeights, writeWeights } from './dangerModelCache';
import type { DangerKind } from './dangerReading';
import { FEATURE_BUCKETS, featuresOf } from './ngramFeatures';
import { SoftmaxModel, TRAINING } from './softmaxModel';

const WINDOW = 12;
/** A message of this many words or fewer ("il a 16 ans") is too short for the classifier to be a witness on its own. */
export const SHORT_MESSAGE = 4;
const STRIDE = 6;
const FALLBACK_LANGUAGE = 'en';
const FORMAT = 1;
/** Models already trained in this process, by key: tests and several bots in one process train each once. */
const trained = new Map<string, SoftmaxModel>();

export class ClassifierDangerLayer implements DangerLayer {
  readonly name = 'classifier';

  private constructor(
    private readonly models: ReadonlyMap<string, SoftmaxModel>,
    private readonly words: (text: string) => string[]
  ) {}

  /** One model per language that has examples; `words` is how the check splits a text (see `dangerWords`). */
  static train(examples: ReadonlyMap<string, DangerExample[]>, words: (text: string) => string[], cacheDir?: string): ClassifierDangerLayer {
    const models = new Map<string, SoftmaxModel>();
    for (const [language, list] of examples) {
      const labelled = poolFor(language, list, examples).map((e) => ({ words: words(e.text), label: classOf(e) }));
      const classes = [...new Set(labelled.map((e) => e.label))].sort();
      const key = modelKey({ FORMAT, FEATURE_BUCKETS, TRAINING, labelled });
      const known = trained.get(key);
      if (known) {
        models.set(language, known);
        continue;
      }
      const cached = readWeights(cacheDir, key);
      if (cached) {
        try {
          const model = SoftmaxModel.fromWeights(classes, cached);
          trained.set(key, model);
          models.set(language, model);
          continue;
        } catch {
          // A stale or damaged file: train instead.
        }
      }
      const model = SoftmaxModel.train(labelled.map((e) => ({ features: featuresOf(e.words), label: e.label })));
      writeWeights(cacheDir, key, model.weights);
      trained.set(key, model);
      models.set(language, model);
    }
    return new ClassifierDangerLayer(models, words);
  }

  get languages(): string[] {
    return [...this.models.keys()];
  }

  read(text: string, language: string): LayerReading {
    const model = this.models.get(language.slice(0, 2)) ?? this.models.get(FALLBACK_LANGUAGE);
    const words = this.words(text);
    if (!model || words.length === 0) return QUIET;
    let best: LayerReading = QUIET;
    for (const part of windows(words)) {
      const reading = readingOf(model, model.probabilities(featuresOf(part)));
      if (reading.emergency > best.emergency) best = { ...reading, urgent: Math.max(reading.urgent, best.urgent) };
      else if (reading.urgent > best.urgent) best = { ...best, urgent: reading.urgent, ...(reading.urgentKind ? { urgentKind: reading.urgentKind } : {}) };
    }
    return words.length <= SHORT_MESSAGE ? { ...best, needsSupport: true } : best;
  }
}

/**
 * What a language's model learns from: its own examples twice, and the English ones once, since children
 * writing in any language use English slang ("kms", "rn", "unalive"). Measured on the validation part, this
 * raised recall at the same false alarms in German, Spanish and French.
 */
function poolFor(language: string, own: DangerExample[], all: ReadonlyMap<string, DangerExample[]>): DangerExample[] {
  const english = language === FALLBACK_LANGUAGE ? [] : (all.get(FALLBACK_LANGUAGE) ?? []);
  return [...own, ...own, ...english];
}

/** The whole text, and for a long one its overlapping windows. */
function windows(words: string[]): string[][] {
  const out = [words];
  if (words.length <= WINDOW + STRIDE) return out;
  for (let start = 0; start < words.length - STRIDE; start += STRIDE) out.push(words.slice(start, start + WINDOW));
  return out;
}

function readingOf(model: SoftmaxModel, p: Float64Array): LayerReading {
  const total = { emergency: 0, urgent: 0 };
  const top = { emergency: { kind: undefined as DangerKind | undefined, share: 0 }, urgent: { kind: undefined as DangerKind | undefined, share: 0 } };
  model.classes.forEach((label, c) => {
    const level = (EMERGENCY_KINDS as readonly string[]).includes(label) ? 'emergency' : (URGENT_KINDS as readonly string[]).includes(label) ? 'urgent' : undefined;
    if (!level) return;
    total[level] += p[c]!;
    if (p[c]! > top[level].share) top[level] = { kind: label as DangerKind, share: p[c]! };
  });
  // The kind of the level that is more likely: a threat now is not a sextortion threat because one word says "pics".
  const kind = total.emergency >= total.urgent ? top.emergency.kind : top.urgent.kind;
  return { ...total, ...(kind ? { kind } : {}), ...(top.urgent.kind ? { urgentKind: top.urgent.kind } : {}) };
}
