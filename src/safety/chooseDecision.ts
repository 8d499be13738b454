/**
 * Picks the decision's layer weights and thresholds on the validation part (never the test part): among the
 * settings whose worst language raises at most MAX_FALSE_ALARMS false alarms, the one whose worst language has
 * the best recall (then the best mean recall). The emergency threshold is then the lowest at which almost no
 * safe message takes the whole conversation over; the urgent one the best balance of found and false.
 */
import { figures, share, type ReadExample } from './crisisEval';
import type { DecisionSettings } from './dangerDecision';

/** Below the 5% the issue allows, to leave room for the difference between validation and test. */
const MAX_FALSE_ALARMS = 0.03;
const MAX_EMERGENCY_FALSE_ALARMS = 0.01;
const GRID = [0, 0.2, 0.4, 0.6, 0.8, 1];
const THRESHOLDS = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);

export function chooseSettings(languages: ReadonlyArray<readonly ReadExample[]>): DecisionSettings & { validation: unknown } {
  let best: { settings: DecisionSettings; worst: number; mean: number } | undefined;
  for (const phrases of GRID) {
    for (const concepts of GRID) {
      for (const check of THRESHOLDS) {
        const settings = { weights: { phrases, concepts, classifier: 1 }, emergency: 1.01, check, urgent: 0.5 };
        const all = languages.map((read) => figures(read, settings));
        if (all.some((f) => share(f.falseAlarms) > MAX_FALSE_ALARMS)) continue;
        const recalls = all.map((f) => share(f.recall));
        const worst = Math.min(...recalls);
        const mean = recalls.reduce((a, b) => a + b, 0) / recalls.length;
        if (!best || worst > best.worst || (worst === best.worst && mean > best.mean)) best = { settings, worst, mean };
      }
    }
  }
  if (!best) throw new Error(`No setting keeps false alarms under ${MAX_FALSE_ALARMS} in every language on the validation part`);
  const base = best.settings;
  const emergency = THRESHOLDS.filter((t) => t >= base.check).find((t) =>
    languages.every((read) => {
      const f = figures(read, { ...base, check: t });
      return share(f.falseAlarms) <= MAX_EMERGENCY_FALSE_ALARMS;
    })) ?? 0.95;
  const urgent = THRESHOLDS.reduce((chosen, t) => (balance(languages, { ...base, emergency, urgent: t }) > balance(languages, { ...base, emergency, urgent: chosen }) ? t : chosen), 0.5);
  return { ...base, emergency, urgent, validation: { worstRecall: best.worst, meanRecall: best.mean } };
}

function balance(languages: ReadonlyArray<readonly ReadExample[]>, settings: DecisionSettings): number {
  return languages.reduce((sum, read) => {
    const f = figures(read, settings);
    return sum + share(f.urgentFound) - 2 * share(f.urgentFalse);
  }, 0);
}
