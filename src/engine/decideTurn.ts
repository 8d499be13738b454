/**
 * The decision table: from one message's reading and what the conversation waits on, what Beacon does.
 * A pure function, so that the order is visible in one place and tested as a table
 * (test/understanding/decideTurn.test.ts; the order is explained in src/understanding/README.md).
 */
import type { Command } from './commands';
import { needsEmergencyNumber } from '../safety/dangerReading';
import type { OpenPrompt, Reading } from '../understanding/reading';

export type TurnAction =
  /** The crisis script interrupts: the emergency number first. */
  | { kind: 'crisis' }
  /** Urgent but not immediate danger: the topic's first practical steps at once. */
  | { kind: 'urgent' }
  | { kind: 'command'; command: Command }
  /** "Who can I call": the helplines. */
  | { kind: 'helplines' }
  /** The open question's answer. */
  | { kind: 'answer'; choice: string }
  /** A new question: the script that answers it. */
  | { kind: 'route'; scriptId: string }
  /** Two scripts are close: ask which was meant. */
  | { kind: 'which'; scriptIds: [string, string] }
  /** Facts were all the message said: keep them and ask the open question again, without "I didn't catch that". */
  | { kind: 'facts' }
  /** The open step takes the message as it is: its free-text path, "go on", or its own re-prompt. */
  | { kind: 'continue' }
  /** Nothing is open and nothing was read. */
  | { kind: 'notUnderstood' };

export interface TurnSituation {
  prompt: OpenPrompt;
  /** The turn's language: a language said in passing that differs from it is a switch. */
  language: string;
  /**
   * The lessons whose first steps the urgent script for this reading's kind gives (`urgentLessons`): an urgent
   * message routed to one of them opens it; routed elsewhere, the urgent steps come first.
   */
  urgentLessons?: ReadonlySet<string>;
  /**
   * The lessons on a threat to share a picture or a picture already out (`imageLessons`): an unsure reading of a
   * threat routed to one of them ("quelqu'un me menace de publier mes photos") opens that lesson's first steps.
   */
  imageLessons?: ReadonlySet<string>;
}

/**
 * The questions that ask whether the user is safe now (script and step). The emergency number has just been given
 * when one is open, so a short answer to it ("no i'm good", "je crois pas") is the answer, whatever the danger
 * reading guesses: "not safe" goes on to the crisis script's own next step.
 */
export const SAFETY_QUESTIONS: ReadonlyArray<{ script: string; step: string }> = [
  { script: 'core/crisis', step: 'safe' },
  { script: 'core/crisis', step: 'checkAsk' },
  { script: 'core/helplines', step: 'danger' }
];

/** A danger reading of these kinds is urgent, never an emergency guess: a threat to share, a picture already out. */
const URGENT_KINDS: ReadonlySet<string> = new Set(['sextortion', 'imageShared']);

/** Unsure readings of these kinds (or of no kind) give way to a lesson on images the router is sure of. */
const IMAGE_THREAT_KINDS: ReadonlySet<string | undefined> = new Set([undefined, 'threat', 'other', 'pressure']);

/**
 * Commands that are all a short message says win over an unsure or emergency danger reading, like a tap on a
 * button: "stop pls", "atrás por favor" operate Beacon. Not "help", which can be a cry for help.
 */
const OPERATING_COMMANDS: ReadonlySet<string> = new Set(['menu', 'back', 'stop', 'person', 'country', 'language']);

/**
 * Below this score a command by meaning is not taken ("stop" wants more: ending the chat on a misreading
 * would leave a child without an answer).
 */
/** Up to this many words, a yes or no that answers no open question is only that ("no", "no thanks", "yeah ok"). */
const BARE_YES_NO_WORDS = 2;

export const MEANING_THRESHOLDS = { any: 0.6, stop: 0.8 } as const;

/** A message of at most this many words that states the fact the question asks is its answer. */
export const FACT_ANSWER_WORDS = 5;

/**
 * A "check" or "urgent" reading on a message this short that says a fact or answers the question ("i'm 14" — three words once normalised —, "belgium", "yeah") is not a cry for help: the guess gives
 * way. An `emergency` reading never does, whatever the length.
 */
export const FACT_ONLY_WORDS = 3;

export function decideTurn(reading: Reading, situation: TurnSituation): TurnAction {
  const { topic, facts } = reading;
  // A phrase found inside a longer message ("sorry, I didn't mean that") answers only a message with no danger in it.
  const answer = reading.answer?.via === 'inside' && reading.danger.level !== 'none' ? undefined : reading.answer;
  const factOnly = reading.words <= FACT_ONLY_WORDS && (Object.keys(facts).length > 0 || answer !== undefined);
  // A classifier's guess ("check", or "urgent") on a short answer is a misreading of the answer; "check" gives way
  // to an answer of up to FACT_ANSWER_WORDS words ("ich wohn in deutschland", "im her dad, shes 13").
  const shortAnswer = answer !== undefined && reading.words <= FACT_ANSWER_WORDS;
  const unsureAboutAFact = (reading.danger.level === 'check' && shortAnswer) || ((reading.danger.level === 'check' || reading.danger.level === 'urgent') && factOnly);
  const answersSafety = shortAnswer && atSafetyQuestion(situation.prompt);
  const operating = reading.command !== undefined && OPERATING_COMMANDS.has(reading.command.kind) && reading.words <= FACT_ONLY_WORDS;
  const unsure = reading.danger.level === 'check';
  const imageThreat = unsure && IMAGE_THREAT_KINDS.has(reading.danger.kind) && topic.kind === 'match' && situation.imageLessons?.has(topic.scriptId) === true;
  const urgentKind = (unsure && reading.danger.kind !== undefined && URGENT_KINDS.has(reading.danger.kind)) || imageThreat;
  if (needsEmergencyNumber(reading.danger) && !reading.offered && !unsureAboutAFact && !answersSafety && !operating && !urgentKind) return { kind: 'crisis' };
  if (reading.command) return { kind: 'command', command: reading.command };
  if (answer?.via === 'choice' || (answersSafety && answer)) return { kind: 'answer', choice: answer.choice };
  // Urgent: the first practical steps at once. When the question names one of the lessons those steps come from,
  // the lesson is that answer (each urgent lesson opens with its first steps); otherwise the short urgent steps.
  const urgent = (reading.danger.level === 'urgent' || urgentKind) && !unsureAboutAFact;
  const namesItsLesson = topic.kind === 'match' && (!situation.urgentLessons || situation.urgentLessons.has(topic.scriptId));
  if (urgent && !namesItsLesson) return { kind: 'urgent' };
  // A fact that answers the question gives way to a question asked in the same breath ("my daughter is being
  // blackmailed…"), but a short message that says a fact is the answer ("im a coach"), whatever the router thinks.
  const asksToo = answer?.via === 'fact' && topic.kind === 'match' && reading.words > FACT_ANSWER_WORDS;
  if (answer && !asksToo) return { kind: 'answer', choice: answer.choice };
  const meant = meaningCommand(reading);
  // "we live in Belgium" reads like "change country", but it already says the country: keep it, ask nothing.
  if (meant?.kind === 'command' && meant.command.kind === 'country' && facts.country) return { kind: 'facts' };
  // "What should I do" reads as "help" too: when the question names a topic, the topic is the better help.
  if (meant && !(meant.kind === 'command' && meant.command.kind === 'help' && topic.kind === 'match')) return meant;
  if (facts.language && facts.language !== situation.language) return { kind: 'command', command: { kind: 'language', to: facts.language } };
  // A bare "no" / "yeah" that answers nothing here is not a question about a topic: ask again, or say so.
  if (reading.yesNo && reading.words <= BARE_YES_NO_WORDS && Object.keys(facts).length === 0) {
    return situation.prompt.kind === 'none' ? { kind: 'notUnderstood' } : { kind: 'continue' };
  }
  if (topic.kind === 'match') return { kind: 'route', scriptId: topic.scriptId };
  if (topic.kind === 'ambiguous') return { kind: 'which', scriptIds: topic.scriptIds };
  if (Object.keys(facts).length > 0) return { kind: 'facts' };
  return situation.prompt.kind === 'none' ? { kind: 'notUnderstood' } : { kind: 'continue' };
}

function atSafetyQuestion(prompt: OpenPrompt): boolean {
  return prompt.kind === 'choices' && SAFETY_QUESTIONS.some((q) => q.script === prompt.script && q.step === prompt.step);
}

function meaningCommand(reading: Reading): TurnAction | undefined {
  const meaning = reading.meaning;
  if (!meaning) return undefined;
  const threshold = meaning.command === 'stop' ? MEANING_THRESHOLDS.stop : MEANING_THRESHOLDS.any;
  if (meaning.score < threshold) return undefined;
  // "no", "nope", "no thanks" at a question without a no: not the command that ends and forgets the chat.
  if (meaning.command === 'stop' && reading.yesNo) return undefined;
  if (meaning.command === 'helplines') return { kind: 'helplines' };
  return { kind: 'command', command: meaning.command === 'language' ? { kind: 'language' } : { kind: meaning.command } };
}
