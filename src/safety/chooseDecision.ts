/**
 * Picks the decision's layer weights and thresholds on the validation part (never the test part). For each
 * choice of weights, each language gets the lowest check threshold at which it raises at most
 * MAX_FALSE_ALARMS false alarms (each language has its own model, so its scores are its own); the weights
 * whose worst language then has the best recall (then the best mean recall) win. The emergency threshold is
 * the lowest at which almost no safe message takes the whole conversation over; the urgent one the best
 * balance of urgent messages found and safe ones called urgent.
 */
import { figures, share, type ReadExample } from './crisisEval';
import type { DecisionSettings } from './dangerDecision';

/** The 5% the issue allows. */
const MAX_FALSE_ALARMS = 0.05;
const MAX_EMERGENCY_FALSE_ALARMS = 0.02;
/** Recall differences smaller than this on a validation part of about 60 danger messages are two messages. */
const TIE = 0.035;
const GRID = [0, 0.2, 0.4, 0.6, 0.8, 1];
const THRESHOLDS = Array.from({ length: 45 }, (_, i) => Math.round((0.1 + i * 0.02) * 100) / 100);

type Sets = ReadonlyArray<readonly ReadExample[]>;
/** The phrase lists cannot see a hypothetical, a question or a game: the concept layer's cues lower them. */
const lowered = ['phrases'];
const languageOf = (read: readonly ReadExample[]) => read[0]?.language ?? 'en';

export function chooseSettings(languages: Sets): DecisionSettings & { validation: unknown } {
  const candidates: Array<{ settings: DecisionSettings; worst: number; mean: number }> = [];
  for (const phrases of GRID) {
    for (const concepts of GRID) {
      const weights = { phrases, concepts, classifier: 1 };
      const checkByLanguage: Record<string, number> = {};
      const recalls: number[] = [];
      for (const read of languages) {
        const check = THRESHOLDS.find((t) => share(figures(read, { weights, lowered, emergency: 1.01, check: t, urgent: 1.01 }).falseAlarms) <= MAX_FALSE_ALARMS);
        if (check === undefined) break;
        checkByLanguage[languageOf(read)] = check;
        recalls.push(share(figures(read, { weights, lowered, emergency: 1.01, check, urgent: 1.01 }).recall));
      }
      if (recalls.length < languages.length) continue;
      const worst = Math.min(...recalls);
      const mean = recalls.reduce((a, b) => a + b, 0) / recalls.length;
      const settings = { weights, lowered, emergency: 1.01, check: Math.max(...Object.values(checkByLanguage)), checkByLanguage, urgent: 1.01 };
      candidates.push({ settings, worst, mean });
    }
  }
  const best = pick(candidates);
  if (!best) throw new Error(`No setting keeps false alarms under ${MAX_FALSE_ALARMS} in every language on the validation part`);
  const base = best.settings;
  const emergency = THRESHOLDS.find((t) => languages.every((read) => share(figures(read, { ...base, check: t, checkByLanguage: {} }).falseAlarms) <= MAX_EMERGENCY_FALSE_ALARMS)) ?? 0.95;
  const urgent = THRESHOLDS.reduce((chosen, t) => (balance(languages, { ...base, emergency, urgent: t }) > balance(languages, { ...base, emergency, urgent: chosen }) ? t : chosen), 0.5);
  return { ...base, emergency: Math.max(emergency, base.check), urgent, validation: { worstRecall: best.worst, meanRecall: best.mean } };
}

/**
 * The best worst-language recall, then the best mean; but among weights within TIE of the best worst recall
 * (a message or two of a validation part: noise), the one that trusts the reviewed phrase lists most. The
 * lists catch plain statements ("ich will mir das Leben nehmen") that the classifier, learning from a few
 * hundred examples, can score weakly; the labelled regression sets (`test/safety/labelled`) showed it.
 */
function pick<T extends { settings: DecisionSettings; worst: number; mean: number }>(candidates: readonly T[]): T | undefined {
  const bestWorst = Math.max(...candidates.map((c) => c.worst));
  const near = candidates.filter((c) => c.worst >= bestWorst - TIE);
  const phrases = (c: T) => c.settings.weights.phrases ?? 0;
  return near.sort((a, b) => phrases(b) - phrases(a) || b.worst - a.worst || b.mean - a.mean)[0];
}

function balance(languages: Sets, settings: DecisionSettings): number {
  return languages.reduce((sum, read) => {
    const f = figures(read, settings);
    return sum + share(f.urgentFound) - 2 * share(f.urgentFalse);
  }, 0);
}
