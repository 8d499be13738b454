/**
 * A multinomial logistic regression over sparse features: the smallest model that is well understood, trains
 * in a fraction of a second, and gives calibrated-enough probabilities for thresholds to mean something.
 * Training is plain stochastic gradient descent with L2 decay, in an order fixed by a seeded shuffle, from zero
 * weights: the same examples always give the same model, byte for byte (so it can be cached by a hash).
 */
import { FEATURE_BUCKETS, type Features } from './ngramFeatures';

export interface TrainingSettings {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

/** Chosen on the validation part: fewer rounds left recall lower at the same false alarms. */
export const TRAINING: TrainingSettings = { epochs: 10, learningRate: 1, l2: 1e-6, seed: 12 };

export class SoftmaxModel {
  private constructor(
    readonly classes: readonly string[],
    /** Bucket-major: weights[bucket * classes + class]; the last row is the bias. */
    readonly weights: Float32Array
  ) {}

  static fromWeights(classes: readonly string[], weights: Float32Array): SoftmaxModel {
    if (weights.length !== (FEATURE_BUCKETS + 1) * classes.length) throw new Error(`A danger model for ${classes.length} classes needs ${(FEATURE_BUCKETS + 1) * classes.length} weights, not ${weights.length}`);
    return new SoftmaxModel(classes, weights);
  }

  static train(examples: ReadonlyArray<{ features: Features; label: string }>, settings: TrainingSettings = TRAINING): SoftmaxModel {
    const classes = [...new Set(examples.map((e) => e.label))].sort();
    const targets = examples.map((e) => classes.indexOf(e.label));
    const model = new SoftmaxModel(classes, new Float32Array((FEATURE_BUCKETS + 1) * classes.length));
    const order = examples.map((_, i) => i);
    const random = seeded(settings.seed);
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      shuffle(order, random);
      const rate = settings.learningRate / (1 + epoch);
      for (const i of order) model.step(examples[i]!.features, targets[i]!, rate, settings.l2);
    }
    return model;
  }

  /** The probability of each class, in the order of `classes`. */
  probabilities(features: Features): Float64Array {
    const k = this.classes.length;
    const out = new Float64Array(k);
    const bias = FEATURE_BUCKETS * k;
    for (let c = 0; c < k; c++) out[c] = this.weights[bias + c]!;
    for (let f = 0; f < features.indices.length; f++) {
      const row = features.indices[f]! * k;
      const value = features.values[f]!;
      for (let c = 0; c < k; c++) out[c]! += this.weights[row + c]! * value;
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, out[c]!);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += out[c] = Math.exp(out[c]! - max);
    for (let c = 0; c < k; c++) out[c]! /= sum;
    return out;
  }

  private step(features: Features, target: number, rate: number, l2: number): void {
    const k = this.classes.length;
    const gradient = this.probabilities(features);
    gradient[target]! -= 1;
    const bias = FEATURE_BUCKETS * k;
    for (let c = 0; c < k; c++) this.weights[bias + c]! -= rate * gradient[c]!;
    const decay = 1 - rate * l2;
    for (let f = 0; f < features.indices.length; f++) {
      const row = features.indices[f]! * k;
      const value = rate * features.values[f]!;
      for (let c = 0; c < k; c++) this.weights[row + c] = this.weights[row + c]! * decay - value * gradient[c]!;
    }
  }
}

/** A small seeded generator (mulberry32): training and augmentation repeat exactly from one start to the next. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
