/**
 * The country question, "change country", and the crisis interrupt in the middle of things (issue 5).
 * What the numbers say for each country and time of day is tested with fixed clocks in
 * test/helplines/escalation.test.ts; these cases check the flow in every shipped language.
 */
import type { TranscriptCase } from '../transcriptTypes';

const teen = { audience: 'young_person', ageBand: '13to17' } as const;
const UNKNOWN_COUNTRY = { audience: 'young_person', ageBand: '13to17', country: undefined } as const;
/** The crisis interrupt: the emergency number first, then the first line for the kind of danger. */
const crisis = (kind: string) => ['helplines:urgent.emergency', `core/crisis:${kind}.1`, 'core/crisis:safe.prompt'];

export const cases: TranscriptCase[] = [
  {
    name: 'country: asked when first needed, with 116 111 and 112 before the question; a native name is understood',
    script: 'core/helplines',
    profile: UNKNOWN_COUNTRY,
    turns: [
      [{ start: true }, ['helplines:country.europe', 'helplines:country.prompt']],
      [{ text: 'Deutschland' }, ['helplines:heading', 'helplines:service.title', 'helplines:urgent.emergency', 'helplines:checked', 'danger.prompt']]
    ]
  },
  {
    name: 'country: a name it does not know is asked again once, then it goes on with the generic emergency line',
    script: 'core/helplines',
    profile: UNKNOWN_COUNTRY,
    turns: [
      [{ start: true }, ['helplines:country.europe', 'helplines:country.prompt']],
      [{ text: 'Atlantis' }, ['helplines:country.notFound', 'helplines:country.prompt']],
      [{ text: 'Narnia' }, ['helplines:country.giveUp', 'common:error.emergency', 'helplines:noCountry', 'danger.prompt']],
      [{ choose: 'danger.yes' }, ['common:error.emergency', 'common:handoff.unavailable']]
    ]
  },
  {
    name: 'country: the user may skip it, and is not asked again in this conversation',
    script: 'core/helplines',
    profile: UNKNOWN_COUNTRY,
    turns: [
      [{ start: true }, ['helplines:country.prompt']],
      [{ say: 'helplines:country.skip' }, ['helplines:country.giveUp', 'common:error.emergency', 'helplines:noCountry', 'danger.prompt']],
      [{ choose: 'danger.no' }, ['menu/youth:prompt']],
      [{ choose: 'menu/youth:topics.helplines' }, ['common:error.emergency', 'helplines:noCountry', 'danger.prompt']]
    ]
  },
  {
    name: 'change country: at any step, then the same question again',
    script: 'youth/grooming',
    profile: teen,
    turns: [
      [{ start: true }, ['intro.1', 'where.prompt']],
      [{ say: 'helplines:commands.country' }, ['helplines:country.emergency', 'helplines:country.prompt']],
      [{ text: 'Türkiye' }, ['helplines:urgent.emergency', 'where.prompt']]
    ]
  },
  {
    name: 'crisis in the middle of a lesson: the emergency number first, then the lesson goes on where it was',
    script: 'youth/grooming',
    profile: teen,
    turns: [
      [{ start: true }, ['intro.1', 'where.prompt']],
      [{ text: 'he wants to meet me tonight' }, crisis('meeting')],
      [{ choose: 'core/crisis:safe.safe' }, ['core/crisis:relieved.1', 'helplines:heading', 'core/crisis:person.prompt']],
      [{ choose: 'core/crisis:person.continue' }, ['where.prompt']],
      [{ choose: 'where.games' }, ['games.1']]
    ]
  },
  {
    name: 'crisis in the middle of a lesson: "I didn\'t mean that" goes back to the lesson',
    script: 'youth/grooming',
    profile: teen,
    turns: [
      [{ start: true }, ['where.prompt']],
      [{ text: 'i want to kill myself' }, crisis('selfHarm')],
      [{ choose: 'core/crisis:safe.mistake' }, ['core/crisis:corrected.1', 'where.prompt']]
    ]
  },
  {
    name: 'crisis: an unknown country gets "112 in most of Europe" and the first step at once; its own number once it is named',
    script: 'youth/grooming',
    profile: UNKNOWN_COUNTRY,
    turns: [
      [{ start: true }, ['where.prompt']],
      // No country question before the first step: the number, what to do now, then "are you safe?".
      [{ text: 'he is outside my house right now and i am scared' }, ['common:error.emergency', 'core/crisis:present.1', 'core/crisis:safe.prompt']],
      [{ choose: 'core/crisis:safe.notsafe' }, ['core/crisis:urgent.1', 'helplines:country.prompt']],
      [{ text: 'Belgique' }, ['helplines:urgent.emergency']]
    ]
  },
  {
    name: 'menu: the sextortion lesson opens from its button (its title names a threat)',
    script: 'menu/youth',
    profile: teen,
    turns: [
      [{ start: true }, ['prompt']],
      [{ choose: 'topics.sextortion' }, ['youth/sextortion:intro.1', 'core/next:more.prompt']]
    ]
  },
  {
    name: 'crisis (fr): a parent asking in general what to do about such threats goes straight on',
    script: 'menu/parent',
    profile: { audience: 'parent', country: 'FR' },
    languages: ['fr'],
    turns: [
      [{ start: true }, ['prompt']],
      [{ text: 'que faire si on menace de publier des photos de mon enfant ?' }, ['parent/sextortion-ai:intro.1', 'parent/sextortion-ai:want.prompt']]
    ]
  }
];
