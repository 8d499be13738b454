/**
 * The decision table (src/understanding/README.md), row by row: for one reading and one open question, what
 * Beacon does. Each row is a user's situation; a change of order shows up here first.
 */
import { decideTurn, FACT_ANSWER_WORDS, type TurnAction } from '../../src/engine/decideTurn';
import type { OpenPrompt, Reading } from '../../src/understanding/reading';

const askAge: OpenPrompt = { kind: 'choices', source: 'ask', script: 'start', step: 'age', freeText: false, choices: [] };
const nothing: OpenPrompt = { kind: 'none' };
const safeQuestion: OpenPrompt = { kind: 'choices', source: 'ask', script: 'core/crisis', step: 'safe', freeText: false, choices: [] };

function reading(parts: Partial<Reading>): Reading {
  return { danger: { level: 'none', score: 0 }, facts: {}, topic: { kind: 'none' }, offered: false, words: 3, prompt: askAge, ...parts };
}

const sextortion = { kind: 'match', scriptId: 'youth/sextortion', score: 0.9 } as const;
/** The lessons on images (`imageLessons` of the shipped scripts gives these and the parents' ones). */
const IMAGE_LESSONS: ReadonlySet<string> = new Set(['youth/sextortion', 'youth/nudes']);

const rows: Array<[string, Reading, OpenPrompt, TurnAction, string[]?]> = [
  ['a message in danger interrupts before anything else, even a command', reading({ danger: { level: 'emergency', score: 1 }, command: { kind: 'menu' }, words: 5 }), askAge, { kind: 'crisis' }],
  ['"stop pls" operates Beacon: a short exact command is not a disclosure', reading({ danger: { level: 'emergency', kind: 'other', score: 0.9 }, command: { kind: 'stop' }, words: 2 }), askAge, { kind: 'command', command: { kind: 'stop' } }],
  ['"help" alone can be a cry for help: the danger reading still comes first', reading({ danger: { level: 'emergency', kind: 'other', score: 0.9 }, command: { kind: 'help' }, words: 1 }), askAge, { kind: 'crisis' }],
  ['at "are you safe right now?", a short answer is the answer whatever the reading ("no i\'m good")', reading({ danger: { level: 'emergency', kind: 'selfHarm', score: 0.9 }, answer: { choice: 'safe', via: 'yesNo' }, words: 4 }), safeQuestion, { kind: 'answer', choice: 'safe' }],
  ['at "are you safe right now?", "sorry, I didn\'t mean that" inside a longer message is the answer', reading({ answer: { choice: 'mistake', via: 'inside' }, topic: sextortion, words: 8 }), safeQuestion, { kind: 'answer', choice: 'mistake' }],
  ['a phrase found inside a message with danger in it is not the answer, even once the number was given ("he said he was joking")', reading({ danger: { level: 'check', kind: 'threat', score: 0.85 }, offered: true, answer: { choice: 'mistake', via: 'inside' }, words: 9 }), safeQuestion, { kind: 'continue' }],
  ['at "are you safe right now?", a longer message in danger still interrupts', reading({ danger: { level: 'emergency', kind: 'present', score: 0.9 }, answer: { choice: 'safe', via: 'yesNo' }, words: FACT_ANSWER_WORDS + 3 }), safeQuestion, { kind: 'crisis' }],
  ['an unsure reading gives way to a short answer of a few words ("ich wohn in deutschland")', reading({ danger: { level: 'check', kind: 'selfHarm', score: 0.6 }, answer: { choice: 'DE', via: 'fact' }, facts: { country: 'DE' }, words: FACT_ANSWER_WORDS }), askAge, { kind: 'answer', choice: 'DE' }],
  ['an unsure reading of a sextortion threat is urgent, not an emergency', reading({ danger: { level: 'check', kind: 'sextortion', score: 0.6 }, words: 8 }), nothing, { kind: 'urgent' }],
  ['urgent, routed to a lesson its steps do not come from: the urgent steps first', reading({ danger: { level: 'urgent', kind: 'imageShared', score: 0.7 }, topic: { kind: 'match', scriptId: 'youth/did-i-break-the-law', score: 0.9 }, words: 6 }), nothing, { kind: 'urgent' }, ['youth/nudes']],
  ['urgent, routed to a lesson its steps come from: the lesson', reading({ danger: { level: 'urgent', kind: 'imageShared', score: 0.7 }, topic: { kind: 'match', scriptId: 'youth/nudes', score: 0.9 }, words: 6 }), nothing, { kind: 'route', scriptId: 'youth/nudes' }, ['youth/nudes']],
  ['"check" also puts the emergency number first', reading({ danger: { level: 'check', kind: 'meeting', score: 0.6 } }), nothing, { kind: 'crisis' }],
  ['an unsure threat that the router sends to a lesson on images opens that lesson ("quelqu\'un me menace de publier mes photos")', reading({ danger: { level: 'check', kind: 'threat', score: 0.6 }, topic: sextortion, words: 8 }), nothing, { kind: 'route', scriptId: 'youth/sextortion' }],
  ['an unsure threat routed elsewhere still puts the emergency number first', reading({ danger: { level: 'check', kind: 'threat', score: 0.6 }, topic: { kind: 'match', scriptId: 'youth/games-vr', score: 0.9 }, words: 8 }), nothing, { kind: 'crisis' }],
  ['an unsure meeting stays a crisis check, even routed to a lesson on images', reading({ danger: { level: 'check', kind: 'meeting', score: 0.6 }, topic: sextortion, words: 8 }), nothing, { kind: 'crisis' }],
  ['an emergency threat is never read as a lesson on images', reading({ danger: { level: 'emergency', kind: 'threat', score: 0.9 }, topic: sextortion, words: 8 }), nothing, { kind: 'crisis' }],
  ['someone pressing for pictures now, routed to a lesson its steps do not come from: the urgent steps first', reading({ danger: { level: 'urgent', kind: 'pressure', score: 0.5 }, topic: { kind: 'match', scriptId: 'youth/did-i-break-the-law', score: 0.99 }, words: 12 }), nothing, { kind: 'urgent' }, ['youth/grooming']],
  ["a tap on Beacon's own button is an answer, not a disclosure", reading({ danger: { level: 'emergency', score: 1 }, offered: true, answer: { choice: 'danger', via: 'choice' } }), askAge, { kind: 'answer', choice: 'danger' }],
  ['an exact command wins over the answer', reading({ command: { kind: 'stop' }, answer: { choice: 'x', via: 'choice' } }), askAge, { kind: 'command', command: { kind: 'stop' } }],
  ['a choice as typed answers the question, before an urgent reading', reading({ answer: { choice: '13to17', via: 'choice' }, danger: { level: 'urgent', kind: 'sextortion', score: 0.7 } }), askAge, { kind: 'answer', choice: '13to17' }],
  ['urgent without a lesson named gives the first steps at once', reading({ danger: { level: 'urgent', kind: 'sextortion', score: 0.7 }, words: 12 }), nothing, { kind: 'urgent' }],
  ['urgent with its lesson named opens the lesson, which starts with the first steps', reading({ danger: { level: 'urgent', kind: 'sextortion', score: 0.7 }, topic: sextortion, words: 12 }), nothing, { kind: 'route', scriptId: 'youth/sextortion' }],
  ['an unsure danger reading on a short answer gives way to the answer', reading({ danger: { level: 'check', kind: 'selfHarm', score: 0.8 }, answer: { choice: '13to17', via: 'fact' }, facts: { ageBand: '13to17' }, words: 3 }), askAge, { kind: 'answer', choice: '13to17' }],
  ['an emergency reading never gives way, however short', reading({ danger: { level: 'emergency', kind: 'present', score: 0.95 }, answer: { choice: '13to17', via: 'fact' }, words: 3 }), askAge, { kind: 'crisis' }],
  ['an unsure danger reading on a longer message still asks', reading({ danger: { level: 'check', kind: 'meeting', score: 0.8 }, words: 9 }), askAge, { kind: 'crisis' }],
  ['yes/no answers the question even when a topic matches', reading({ answer: { choice: 'safe', via: 'yesNo' }, topic: sextortion }), askAge, { kind: 'answer', choice: 'safe' }],
  ['a short fact answers the question whatever the router says', reading({ answer: { choice: 'other', via: 'fact' }, facts: { audience: 'other_adult' }, topic: sextortion, words: 3 }), askAge, { kind: 'answer', choice: 'other' }],
  ['a longer message with a fact and a clear question is the question', reading({ answer: { choice: 'parent', via: 'fact' }, facts: { audience: 'parent' }, topic: sextortion, words: FACT_ANSWER_WORDS + 1 }), askAge, { kind: 'route', scriptId: 'youth/sextortion' }],
  ['"who can I call" by meaning gives the helplines', reading({ meaning: { command: 'helplines', score: 0.9 }, topic: sextortion }), askAge, { kind: 'helplines' }],
  ['"what should I do about sextortion" is the topic, not the help command', reading({ meaning: { command: 'help', score: 0.8 }, topic: sextortion }), askAge, { kind: 'route', scriptId: 'youth/sextortion' }],
  ['"what can you do" is the help command', reading({ meaning: { command: 'help', score: 0.8 } }), askAge, { kind: 'command', command: { kind: 'help' } }],
  ['a command by meaning below its score is not taken', reading({ meaning: { command: 'person', score: 0.3 } }), askAge, { kind: 'continue' }],
  ['"stop" by meaning needs more than the other commands', reading({ meaning: { command: 'stop', score: 0.7 } }), nothing, { kind: 'notUnderstood' }],
  ['"we live in Belgium" names the country: it is kept, not the "change country" question', reading({ meaning: { command: 'country', score: 0.9 }, facts: { country: 'BE' }, words: 4 }), askAge, { kind: 'facts' }],
  ['a bare "no" that answers nothing is not a question about the best-scoring topic', reading({ yesNo: 'no', words: 1, topic: sextortion }), askAge, { kind: 'continue' }],
  ['a bare "yeah" with nothing open is not understood, not a lesson', reading({ yesNo: 'yes', words: 1, topic: sextortion }), nothing, { kind: 'notUnderstood' }],
  ['a plain "no" at a topic menu is not "stop" (which forgets the chat), however sure the meaning', reading({ meaning: { command: 'stop', score: 0.95 }, yesNo: 'no', words: 1 }), askAge, { kind: 'continue' }],
  ['a language asked for in passing switches', reading({ facts: { language: 'fr' } }), nothing, { kind: 'command', command: { kind: 'language', to: 'fr' } }],
  ['the language already spoken is not a switch', reading({ facts: { language: 'en' } }), askAge, { kind: 'facts' }],
  ['a clear question is routed at an open prompt', reading({ topic: sextortion }), askAge, { kind: 'route', scriptId: 'youth/sextortion' }],
  ['two close topics: which did you mean', reading({ topic: { kind: 'ambiguous', scriptIds: ['a', 'b'], scores: [0.4, 0.3] } }), askAge, { kind: 'which', scriptIds: ['a', 'b'] }],
  ['facts only: kept, and the question asked again', reading({ facts: { country: 'BE' } }), askAge, { kind: 'facts' }],
  ['nothing read at an open question: the step decides', reading({}), askAge, { kind: 'continue' }],
  ['nothing read and nothing open: not understood', reading({ prompt: nothing }), nothing, { kind: 'notUnderstood' }]
];

describe('the decision table', () => {
  // A rest parameter: jest would take a fifth named parameter for a `done` callback on the four-part rows.
  it.each(rows)('%s', (...row) => {
    const [, read, prompt, expected, urgentLessons] = row;
    expect(decideTurn(read, { prompt, language: 'en', imageLessons: IMAGE_LESSONS, ...(urgentLessons ? { urgentLessons: new Set(urgentLessons) } : {}) })).toEqual(expected);
  });
});
