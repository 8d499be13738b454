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
}

/**
 * Below this score a command by meaning is not taken ("stop" wants more: ending the chat on a misreading
 * would leave a child without an answer).
 */
export const MEANING_THRESHOLDS = { any: 0.6, stop: 0.8 } as const;

/** A message of at most this many words that states the fact the question asks is its answer. */
export const FACT_ANSWER_WORDS = 5;

/**
 * A "check" or "urgent" reading on a message this short that says a fact or answers the question ("i'm 14" — three words once normalised —, "belgium", "yeah") is not a cry for help: the guess gives
 * way. An `emergency` reading never does, whatever the length.
 */
export const FACT_ONLY_WORDS = 3;

export function decideTurn(reading: Reading, situation: TurnSituation): TurnAction {
  const { answer, topic, facts } = reading;
  const factOnly = reading.words <= FACT_ONLY_WORDS && (Object.keys(facts).length > 0 || answer !== undefined);
  // A classifier's guess ("check", or "urgent") on a short answer is a misreading of the answer.
  const unsureAboutAFact = (reading.danger.level === 'check' || reading.danger.level === 'urgent') && factOnly;
  if (needsEmergencyNumber(reading.danger) && !reading.offered && !unsureAboutAFact) return { kind: 'crisis' };
  if (reading.command) return { kind: 'command', command: reading.command };
  if (answer?.via === 'choice') return { kind: 'answer', choice: answer.choice };
  // Urgent: the first practical steps at once. When the question names its lesson, the lesson is that answer
  // (each urgent lesson opens with its first steps); otherwise the short urgent steps.
  if (reading.danger.level === 'urgent' && !unsureAboutAFact && topic.kind !== 'match') return { kind: 'urgent' };
  // A fact that answers the question gives way to a question asked in the same breath ("my daughter is being
  // blackmailed…"), but a short message that says a fact is the answer ("im a coach"), whatever the router thinks.
  const asksToo = answer?.via === 'fact' && topic.kind === 'match' && reading.words > FACT_ANSWER_WORDS;
  if (answer && !asksToo) return { kind: 'answer', choice: answer.choice };
  const meant = meaningCommand(reading);
  // "What should I do" reads as "help" too: when the question names a topic, the topic is the better help.
  if (meant && !(meant.kind === 'command' && meant.command.kind === 'help' && topic.kind === 'match')) return meant;
  if (facts.language && facts.language !== situation.language) return { kind: 'command', command: { kind: 'language', to: facts.language } };
  if (topic.kind === 'match') return { kind: 'route', scriptId: topic.scriptId };
  if (topic.kind === 'ambiguous') return { kind: 'which', scriptIds: topic.scriptIds };
  if (Object.keys(facts).length > 0) return { kind: 'facts' };
  return situation.prompt.kind === 'none' ? { kind: 'notUnderstood' } : { kind: 'continue' };
}

function meaningCommand(reading: Reading): TurnAction | undefined {
  const meaning = reading.meaning;
  if (!meaning) return undefined;
  const threshold = meaning.command === 'stop' ? MEANING_THRESHOLDS.stop : MEANING_THRESHOLDS.any;
  if (meaning.score < threshold) return undefined;
  if (meaning.command === 'helplines') return { kind: 'helplines' };
  return { kind: 'command', command: meaning.command === 'language' ? { kind: 'language' } : { kind: meaning.command } };
}
