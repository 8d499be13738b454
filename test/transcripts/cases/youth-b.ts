/**
 * Transcript cases for the young people's scripts of group youth-b: AI fake nudes, games and VR, AI companions,
 * staying safe and helping a friend, "Your rights" under the Lanzarote Convention, and the red-flags quiz.
 * Each lesson: its main path, every choice of every question at least once, and the under-13 wording, ending
 * at the way on (core/next). Keys are in the case's script namespace unless prefixed.
 */
import type { TranscriptCase } from '../transcriptTypes';

const teen = { audience: 'young_person', ageBand: '13to17' } as const;
const child = { audience: 'young_person', ageBand: 'under13' } as const;
const unsaid = { audience: 'young_person', ageBand: 'unspecified' } as const;
const NEXT = 'core/next:prompt';
/** The "Shall I go on?" question that splits a long run of messages (core/next:more.*). */
const MORE = 'core/next:more.prompt';

const keys = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}.${i + 1}`);

// youth/ai-deepfakes
const deepfakeStart: TranscriptCase['turns'][number] = [{ start: true }, [...keys('intro', 4), 'who.prompt']];
/** After the first part (which ends with "Shall I go on?"): the tools, then the adults who can help. */
const deepfakeEnd: TranscriptCase['turns'] = [
  [{ choose: 'moreTools.go' }, [...keys('tools', 4), MORE]],
  [{ choose: 'moreAdult.go' }, [...keys('adult', 2), 'talk.prompt']]
];

// youth/games-vr
const gamesStart: TranscriptCase['turns'][number] = [{ start: true }, [...keys('intro', 2), 'topic.prompt']];
const gamesEnd = [...keys('settings', 3), MORE];
const gamesAdults: TranscriptCase['turns'][number] = [{ choose: 'moreAdults.go' }, [...keys('adults', 2), NEXT]];

// youth/ai-companions
const companionsStart: TranscriptCase['turns'][number] = [{ start: true }, [...keys('intro', 2), 'topic.prompt']];
const companionsEnd: TranscriptCase['turns'][number] = [{ choose: 'moreRights.go' }, [...keys('rights', 3), 'talk.prompt']];

// youth/staying-safe
const safeStart: TranscriptCase['turns'][number] = [{ start: true }, ['intro.1', 'topic.prompt']];
const safeEnd: TranscriptCase['turns'][number] = [{ choose: 'moreAdults.go' }, [...keys('adults', 2), 'talk.prompt']];
const friendEnd: TranscriptCase['turns'][number] = [{ choose: 'moreFriend2.go' }, ['friend.4', 'friend.5', ...keys('adults', 2), 'talk.prompt']];

// lanzarote/rights
const rightsStart: TranscriptCase['turns'][number] = [{ start: true }, [...keys('intro', 3), 'child.1', 'part.prompt']];

// youth/quiz: the right answer of each question, in order
const quizRight = { q1: 'flag', q2: 'flag', q3: 'ok', q4: 'flag', q5: 'flag', q6: 'ok', q7: 'flag', q8: 'flag', q9: 'flag', q10: 'flag', q11: 'ok' } as const;
type QuizQuestion = keyof typeof quizRight;
type QuizAnswer = 'flag' | 'ok' | 'unsure';
const quizQuestions = Object.keys(quizRight) as QuizQuestion[];

/** One turn per question; the last turn shows the band, the closing advice and the way on. */
function quizTurns(answers: Record<QuizQuestion, QuizAnswer>, band: 'low' | 'mid' | 'high'): TranscriptCase['turns'] {
  return quizQuestions.map((q, i) => {
    const next = quizQuestions[i + 1];
    const said = next ? [`${q}.${answers[q]}`, `${next}.prompt`] : [`${q}.${answers[q]}`, `bands.${band}`, 'after.1', 'after.2', NEXT];
    return [{ answer: `quiz.${q}.${answers[q]}` }, said];
  });
}
const quizStart: TranscriptCase['turns'][number] = [{ start: true }, ['intro.1', 'intro.2', 'q1.prompt']];
const allUnsure = Object.fromEntries(quizQuestions.map((q) => [q, 'unsure'])) as Record<QuizQuestion, QuizAnswer>;
const allWrong = Object.fromEntries(quizQuestions.map((q) => [q, quizRight[q] === 'flag' ? 'ok' : 'flag'])) as Record<QuizQuestion, QuizAnswer>;

export const cases: TranscriptCase[] = [
  {
    name: 'ai-deepfakes: about me — not your fault, no images, evidence, removal tools, then the way on',
    script: 'youth/ai-deepfakes',
    profile: teen,
    turns: [
      deepfakeStart,
      [{ choose: 'who.me' }, [...keys('self', 4), MORE]],
      ...deepfakeEnd,
      [{ choose: 'talk.later' }, [NEXT]]
    ]
  },
  {
    name: 'ai-deepfakes: about a friend in under-13 wording, then a person',
    script: 'youth/ai-deepfakes',
    profile: child,
    turns: [
      deepfakeStart,
      [{ choose: 'who.friend' }, [...keys('friend', 4), MORE]],
      ...deepfakeEnd,
      [{ choose: 'talk.person' }, [NEXT]]
    ]
  },
  {
    name: 'ai-deepfakes: just wanting to know, age not given',
    script: 'youth/ai-deepfakes',
    profile: unsaid,
    turns: [
      deepfakeStart,
      [{ choose: 'who.learn' }, [...keys('learn', 2), MORE]],
      ...deepfakeEnd,
      [{ choose: 'talk.later' }, [NEXT]]
    ]
  },
  {
    name: 'games-vr: voice chat, then VR, then the settings and trusted adults',
    script: 'youth/games-vr',
    profile: teen,
    turns: [
      gamesStart,
      [{ choose: 'topic.chat' }, [...keys('chat', 3), 'more.prompt']],
      [{ choose: 'more.another' }, ['topic.prompt']],
      [{ choose: 'topic.vr' }, [...keys('vr', 3), 'more.prompt']],
      [{ choose: 'more.done' }, gamesEnd],
      gamesAdults
    ]
  },
  {
    name: 'games-vr: gifts, then moving apps, in under-13 wording',
    script: 'youth/games-vr',
    profile: child,
    turns: [
      gamesStart,
      [{ choose: 'topic.gifts' }, [...keys('gifts', 3), 'more.prompt']],
      [{ choose: 'more.another' }, ['topic.prompt']],
      [{ choose: 'topic.apps' }, [...keys('apps', 3), 'more.prompt']],
      [{ choose: 'more.done' }, gamesEnd],
      gamesAdults
    ]
  },
  {
    name: 'games-vr: VR in under-13 wording, then a person',
    script: 'youth/games-vr',
    profile: child,
    turns: [
      gamesStart,
      [{ choose: 'topic.vr' }, [...keys('vr', 3), 'more.prompt']],
      [{ choose: 'more.person' }, [NEXT]]
    ]
  },
  {
    name: 'games-vr: moving apps, age not given, then a person',
    script: 'youth/games-vr',
    profile: unsaid,
    turns: [
      gamesStart,
      [{ choose: 'topic.apps' }, [...keys('apps', 3), 'more.prompt']],
      [{ choose: 'more.person' }, [NEXT]]
    ]
  },
  {
    name: 'ai-companions: people who are not who they say, then the way on',
    script: 'youth/ai-companions',
    profile: teen,
    turns: [
      companionsStart,
      [{ choose: 'topic.people' }, [...keys('people', 3), MORE]],
      companionsEnd,
      [{ choose: 'talk.later' }, [NEXT]]
    ]
  },
  {
    name: 'ai-companions: a chatbot that gets sexual, in under-13 wording, then a person',
    script: 'youth/ai-companions',
    profile: child,
    turns: [
      companionsStart,
      [{ choose: 'topic.bots' }, [...keys('bots', 3), MORE]],
      companionsEnd,
      [{ choose: 'talk.person' }, [NEXT]]
    ]
  },
  {
    name: 'ai-companions: both parts, age not given',
    script: 'youth/ai-companions',
    profile: unsaid,
    turns: [
      companionsStart,
      [{ choose: 'topic.both' }, [...keys('people', 3), MORE]],
      [{ choose: 'moreBots.go' }, [...keys('bots', 3), MORE]],
      companionsEnd,
      [{ choose: 'talk.later' }, [NEXT]]
    ]
  },
  {
    name: 'staying-safe: privacy, blocking and reporting, then the way on',
    script: 'youth/staying-safe',
    profile: teen,
    turns: [
      safeStart,
      [{ choose: 'topic.safe' }, [...keys('privacy', 3), MORE]],
      [{ choose: 'moreBlock.go' }, [...keys('block', 3), MORE]],
      safeEnd,
      [{ choose: 'talk.later' }, [NEXT]]
    ]
  },
  {
    name: 'staying-safe: privacy in under-13 wording',
    script: 'youth/staying-safe',
    profile: child,
    turns: [
      safeStart,
      [{ choose: 'topic.safe' }, [...keys('privacy', 3), MORE]],
      [{ choose: 'moreBlock.go' }, [...keys('block', 3), MORE]],
      safeEnd,
      [{ choose: 'talk.later' }, [NEXT]]
    ]
  },
  {
    name: 'staying-safe: a friend told me something, in under-13 wording, then a person',
    script: 'youth/staying-safe',
    profile: child,
    turns: [
      safeStart,
      [{ choose: 'topic.friend' }, [...keys('friend', 3), MORE]],
      friendEnd,
      [{ choose: 'talk.person' }, [NEXT]]
    ]
  },
  {
    name: 'staying-safe: both parts, age not given',
    script: 'youth/staying-safe',
    profile: unsaid,
    turns: [
      safeStart,
      [{ choose: 'topic.both' }, [...keys('privacy', 3), MORE]],
      [{ choose: 'moreBlockThenFriend.go' }, [...keys('block', 3), MORE]],
      [{ choose: 'moreFriend.go' }, [...keys('friend', 3), MORE]],
      friendEnd,
      [{ choose: 'talk.later' }, [NEXT]]
    ]
  },
  {
    name: 'rights: staying safe and getting help, then what the law forbids, then the way on',
    script: 'lanzarote/rights',
    profile: teen,
    turns: [
      rightsStart,
      [{ choose: 'part.help' }, [...keys('help', 3), 'more.prompt']],
      [{ choose: 'more.another' }, ['part.prompt']],
      [{ choose: 'part.law' }, ['law.1', 'law.2', 'law.3', 'law.own', MORE]],
      [{ choose: 'moreLaw.go' }, ['law.4', 'law.5', 'law.6', 'more.prompt']],
      [{ choose: 'more.done' }, ['checked', NEXT]]
    ]
  },
  {
    name: 'rights: reporting, then the law, in under-13 wording',
    script: 'lanzarote/rights',
    profile: child,
    turns: [
      rightsStart,
      [{ choose: 'part.report' }, ['report.1', 'report.2', 'report.name', MORE]],
      [{ choose: 'moreReport.go' }, ['report.3', 'report.4', 'report.5', 'more.prompt']],
      [{ choose: 'more.another' }, ['part.prompt']],
      [{ choose: 'part.law' }, ['law.1', 'law.2', 'law.3', 'law.own', MORE]],
      [{ choose: 'moreLaw.go' }, ['law.4', 'law.5', 'law.6', 'more.prompt']],
      [{ choose: 'more.done' }, ['checked', NEXT]]
    ]
  },
  {
    name: 'rights: getting help in under-13 wording',
    script: 'lanzarote/rights',
    profile: child,
    turns: [
      rightsStart,
      [{ choose: 'part.help' }, [...keys('help', 3), 'more.prompt']],
      [{ choose: 'more.done' }, ['checked', NEXT]]
    ]
  },
  {
    name: 'rights: reporting, age not given, then a person',
    script: 'lanzarote/rights',
    profile: unsaid,
    turns: [
      rightsStart,
      [{ choose: 'part.report' }, ['report.1', 'report.2', 'report.name', MORE]],
      [{ choose: 'moreReport.person' }, [NEXT]]
    ]
  },
  {
    name: 'quiz: every answer right gives the high band',
    script: 'youth/quiz',
    profile: teen,
    turns: [quizStart, ...quizTurns(quizRight, 'high')]
  },
  {
    name: 'quiz: every answer wrong gives the low band, without blame',
    script: 'youth/quiz',
    profile: unsaid,
    turns: [quizStart, ...quizTurns(allWrong, 'low')]
  },
  {
    name: 'quiz: "not sure" every time gives the low band, in under-13 wording',
    script: 'youth/quiz',
    profile: child,
    turns: [quizStart, ...quizTurns(allUnsure, 'low')]
  },
  {
    name: 'quiz: five right gives the middle band, in under-13 wording',
    script: 'youth/quiz',
    profile: child,
    turns: [quizStart, ...quizTurns({ ...quizRight, q2: 'unsure', q5: 'ok', q8: 'unsure', q9: 'unsure', q10: 'ok', q11: 'flag' }, 'mid')]
  }
];
