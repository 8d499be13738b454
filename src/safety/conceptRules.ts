/**
 * Which concepts, found together within a window of words and in any order, suggest which danger. The concept
 * lists themselves are per language, in `locales/<lang>/safety.json` under `crisis.concepts`; these rules are the
 * same for every language. A rule's groups must all be present; each group is met by any of its concepts.
 * `boost` concepts (now, fear, a plea) raise the score; `lower` cues (a hypothetical, something past and over,
 * a known person in a harmless role) lower it instead of a stop-list that would silence the whole message.
 */
import type { DangerKind } from './dangerReading';

export interface ConceptRule {
  kind: DangerKind;
  groups: ReadonlyArray<readonly string[]>;
  score: number;
  /** Lowered when a family member or other known person is there and no stranger is (see `harmless`). */
  familyLowers?: boolean;
  /** Lowered when it happens online ("following me on every app"), not where the child is. */
  onlineLowers?: boolean;
  /** The rule does not apply when one of these concepts is anywhere in the message. */
  unless?: readonly string[];
  /** An urgent rule: serious and not to wait, but no immediate danger (its kind is an urgent kind). */
  urgent?: boolean;
}

/** Words apart that still belong to one thought; long messages carry several. */
export const CONCEPT_WINDOW = 10;

export const CONCEPT_RULES: readonly ConceptRule[] = [
  { kind: 'meeting', groups: [['come'], ['time', 'place'], ['person', 'secret', 'stranger']], score: 0.75, familyLowers: true },
  { kind: 'meeting', groups: [['come'], ['secret']], score: 0.7 },
  { kind: 'meeting', groups: [['come'], ['stranger']], score: 0.7 },
  { kind: 'present', groups: [['person', 'stranger'], ['here']], score: 0.7, familyLowers: true, onlineLowers: true },
  { kind: 'present', groups: [['here'], ['fear', 'plea']], score: 0.7 },
  { kind: 'threat', groups: [['person', 'stranger'], ['harm'], ['self']], score: 0.6, familyLowers: true },
  // "He threatens me" is a threat of harm; "he threatens to post my pictures" is sextortion (below), not a threat
  // to the child's body: its first steps (don't pay, keep the messages) matter more than an emergency number.
  { kind: 'threat', groups: [['person', 'stranger'], ['threaten'], ['self']], score: 0.6, familyLowers: true, unless: ['picture'] },
  { kind: 'threat', groups: [['weapon'], ['self', 'person']], score: 0.65 },
  { kind: 'confined', groups: [['locked'], ['self']], score: 0.75, familyLowers: true, onlineLowers: true },
  { kind: 'selfHarm', groups: [['wish']], score: 0.75, familyLowers: true },
  { kind: 'selfHarm', groups: [['act'], ['means']], score: 0.85 },
  { kind: 'selfHarm', groups: [['means'], ['self'], ['now', 'wish']], score: 0.6 },
  { kind: 'childNow', groups: [['child'], ['stranger', 'come', 'here', 'missing', 'locked']], score: 0.7, familyLowers: true },
  { kind: 'other', groups: [['plea'], ['fear', 'now']], score: 0.55 },
  // Not breathing, not waking up, a fire, a drugged drink: a medical or fire emergency, with family there or not.
  { kind: 'other', groups: [['collapse']], score: 0.7 },
  // Urgent: a threat to share pictures, or someone about to share the child's pictures.
  { kind: 'sextortion', urgent: true, groups: [['picture'], ['threaten'], ['self']], score: 0.8 },
  { kind: 'sextortion', urgent: true, groups: [['person', 'stranger'], ['spread'], ['picture'], ['self']], score: 0.6 }
];

/** Each present raises the score this much, up to BOOST_CAP. */
export const BOOST = { concepts: ['now', 'fear', 'plea'], each: 0.1, cap: 0.95 } as const;

/**
 * Each cue present multiplies the score. `urgentOnly`: when an urgent rule is all a message meets, it lowers the
 * phrase lists too, whose "threatens to" or "will post my" say nothing of what is threatened.
 */
export const LOWER = { hypothetical: 0.35, past: 0.35, asking: 0.35, joke: 0.35, game: 0.35, harmless: 0.3, online: 0.3, urgentOnly: 0.35 } as const;

/** The cues that lower every rule when present: asking about others or as a professional, a joke, a game or film. */
export const LOWERING_CUES = ['hypothetical', 'asking', 'joke', 'game'] as const;

/** Every concept a language's list may name: those of the rules, the boosts and the lowering cues. */
export const CONCEPTS: readonly string[] = [
  ...new Set([
    ...CONCEPT_RULES.flatMap((r) => [...r.groups.flat(), ...(r.unless ?? [])]),
    ...BOOST.concepts,
    ...Object.keys(LOWER).filter((c) => c !== 'harmless' && c !== 'urgentOnly'),
    'family'
  ])
];

/**
 * Concepts compared word for word, not by stem: a stemmer folds the Spanish "matarme" (kill myself) and
 * "me están matando" (it's killing me) into one stem, and the French "bloquer" into "bloqué".
 */
export const EXACT_CONCEPTS: ReadonlySet<string> = new Set(['wish', 'locked', 'joke', 'act']);
