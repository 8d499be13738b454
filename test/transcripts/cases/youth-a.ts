/**
 * Transcript cases for the young people's scripts of group youth-a: "Is this OK?", grooming, sextortion,
 * nude images made under pressure, and "Something happened to me". Keys are in the case's script namespace
 * unless prefixed; an under-13 profile plays the `_under13` wording under the same keys.
 */
import type { TranscriptCase } from '../transcriptTypes';

const teen = { audience: 'young_person', ageBand: '13to17' } as const;
const child = { audience: 'young_person', ageBand: 'under13' } as const;
const unsaid = { audience: 'young_person', ageBand: 'unspecified' } as const;

const NEXT = 'core/next:prompt';
/** The "Shall I go on?" question that splits a long run of messages (core/next:more.*). */
const MORE = 'core/next:more.prompt';

const quizIds = ['older', 'secret', 'isolate', 'gifts', 'relationship', 'private', 'meet', 'sexual', 'pictures', 'pressure'] as const;
type QuizId = (typeof quizIds)[number];
type QuizAnswer = 'yes' | 'no' | 'notsure';
/** What the bot says right after the band: advice for "none", a choice of what to do for the others. */
const afterBand = { none: ['adviceNone.1', NEXT], some: ['act.prompt'], many: ['act.prompt'], serious: ['now.prompt'] } as const;

function feedback(id: QuizId, answer: QuizAnswer): string {
  if (answer !== 'notsure') return `check.${id}.${answer}`;
  return id === 'older' ? 'check.older.notsure' : 'check.notsureFeedback';
}

/** The quiz turns of youth/is-this-ok: one turn per question, with the answers given (default "no"). */
function quizTurns(answers: Partial<Record<QuizId, QuizAnswer>>, band: keyof typeof afterBand): TranscriptCase['turns'] {
  return quizIds.map((id, i) => {
    const answer = answers[id] ?? 'no';
    const next = quizIds[i + 1];
    const said = next ? [feedback(id, answer), `check.${next}.prompt`] : [feedback(id, answer), `check.band.${band}`, ...afterBand[band]];
    return [{ answer: `check.${id}.${answer}` }, said];
  });
}
const allYes = Object.fromEntries(quizIds.map((id) => [id, 'yes'])) as Record<QuizId, QuizAnswer>;
const allNotSure = Object.fromEntries(quizIds.map((id) => [id, 'notsure'])) as Record<QuizId, QuizAnswer>;

const isThisOkStart: TranscriptCase['turns'][number] = [{ start: true }, ['intro.1', 'intro.2', 'check.intro', 'check.older.prompt']];
const advice = ['advice.1', 'advice.2', 'advice.3', 'advice.4', NEXT];

/** Grooming: where it starts (a choice), how it goes on, then what to do, each part behind a question. */
const groomingLesson: TranscriptCase['turns'] = [
  [{ choose: 'moreHow.go' }, ['how.1', 'how.2', 'how.3', 'fault.1', MORE]],
  [{ choose: 'moreSteps.go' }, ['steps.1', 'steps.2', 'steps.3', 'steps.4', 'talk.prompt']]
];
const sextortionStart = ['intro.1', 'intro.2', 'intro.reassure', 'intro.3', MORE];
const sextortionSteps = ['steps.1', 'steps.3', 'steps.4', 'steps.5', 'choose.prompt'];
const nudesStart = ['intro.1', 'intro.2', 'intro.3', 'topic.prompt'];
const removal = ['remove.1', 'remove.2', 'remove.3', 'remove.4', 'close.1', NEXT];
const happenedStart = ['intro.1', 'intro.2', 'intro.3', 'now.prompt'];

export const cases: TranscriptCase[] = [
  {
    name: 'is-this-ok: no warning signs gives the "none" band and its own advice, without "block and report"',
    script: 'youth/is-this-ok',
    profile: teen,
    turns: [isThisOkStart, ...quizTurns({}, 'none')]
  },
  {
    name: 'is-this-ok: one warning sign is already the "some" band, then what to do',
    script: 'youth/is-this-ok',
    profile: unsaid,
    turns: [isThisOkStart, ...quizTurns({ private: 'yes' }, 'some'), [{ choose: 'act.advice' }, advice]]
  },
  {
    name: 'is-this-ok: three signs (secrets, being cut off, gifts) give the "many" band in under-13 wording, then a person',
    script: 'youth/is-this-ok',
    profile: child,
    turns: [isThisOkStart, ...quizTurns({ secret: 'yes', isolate: 'yes', gifts: 'yes' }, 'many'), [{ choose: 'act.person' }, [NEXT]]]
  },
  {
    name: 'is-this-ok: a "relationship" with someone much older and a move to a private app give the "some" band, then helplines',
    script: 'youth/is-this-ok',
    profile: teen,
    turns: [isThisOkStart, ...quizTurns({ relationship: 'yes', private: 'yes' }, 'some'), [{ choose: 'act.helplines' }, [NEXT]]]
  },
  {
    name: 'is-this-ok: sexual messages alone give the strongest answer and a person offered at once',
    script: 'youth/is-this-ok',
    profile: teen,
    turns: [isThisOkStart, ...quizTurns({ sexual: 'yes' }, 'serious'), [{ choose: 'now.person' }, [NEXT]]]
  },
  {
    name: 'is-this-ok: wanting to meet alone gives the strongest answer in under-13 wording, then helplines',
    script: 'youth/is-this-ok',
    profile: child,
    turns: [isThisOkStart, ...quizTurns({ meet: 'yes' }, 'serious'), [{ choose: 'now.helplines' }, [NEXT]]]
  },
  {
    name: 'is-this-ok: asking for pictures or to go live alone gives the strongest answer, then what to do',
    script: 'youth/is-this-ok',
    profile: unsaid,
    turns: [isThisOkStart, ...quizTurns({ pictures: 'yes' }, 'serious'), [{ choose: 'now.advice' }, advice]]
  },
  {
    name: 'is-this-ok: a threat alone gives the strongest answer and leads to the sextortion steps',
    script: 'youth/is-this-ok',
    profile: teen,
    turns: [isThisOkStart, ...quizTurns({ pressure: 'yes' }, 'serious'), [{ choose: 'now.threat' }, ['youth/sextortion:intro.1', 'youth/sextortion:intro.reassure', MORE]]]
  },
  {
    name: 'is-this-ok: "not sure" everywhere counts only an unknown age, gently',
    script: 'youth/is-this-ok',
    profile: teen,
    turns: [isThisOkStart, ...quizTurns(allNotSure, 'some'), [{ choose: 'act.person' }, [NEXT]]]
  },
  {
    name: 'is-this-ok: every warning sign gives the strongest answer',
    script: 'youth/is-this-ok',
    profile: teen,
    turns: [isThisOkStart, ...quizTurns(allYes, 'serious'), [{ choose: 'now.person' }, [NEXT]]]
  },
  {
    name: 'grooming: games, then how it goes on, then what to do, then helplines',
    script: 'youth/grooming',
    profile: teen,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'where.prompt']],
      [{ choose: 'where.games' }, ['games.1', 'games.2', 'games.3', MORE]],
      ...groomingLesson,
      [{ choose: 'talk.helplines' }, [NEXT]]
    ]
  },
  {
    name: 'grooming: social media in under-13 wording (hiding things from your family), then a person',
    script: 'youth/grooming',
    profile: child,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'where.prompt']],
      [{ choose: 'where.social' }, ['social.1', 'social.2', MORE]],
      ...groomingLesson,
      [{ choose: 'talk.person' }, [NEXT]]
    ]
  },
  {
    name: 'grooming: live streams, age not said, and "something else" after the first part',
    script: 'youth/grooming',
    profile: unsaid,
    turns: [
      [{ start: true }, ['intro.1', 'intro.2', 'where.prompt']],
      [{ choose: 'where.live' }, ['live.1', 'live.2', MORE]],
      [{ choose: 'moreHow.stop' }, [NEXT]]
    ]
  },
  {
    name: 'sextortion: "don\'t pay, stop replying" first, reassurance, the steps, then takedown with its limits and the helplines',
    script: 'youth/sextortion',
    profile: teen,
    turns: [
      [{ start: true }, sextortionStart],
      [{ choose: 'ready.go' }, sextortionSteps],
      [{ choose: 'choose.takedown' }, ['takedown.1', 'takedown.2', 'takedown.3', 'takedown.4', 'close.1', 'close.2', NEXT]]
    ]
  },
  {
    name: 'sextortion: in under-13 wording, takedown in simple words',
    script: 'youth/sextortion',
    profile: child,
    turns: [
      [{ start: true }, sextortionStart],
      [{ choose: 'ready.go' }, sextortionSteps],
      [{ choose: 'choose.takedown' }, ['takedown.1', 'takedown.2', 'takedown.3', 'takedown.4', 'close.2', NEXT]]
    ]
  },
  {
    name: 'sextortion: a person right after the first messages',
    script: 'youth/sextortion',
    profile: child,
    turns: [
      [{ start: true }, sextortionStart],
      [{ choose: 'ready.person' }, [NEXT]]
    ]
  },
  {
    name: 'sextortion: "I don\'t have the picture" (a recorded call) leads to removal without the picture',
    script: 'youth/sextortion',
    profile: unsaid,
    turns: [
      [{ start: true }, sextortionStart],
      [{ choose: 'ready.go' }, sextortionSteps],
      [{ choose: 'choose.nopicture' }, ['youth/removal:intro.1', 'youth/removal:which.prompt']],
      [{ choose: 'youth/removal:which.recorded' }, ['youth/removal:recorded.1', 'youth/removal:recorded.2', 'youth/removal:recorded.3', 'youth/removal:moreTools.prompt']]
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
    name: 'nudes: "I sent one myself" — not the criminal, the law protects you, then removal',
    script: 'youth/nudes',
    profile: teen,
    turns: [
      [{ start: true }, nudesStart],
      [{ choose: 'topic.sent' }, ['sent.1', 'sent.2', 'sent.3', MORE]],
      [{ choose: 'moreSent.go' }, removal]
    ]
  },
  {
    name: 'nudes: "I sent one myself" in under-13 wording, then a person',
    script: 'youth/nudes',
    profile: child,
    turns: [
      [{ start: true }, nudesStart],
      [{ choose: 'topic.sent' }, ['sent.1', 'sent.2', 'sent.3', MORE]],
      [{ choose: 'moreSent.person' }, [NEXT]]
    ]
  },
  {
    name: 'nudes: someone shared mine, in under-13 wording, leads on to removal',
    script: 'youth/nudes',
    profile: child,
    turns: [
      [{ start: true }, nudesStart],
      [{ choose: 'topic.shared' }, ['shared.1', 'shared.2', 'shared.3', 'shared.4', MORE]],
      [{ choose: 'moreShared.go' }, removal]
    ]
  },
  {
    name: "nudes: I got someone else's, age not said",
    script: 'youth/nudes',
    profile: unsaid,
    turns: [
      [{ start: true }, nudesStart],
      [{ choose: 'topic.received' }, ['received.1', 'received.2', 'received.3', 'received.4', 'close.1', NEXT]]
    ]
  },
  {
    name: 'something-happened: offers a person first and asks nothing about what happened',
    script: 'youth/something-happened',
    profile: teen,
    turns: [
      [{ start: true }, happenedStart],
      [{ choose: 'now.person' }, [NEXT]]
    ]
  },
  {
    name: 'something-happened: helplines, then how reporting works ("they will try to talk to you first") and what protects you, in under-13 wording',
    script: 'youth/something-happened',
    profile: child,
    turns: [
      [{ start: true }, happenedStart],
      [{ choose: 'now.later' }, ['numbersIntro.1', 'learn.prompt']],
      [{ choose: 'learn.yes' }, ['report.1', 'report.2', MORE]],
      [{ choose: 'moreProtect.go' }, ['protect.1', 'protect.2', 'protect.3', 'protect.4', MORE]],
      [{ choose: 'moreLater.go' }, ['protect.5', 'later.1', 'later.2', NEXT]]
    ]
  },
  {
    name: 'something-happened: helplines, and not now to the reporting explainer',
    script: 'youth/something-happened',
    profile: unsaid,
    turns: [
      [{ start: true }, happenedStart],
      [{ choose: 'now.later' }, ['numbersIntro.1', 'learn.prompt']],
      [{ choose: 'learn.no' }, [NEXT]]
    ]
  }
];
