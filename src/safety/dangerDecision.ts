/**
 * The one decision of the crisis check: the layers' scores combined (a weighted noisy-or: each layer is a
 * separate witness, and two weak witnesses together count for more than either) and compared with two
 * thresholds, emergency and check; below them, the urgent level. The weights and thresholds are chosen on the
 * validation part of `test/safety/sets` by `npm run eval:crisis -- --choose`, never on the test part.
 */
import type { LayerReading } from './dangerLayer';
import type { DangerKind, DangerReading } from './dangerReading';

export interface DecisionSettings {
  /** How much each layer's score counts, by layer name. */
  weights: Readonly<Record<string, number>>;
  /** At or above: immediate danger, every dialog interrupted. */
  emergency: number;
  /** At or above (and below emergency): the emergency number in one line and "are you in danger now?". */
  check: number;
  /** The check threshold of a language whose model scores differently (each language has its own model). */
  checkByLanguage?: Readonly<Record<string, number>>;
  /** The urgent score at or above which a message that is not danger is urgent. */
  urgent: number;
  /**
   * A layer whose kind is taken first when its own score reaches `kindFrom.score`, whatever its weight in the
   * score: the concept rules name the kind precisely even where the classifier decides the level better.
   */
  kindFrom?: { layer: string; score: number };
  /** The layers whose score is lowered by the cues another layer found (`LayerReading.lowered`). */
  lowered?: readonly string[];
}

/** Chosen on the validation part (see the closing note in test/safety/README.md). */
export const DECISION: DecisionSettings = Object.freeze({
  // Chosen again by `npm run eval:crisis -- --choose` on the validation parts of all nine languages, once every
  // language's training examples were in (the concept layer adds again once the classifier is trained on them all).
  weights: { phrases: 0.8, concepts: 1, classifier: 1 },
  emergency: 0.9,
  check: 0.84,
  checkByLanguage: { de: 0.84, en: 0.84, es: 0.72, fr: 0.82, it: 0.82, nl: 0.82, pl: 0.4, ro: 0.84, tr: 0.72, uk: 0.76 },
  urgent: 0.1,
  kindFrom: { layer: 'concepts', score: 0.6 },
  lowered: ['phrases']
});

/** A layer's emergency score at or above which a `loweredUnlessSeen` reading lowers nothing. */
export const SEEN_ELSEWHERE = 0.5;

/** Another layer's emergency score at or above which a reading that needs support counts (see `needsSupport`). */
export const SUPPORT = 0.3;

export function decide(layers: ReadonlyArray<{ name: string; reading: LayerReading }>, language: string, settings: DecisionSettings = DECISION): DangerReading {
  let quiet = 1;
  let quietUrgent = 1;
  let kind: DangerKind | undefined;
  let strongest = 0;
  let urgentKind: DangerKind | undefined;
  let strongestUrgent = 0;
  const seenElsewhere = layers.some((l) => !settings.lowered?.includes(l.name) && l.reading.loweredUnlessSeen === undefined && l.reading.emergency >= SEEN_ELSEWHERE);
  const cues = Math.min(1, ...layers.map((l) => (l.reading.lowered ?? 1) * (seenElsewhere ? 1 : (l.reading.loweredUnlessSeen ?? 1))));
  for (const { name, reading } of layers) {
    if (reading.needsSupport && !layers.some((other) => other.reading !== reading && other.reading.emergency >= SUPPORT)) continue;
    const weight = (settings.weights[name] ?? 1) * (settings.lowered?.includes(name) ? cues : 1);
    const emergency = weight * reading.emergency;
    const urgent = weight * reading.urgent;
    quiet *= 1 - emergency;
    quietUrgent *= 1 - urgent;
    if (reading.kind && emergency > strongest) [kind, strongest] = [reading.kind, emergency];
    if (reading.urgentKind && urgent > strongestUrgent) [urgentKind, strongestUrgent] = [reading.urgentKind, urgent];
  }
  const preferred = settings.kindFrom && layers.find((l) => l.name === settings.kindFrom!.layer)?.reading;
  if (preferred?.kind && preferred.emergency >= settings.kindFrom!.score) kind = preferred.kind;
  const score = 1 - quiet;
  const urgentScore = 1 - quietUrgent;
  if (score >= settings.emergency) return { level: 'emergency', kind: kind ?? 'other', score };
  const check = Math.min(settings.checkByLanguage?.[language.slice(0, 2)] ?? settings.check, settings.emergency);
  if (score >= check) return { level: 'check', kind: kind ?? 'other', score };
  if (urgentScore >= settings.urgent) return { level: 'urgent', kind: urgentKind ?? 'pressure', score: urgentScore };
  return { level: 'none', score };
}
