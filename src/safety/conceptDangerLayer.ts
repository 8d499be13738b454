/**
 * The pattern layer of the crisis check: the concept lists of `locales/<lang>/safety.json` (`crisis.concepts`:
 * a person, coming or meeting, a time, a place, means of self-harm, an act already done, secrecy, …) found on
 * stemmed words, and combined by `conceptRules.ts` within a window of words, in any order. A German
 * "er holt mich morgen nach der schule ab" meets "come" (abhol… split or not), "time" and "person" as well as
 * "he's picking me up tomorrow after school". The message's language and English are read (people mix them).
 */
import type { Translator } from '../content/translator';
import { QUIET, type DangerLayer, type LayerReading } from './dangerLayer';
import { BOOST, CONCEPT_RULES, CONCEPT_WINDOW, CONCEPTS, EXACT_CONCEPTS, LOWER, LOWERING_CUES, type ConceptRule } from './conceptRules';
import { stemmerFor, type Stem } from './stemmers';

type Entry = { concept: string; stems: string[] };

class ConceptIndex {
  private readonly byFirst = new Map<string, Entry[]>();

  constructor(readonly stem: Stem, lists: Record<string, string[]>, words: (text: string) => string[]) {
    for (const [concept, phrases] of Object.entries(lists)) {
      const exact = EXACT_CONCEPTS.has(concept);
      for (const phrase of phrases) {
        const stems = words(phrase).map((w) => (exact ? `=${w}` : stem(w)));
        if (stems.length === 0) continue;
        this.byFirst.set(stems[0]!, [...(this.byFirst.get(stems[0]!) ?? []), { concept, stems }]);
      }
    }
  }

  /** Where each concept occurs: concept → word positions. */
  find(words: readonly string[], into: Map<string, number[]>): void {
    const stems = words.map(this.stem);
    const same = (at: number, s: string) => (s.startsWith('=') ? words[at] === s.slice(1) : stems[at] === s);
    words.forEach((word, at) => {
      for (const entry of [...(this.byFirst.get(stems[at]!) ?? []), ...(this.byFirst.get(`=${word}`) ?? [])]) {
        if (!entry.stems.every((s, i) => same(at + i, s))) continue;
        const positions = into.get(entry.concept) ?? [];
        if (!positions.includes(at)) positions.push(at);
        into.set(entry.concept, positions);
      }
    });
  }
}

/** An urgent rule's score below this (once lowered by a cue) is not urgent. */
const URGENT_FLOOR = 0.5;

export class ConceptDangerLayer implements DangerLayer {
  readonly name = 'concepts';

  private constructor(
    private readonly indexes: ReadonlyMap<string, ConceptIndex>,
    private readonly words: (text: string) => string[]
  ) {}

  static create(translator: Translator, words: (text: string) => string[]): ConceptDangerLayer {
    const indexes = new Map<string, ConceptIndex>();
    for (const language of translator.languages) {
      // A language's own lists only: English ones are read anyway, and a fallback would read them twice.
      const lists = Object.fromEntries(CONCEPTS.filter((c) => translator.has(language, `safety:crisis.concepts.${c}`)).map((c) => [c, translator.list(language, `safety:crisis.concepts.${c}`)]));
      indexes.set(language, new ConceptIndex(stemmerFor(language), lists, words));
    }
    return new ConceptDangerLayer(indexes, words);
  }

  /** The concepts found in a text and where (word positions); for the decision and for reviewers' tests. */
  conceptsIn(text: string, language: string): Map<string, number[]> {
    const words = this.words(text);
    const found = new Map<string, number[]>();
    for (const l of new Set([language.slice(0, 2), 'en'])) this.indexes.get(l)?.find(words, found);
    return found;
  }

  read(text: string, language: string): LayerReading {
    const found = this.conceptsIn(text, language);
    if (found.size === 0) return QUIET;
    const lowered = loweredBy(found);
    let best: { rule: ConceptRule; score: number } | undefined;
    let bestUrgent: { rule: ConceptRule; score: number } | undefined;
    for (const rule of CONCEPT_RULES) {
      if (!withinWindow(rule.groups, found) || rule.unless?.some((c) => found.has(c))) continue;
      const score = this.scoreOf(rule, found);
      if (rule.urgent) {
        // Lowered by a cue (a question about how common it is, a story), an urgent rule says nothing.
        if (score >= URGENT_FLOOR && (!bestUrgent || score > bestUrgent.score)) bestUrgent = { rule, score };
      } else if (!best || score > best.score) best = { rule, score };
    }
    // A threat to share pictures and nothing graver (a plea, "now"): the phrases it also meets ("threatens to",
    // "please help") do not make it an emergency. A threat of harm, a meeting or self-harm with it still do.
    const urgentOnly = bestUrgent && (!best || best.rule.kind === 'other') ? { loweredUnlessSeen: LOWER.urgentOnly } : {};
    const cues = { ...(lowered < 1 ? { lowered } : {}), ...urgentOnly };
    const urgent = bestUrgent ? { urgent: bestUrgent.score, urgentKind: bestUrgent.rule.kind } : { urgent: 0 };
    return best || bestUrgent ? { emergency: best?.score ?? 0, ...urgent, ...(best ? { kind: best.rule.kind } : {}), ...cues } : { ...QUIET, ...cues };
  }

  private scoreOf(rule: ConceptRule, found: Map<string, number[]>): number {
    const boosts = BOOST.concepts.filter((c) => found.has(c) && !rule.groups.some((g) => g.length === 1 && g[0] === c)).length;
    let score = Math.min(BOOST.cap, rule.score + boosts * BOOST.each);
    // A video is a film or a clip of the child: "game" does not lower a threat to share pictures.
    score *= loweredBy(found, rule.urgent ? ['game'] : []);
    // "Don't tell my parents" names family too, and is the very sign of danger.
    if (rule.familyLowers && found.has('family') && !found.has('stranger') && !found.has('secret')) score *= LOWER.harmless;
    if (rule.onlineLowers && found.has('online') && !found.has('stranger')) score *= LOWER.online;
    return score;
  }
}

/** The cues that lower every rule: asking about others or as a professional, a joke, a game, the past. */
function loweredBy(found: Map<string, number[]>, skip: readonly string[] = []): number {
  let factor = found.has('past') ? LOWER.past : 1;
  for (const cue of LOWERING_CUES) if (found.has(cue) && !skip.includes(cue)) factor *= LOWER[cue];
  return factor;
}

/** True when one position of every group lies within CONCEPT_WINDOW words of each other. */
function withinWindow(groups: ReadonlyArray<readonly string[]>, found: Map<string, number[]>): boolean {
  const positions = groups.map((group) => group.flatMap((c) => found.get(c) ?? []));
  if (positions.some((p) => p.length === 0)) return false;
  return positions.flat().some((start) => positions.every((p) => p.some((at) => at >= start && at <= start + CONCEPT_WINDOW)));
}
