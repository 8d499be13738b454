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
import { seeded, SoftmaxModel, TRAINING } from './softmaxModel';

/** Where the concept lists (`conceptDangerLayer.ts`) find each concept in a text: concept → word positions. */
export type ConceptFinder = (text: string, language: string) => ReadonlyMap<string, number[]>;

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
    private readonly words: (text: string) => string[],
    private readonly concepts?: ConceptFinder
  ) {}

  /** One model per language that has examples; `words` is how the check splits a text (see `dangerWords`). */
  static train(examples: ReadonlyMap<string, DangerExample[]>, words: (text: string) => string[], cacheDir?: string, concepts?: ConceptFinder): ClassifierDangerLayer {
    const models = new Map<string, SoftmaxModel>();
    for (const [language, list] of examples) {
      const labelled = augmented(poolFor(language, list, examples).map((e) => {
        const w = words(e.text);
        return { words: w, concepts: concepts ? conceptTokens(concepts(e.text, language), 0, w.length) : [], label: classOf(e) };
      }));
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
      const model = SoftmaxModel.train(labelled.map((e) => ({ features: featuresOf(e.words, e.concepts), label: e.label })));
      writeWeights(cacheDir, key, model.weights);
      trained.set(key, model);
      models.set(language, model);
    }
    return new ClassifierDangerLayer(models, words, concepts);
  }

  get languages(): string[] {
    return [...this.models.keys()];
  }

  read(text: string, language: string): LayerReading {
    const model = this.models.get(language.slice(0, 2)) ?? this.models.get(FALLBACK_LANGUAGE);
    const words = this.words(text);
    if (!model || words.length === 0) return QUIET;
    let best: LayerReading = QUIET;
    const found = this.concepts ? this.concepts(text, language) : undefined;
    for (const [start, part] of windows(words)) {
      const reading = readingOf(model, model.probabilities(featuresOf(part, found ? conceptTokens(found, start, start + part.length) : [])));
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

/**
 * Each example also with a typo or two (a letter dropped, swapped or doubled in about a third of its longer
 * words), twice: children type fast. Measured on held-out training files of another writer and on the
 * validation part, this raised recall at the same false alarms.
 */
const TYPO_COPIES = 2;
const TYPO_SHARE = 0.3;
type Labelled = { words: string[]; concepts: string[]; label: string };
function augmented(list: Labelled[]): Labelled[] {
  const out = [...list];
  const random = seeded(7);
  for (let copy = 0; copy < TYPO_COPIES; copy++) {
    for (const e of list) out.push({ ...e, words: e.words.map((w) => (w.length >= 4 && random() < TYPO_SHARE ? typo(w, random) : w)) });
  }
  return out;
}
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const r = random();
  if (r < 0.4) return word.slice(0, at) + word.slice(at + 1);
  if (r < 0.7) return word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
  return word.slice(0, at) + word[at] + word.slice(at);
}

/** The whole text, and for a long one its overlapping windows, each with the position of its first word. */
function windows(words: string[]): Array<[number, string[]]> {
  const out: Array<[number, string[]]> = [[0, words]];
  if (words.length <= WINDOW + STRIDE) return out;
  for (let start = 0; start < words.length - STRIDE; start += STRIDE) out.push([start, words.slice(start, start + WINDOW)]);
  return out;
}

/**
 * The concepts found between two word positions: the classifier also sees "means", "act", "past", "family"…
 * (the curated lists of every synonym), so it learns from examples what a concept does, not only what a word
 * does, and a word it never saw in training still counts through its concept.
 */
function conceptTokens(found: ReadonlyMap<string, number[]>, from: number, to: number): string[] {
  return [...found].filter(([, at]) => at.some((p) => p >= from && p < to)).map(([c]) => c).sort();
}

/** The share of the emergency probability its strongest kind must carry to be named (else the general line). */
const KIND_SHARE = 0.5;

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
  // An emergency kind is named only when it carries most of the emergency: "someone knows where I live" spread
  // over five kinds is told the general emergency line, not the self-harm one because that came out a little ahead.
  const named = top.emergency.share >= KIND_SHARE * total.emergency ? top.emergency.kind : undefined;
  const kind = total.emergency >= total.urgent ? named : top.urgent.kind;
  return { ...total, ...(kind ? { kind } : {}), ...(top.urgent.kind ? { urgentKind: top.urgent.kind } : {}) };
}
