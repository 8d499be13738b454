/**
 * Transcript cases for the young people's scripts of group youth-a: "Is this OK?", grooming, sextortion,
 * nude images made under pressure, and "Something happened to me". Keys are in the case's script namespace
 * unless prefixed; an under-13 profile plays the `_under13` wording under the same keys.
 */
import type { TranscriptCase } from '../transcriptTypes';

const teen = { audience: 'young_person', ageBand: '13to17' } as const;
const child = { audience: 'young_person', ageBand: 'under13' } as const;
const unsaid = { audience: 'young_person', ageBand: 'unspecified' } as const;

const quizIds = ['older', 'secret', 'gifts', 'private', 'sexual', 'pictures', 'pressure'] as const;
type QuizId = (typeof quizIds)[number];

/** The quiz turns of youth/is-this-ok: one turn per question, answering "yes" to the ids in `yes`. */
function quizTurns(yes: readonly QuizId[], band: 'none' | 'some' | 'many'): TranscriptCase['turns'] {
  return quizIds.map((id, i) => {
    const answer = yes.includes(id) ? 'yes' : 'no';
    const next = quizIds[i + 1];
    const said = next
      ? [`check.${id}.${answer}`, `check.${next}.prompt`]
      : [`check.${id}.${answer}`, `check.band.${band}`, 'advice.1', 'advice.2', 'advice.3', 'advice.4', 'core/next:prompt'];
    return [{ answer: `check.${id}.${answer}` }, said];
  });
}

const isThisOkStart: TranscriptCase['turns'][number] = [{ start: true }, ['intro.1', 'intro.2', 'check.intro', 'check.older.prompt']];

const groomingLesson = ['how.1', 'how.2', 'how.3', 'fault.1', 'fault.2', 'steps.1', 'steps.2', 'steps.3', 'steps.4', 'talk.prompt'];
const sextortionStart = ['intro.1', 'intro.2', 'intro.3', 'steps.1', 'steps.2', 'steps.3', 'steps.4', 'steps.5', 'choose.prompt'];
const nudesStart = ['intro.1', 'intro.2', 'intro.3', 'topic.prompt'];
const removal = ['remove.1', 'remove.2', 'remove.3', 'remove.4', 'close.1', 'core/next:prompt'];
const happenedStart = ['intro.1', 'intro.2', 'intro.3', 'now.prompt'];

export const cases: TranscriptCase[] = [
  {
    name: 'is-this-ok: no warning signs gives the "none" band, the advice and the way on',
    script: 'youth/is-this-ok',
    profile: teen,
    turns: [isThisOkStart, ...quizTurns([], 'none')]
  },
  {
    name: 'is-this-ok: one warning sign is already the "some" band',
    script: 'youth/is-this-ok',
    profile: unsaid,
    turns: [isThisOkStart, ...quizTurns(['private'], 'some')]
  },
  {
    name: 'is-this-ok: three warning signs give the "many" band in under-13 wording',
    script: 'youth/is-this-ok',
    profile: child,
    turns: [isThisOkStart, ...quizTurns(['secret', 'gifts', 'pictures'], 'many')]
  },
  {
    name: 'is-this-ok: every warning sign gives the "many" band',
    script: 'youth/is-this-ok',
    profile: teen,
    turns: [isThisOkStart, ...quizTurns(quizIds, 'many')]
  },
  {
    name: 'grooming: games, then helplines',
    script: 'youth/grooming',
    profile: teen,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'where.prompt']],
      [{ choose: 'where.games' }, ['games.1', 'games.2', 'games.3', ...groomingLesson]],
      [{ choose: 'talk.helplines' }, ['core/next:prompt']]
    ]
  },
  {
    name: 'grooming: social media in under-13 wording, then a person',
    script: 'youth/grooming',
    profile: child,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'where.prompt']],
      [{ choose: 'where.social' }, ['social.1', 'social.2', ...groomingLesson]],
      [{ choose: 'talk.person' }, ['core/next:prompt']]
    ]
  },
  {
    name: 'grooming: live streams, age not said',
    script: 'youth/grooming',
    profile: unsaid,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'where.prompt']],
      [{ choose: 'where.live' }, ['live.1', 'live.2', ...groomingLesson]],
      [{ choose: 'talk.helplines' }, ['core/next:prompt']]
    ]
  },
  {
    name: 'sextortion: the steps, then getting images taken down and the helplines',
    script: 'youth/sextortion',
    profile: teen,
    turns: [
      [{ start: true }, sextortionStart],
      [{ choose: 'choose.takedown' }, ['takedown.1', 'takedown.2', 'takedown.3', 'takedown.4', 'close.1', 'close.2', 'core/next:prompt']]
    ]
  },
  {
    name: 'sextortion: the steps in under-13 wording, then a person now',
    script: 'youth/sextortion',
    profile: child,
    turns: [
      [{ start: true }, sextortionStart],
      [{ choose: 'choose.person' }, ['close.1', 'close.2', 'core/next:prompt']]
    ]
  },
  {
    name: 'nudes: getting images taken down',
    script: 'youth/nudes',
    profile: teen,
    turns: [
      [{ start: true }, nudesStart],
      [{ choose: 'topic.remove' }, removal]
    ]
  },
  {
    name: 'nudes: someone shared mine, in under-13 wording, leads on to removal',
    script: 'youth/nudes',
    profile: child,
    turns: [
      [{ start: true }, nudesStart],
      [{ choose: 'topic.shared' }, ['shared.1', 'shared.2', 'shared.3', 'shared.4', ...removal]]
    ]
  },
  {
    name: "nudes: I got someone else's, age not said",
    script: 'youth/nudes',
    profile: unsaid,
    turns: [
      [{ start: true }, nudesStart],
      [{ choose: 'topic.received' }, ['received.1', 'received.2', 'received.3', 'received.4', 'close.1', 'core/next:prompt']]
    ]
  },
  {
    name: 'something-happened: offers a person first and asks nothing about what happened',
    script: 'youth/something-happened',
    profile: teen,
    turns: [
      [{ start: true }, happenedStart],
      [{ choose: 'now.person' }, ['core/next:prompt']]
    ]
  },
  {
    name: 'something-happened: helplines, then how reporting works and what protects you, in under-13 wording',
    script: 'youth/something-happened',
    profile: child,
    turns: [
      [{ start: true }, happenedStart],
      [{ choose: 'now.later' }, ['numbersIntro.1', 'learn.prompt']],
      [{ choose: 'learn.yes' }, ['report.1', 'report.2', 'protect.1', 'protect.2', 'protect.3', 'protect.4', 'protect.5', 'later.1', 'later.2', 'core/next:prompt']]
    ]
  },
  {
    name: 'something-happened: helplines, and not now to the reporting explainer',
    script: 'youth/something-happened',
    profile: unsaid,
    turns: [
      [{ start: true }, happenedStart],
      [{ choose: 'now.later' }, ['numbersIntro.1', 'learn.prompt']],
      [{ choose: 'learn.no' }, ['core/next:prompt']]
    ]
  }
];
