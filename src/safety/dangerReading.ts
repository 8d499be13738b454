/**
 * What the crisis check says about one message. Every turn reads this once, before anything else
 * (DESIGN.md rule 1); the conversation handler and the handoff relay act on it.
 *
 * - `emergency`: immediate danger. Every dialog is interrupted: the emergency number first.
 * - `check`: it may be immediate danger. The emergency number in one line, and a kind question whether the
 *   user is in danger now; never silent, never taking the conversation over on a guess.
 * - `urgent`: not immediate danger, but it cannot wait (a sextortion threat, a nude already shared, a groomer
 *   pressing now): the topic's first practical steps at once, then the helpline and a person.
 * - `none`: nothing of the above.
 */
export const DANGER_LEVELS = ['emergency', 'check', 'urgent', 'none'] as const;
export type DangerLevel = (typeof DANGER_LEVELS)[number];

/** What kind of danger, so the first line after the emergency number can speak to it. */
export type DangerKind =
  /** a meeting with someone, or being picked up */
  | 'meeting'
  /** someone at the door, following, or with a child now */
  | 'present'
  /** a threat of harm right now */
  | 'threat'
  /** forced, held or locked in */
  | 'confined'
  /** suicide or self-harm: thoughts with a plan, means at hand, or an act already done */
  | 'selfHarm'
  /** a parent or friend reporting that a child is in danger now */
  | 'childNow'
  /** urgent: a sextortion threat */
  | 'sextortion'
  /** urgent: a nude picture already shared */
  | 'imageShared'
  /** urgent: someone pressing for pictures or a secret now */
  | 'pressure'
  /** danger of another kind */
  | 'other';

/** Every kind, for scripts that branch on it (`"field": "danger.kind"`). */
export const DANGER_KINDS: readonly DangerKind[] = ['meeting', 'present', 'threat', 'confined', 'selfHarm', 'childNow', 'sextortion', 'imageShared', 'pressure', 'other'];

export interface DangerReading {
  level: DangerLevel;
  kind?: DangerKind;
  /** The combined score between 0 and 1 (for the bench and the evaluation; never shown or logged with text). */
  score: number;
}

export const NO_DANGER: DangerReading = Object.freeze({ level: 'none', score: 0 });

/** True for the levels that put the emergency number first. */
export function needsEmergencyNumber(reading: DangerReading): boolean {
  return reading.level === 'emergency' || reading.level === 'check';
}
