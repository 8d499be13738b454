/**
 * Measures the crisis check on labelled messages: recall (danger read as emergency or check) and false alarms
 * (safe messages read as emergency or check), per language, per danger kind and per layer; urgent apart.
 * Used by `npm run eval:crisis` and by `test/safety/crisisEval.test.ts`. Only figures come out, never text.
 */
import type { DangerExample } from './dangerExamples';
import type { LayerReading } from './dangerLayer';
import { decide, type DecisionSettings } from './dangerDecision';
import { needsEmergencyNumber, type DangerReading } from './dangerReading';
import type { LayeredDangerDetector } from './layeredDangerDetector';

/** A layer on its own counts a message as danger at this score. */
export const LAYER_FLAG = 0.5;

export interface Rate {
  hits: number;
  of: number;
}

export interface CrisisFigures {
  recall: Rate;
  falseAlarms: Rate;
  /** Danger read as emergency (not only check). */
  emergency: Rate;
  /** Danger whose kind was read right, among the danger read as emergency or check. */
  kindRight: Rate;
  /** Urgent messages read as urgent, check or emergency; safe ones read as urgent. */
  urgentFound: Rate;
  /** Urgent messages read as urgent: their first steps at once, not an emergency number or the safety question. */
  urgentAsUrgent: Rate;
  urgentFalse: Rate;
  byKind: Record<string, Rate>;
  byLayer: Record<string, { recall: Rate; falseAlarms: Rate }>;
}

export type ReadExample = { example: DangerExample; language: string; layers: Array<{ name: string; reading: LayerReading }> };

export function readAll(detector: LayeredDangerDetector, examples: readonly DangerExample[], language: string): ReadExample[] {
  return examples.map((example) => ({ example, language, layers: detector.readLayers(example.text, language) }));
}

const rate = (hits: number, of: number): Rate => ({ hits, of });
export const share = (r: Rate): number => (r.of === 0 ? 0 : r.hits / r.of);

export function figures(read: readonly ReadExample[], settings?: DecisionSettings): CrisisFigures {
  const readings = read.map((r) => ({ ...r, decision: decide(r.layers, r.language, settings) }));
  const danger = readings.filter((r) => r.example.level === 'emergency');
  const safe = readings.filter((r) => r.example.level === 'none');
  const urgent = readings.filter((r) => r.example.level === 'urgent');
  const flagged = (d: DangerReading) => needsEmergencyNumber(d);
  const found = danger.filter((r) => flagged(r.decision));
  const byKind: Record<string, Rate> = {};
  for (const r of danger) {
    const kind = r.example.kind ?? 'other';
    const entry = (byKind[kind] ??= rate(0, 0));
    entry.of++;
    if (flagged(r.decision)) entry.hits++;
  }
  const byLayer: CrisisFigures['byLayer'] = {};
  for (const name of read[0]?.layers.map((l) => l.name) ?? []) {
    const fires = (r: ReadExample) => (r.layers.find((l) => l.name === name)?.reading.emergency ?? 0) >= LAYER_FLAG;
    byLayer[name] = { recall: rate(danger.filter(fires).length, danger.length), falseAlarms: rate(safe.filter(fires).length, safe.length) };
  }
  return {
    recall: rate(found.length, danger.length),
    falseAlarms: rate(safe.filter((r) => flagged(r.decision)).length, safe.length),
    emergency: rate(danger.filter((r) => r.decision.level === 'emergency').length, danger.length),
    kindRight: rate(found.filter((r) => r.decision.kind === (r.example.kind ?? 'other')).length, found.length),
    urgentFound: rate(urgent.filter((r) => r.decision.level !== 'none').length, urgent.length),
    urgentAsUrgent: rate(urgent.filter((r) => r.decision.level === 'urgent').length, urgent.length),
    urgentFalse: rate(safe.filter((r) => r.decision.level === 'urgent').length, safe.length),
    byKind,
    byLayer
  };
}
