/**
 * One reading per message: everything Beacon understands in what was typed, computed once before anything acts
 * on it and kept in the turn (never stored), so that the decision table, the open step and the country question
 * all see the same thing. Each part comes from a component with one job; swapping one changes no caller.
 */
import type { TurnContext } from 'botbuilder';
import type { Command } from '../engine/commands';
import type { RouteResult } from '../engine/textRouter';
import type { DangerReading } from '../safety/dangerReading';
import type { MeaningCommand } from './commandMeaning';
import type { Facts } from './facts';

/** A choice of the open question as the reader sees it: its id, words, and what it means or sets. */
export interface PromptChoice {
  id: string;
  /** Title and synonyms, already translated. */
  phrases: string[];
  /** The choice is the "yes" (or "no") answer to the question. */
  means?: 'yes' | 'no';
  /** The profile fact choosing it records ("I'm a parent" sets audience=parent). */
  sets?: { field: string; value: string };
  /** Phrases that choose it wherever they stand in the message (the script's `inside` list), translated. */
  inside?: string[];
}

/** What the conversation is waiting on when the message arrives. */
export type OpenPrompt =
  | { kind: 'none' }
  /** An ask or quiz step, a "which did you mean" question, or "which country are you in?" (`source`). */
  | { kind: 'choices'; source: 'ask' | 'quiz' | 'which' | 'country'; script?: string; step?: string; choices: PromptChoice[]; freeText: boolean }
  /** A step that takes any message as "go on" (a handoff that let go). */
  | { kind: 'waiting' };

/** How the message answers the open question, and how sure that is. */
export interface PromptAnswer {
  choice: string;
  /**
   * `choice`: its value, title, number, a synonym or a near-miss; `yesNo`: mapped from yes/no; `fact`: a fact it
   * asked for; `inside`: one of the choice's `inside` phrases within a longer message.
   */
  via: 'choice' | 'yesNo' | 'fact' | 'inside';
}

export interface Reading {
  danger: DangerReading;
  /** A command typed as its exact words ("menu", "stop", "français"). */
  command?: Command;
  /** A command recognised by its meaning ("who can I call", "can I speak to a human"). */
  meaning?: { command: MeaningCommand; score: number };
  /** The answer to the open question, when the message gives one. */
  answer?: PromptAnswer;
  yesNo?: 'yes' | 'no';
  /** Facts about the user said in passing ("i'm 14", "we live in Belgium"). */
  facts: Facts;
  /** The best topic for the message as a question. */
  topic: RouteResult;
  /** How many words the message has: a short message that states a fact is an answer, not a new question. */
  words: number;
  /** The question the message was read against. */
  prompt: OpenPrompt;
  /** The message is one of Beacon's own button titles for the open question: an answer, not a disclosure. */
  offered: boolean;
  /** All the message says is hello (`greetings.ts`). */
  greeting?: boolean;
}

const READING = Symbol('beacon.reading');

export function keepReading(context: TurnContext, reading: Reading): void {
  context.turnState.set(READING, reading);
}

/** This turn's reading; undefined before the conversation handler read the message (or for a non-message). */
export function readingOf(context: TurnContext): Reading | undefined {
  return context.turnState.get(READING) as Reading | undefined;
}

/** True when the reading found nothing at all: the only case where a prompt may say "I didn't catch that". */
export function foundNothing(reading: Reading): boolean {
  return !reading.command && !reading.meaning && !reading.answer && !reading.yesNo && Object.keys(reading.facts).length === 0 && reading.topic.kind === 'none';
}
