/**
 * Reads one message into a `Reading` (see reading.ts): the danger check first, then exact commands, commands by
 * meaning, the answer to the open question, facts said in passing and the best topic. Each part is one
 * component's job; this only puts them together and maps yes/no and facts onto the open question's choices.
 */
import type { Audience } from '../content/scriptSchema';
import { isOfferedTitle, matchChoice } from '../engine/choiceMatcher';
import type { CommandRecognizer } from '../engine/commands';
import type { DangerDetector } from '../engine/engineServices';
import type { TextRouter } from '../engine/textRouter';
import { resolveCountry } from '../helplines/countryNames';
import { normalize } from '../engine/normalize';
import { readableText } from '../engine/transliterate';
import { DANGER_LEVELS, NO_DANGER } from '../safety/dangerReading';
import type { CommandMeaning } from './commandMeaning';
import type { FactReader, Facts } from './facts';
import type { YesNoReader } from './yesNo';
import type { OpenPrompt, PromptAnswer, PromptChoice, Reading } from './reading';
import { forgetSplitTexts } from './phrases';
import type { GreetingReader } from './greetings';

export interface ReaderParts {
  danger: DangerDetector;
  commands: CommandRecognizer;
  meaning: CommandMeaning;
  facts: FactReader;
  yesNo: YesNoReader;
  router: TextRouter;
  /** Hello alone; absent, no message is read as one. */
  greetings?: GreetingReader;
}

export interface MessageInput {
  text: string;
  /** A card submission's value, if any. */
  value?: unknown;
  language: string;
  prompt: OpenPrompt;
  /** The audience the profile already knows. */
  audience?: Audience;
  /** Scripts a question may be routed to for an audience (all routable ones when it is unknown). */
  allowedFor(audience: Audience | undefined): ReadonlySet<string>;
}

export class MessageReader {
  constructor(private readonly parts: ReaderParts) {}

  async read(input: MessageInput): Promise<Reading> {
    try {
      return await this.readAll(input);
    } finally {
      forgetSplitTexts();
    }
  }

  private async readAll(input: MessageInput): Promise<Reading> {
    const { language } = input;
    // Ukrainian typed in Latin letters is read in Cyrillic; what English still reads ("help", "Poland") is kept.
    const readable = readableText(input.text, language);
    if (readable !== input.text) return merged(await this.readText({ ...input, text: readable }), await this.readText(input));
    return this.readText(input);
  }

  private async readText(input: MessageInput): Promise<Reading> {
    const { text, language, prompt } = input;
    const typed = text.trim() !== '';
    const asksAudience = prompt.kind === 'choices' && prompt.choices.some((c) => c.sets?.field === 'audience');
    const facts = typed ? clean(this.parts.facts.read(text, language, input.audience === undefined || asksAudience)) : {};
    const yesNo = typed ? this.parts.yesNo.read(text, language) : undefined;
    const choices = prompt.kind === 'choices' ? prompt.choices : [];
    const audience = facts.audience ?? input.audience;
    // A button's own title ("Ich möchte mit einem Menschen reden") is its answer, not a command found inside it.
    const offered = typed && isOfferedTitle(text, choices.map((c) => c.phrases[0] ?? ''));
    // "hi" names no topic: a router trained on lessons would still pick the nearest one.
    const greeting = typed && this.parts.greetings?.isGreeting(text, language) === true;
    return {
      prompt,
      words: normalize(text).split(' ').filter(Boolean).length,
      danger: typed ? this.parts.danger.read(text, language) : NO_DANGER,
      command: this.parts.commands.recognize(text, language, !offered),
      meaning: typed && !greeting ? await this.parts.meaning.classify(text, language) : undefined,
      answer: answerOf(prompt, choices, text, input.value, yesNo, facts),
      ...(yesNo ? { yesNo } : {}),
      facts,
      topic: typed && !greeting ? await this.parts.router.route(language, text, input.allowedFor(audience)) : { kind: 'none' },
      offered,
      ...(greeting ? { greeting } : {})
    };
  }
}

/** A reading of the transliterated text, completed by the reading of the text as typed where it found nothing. */
function merged(readable: Reading, asTyped: Reading): Reading {
  const graver = DANGER_LEVELS.indexOf(asTyped.danger.level) < DANGER_LEVELS.indexOf(readable.danger.level);
  return {
    ...readable,
    danger: graver ? asTyped.danger : readable.danger,
    command: readable.command ?? asTyped.command,
    meaning: readable.meaning ?? asTyped.meaning,
    answer: readable.answer ?? asTyped.answer,
    facts: { ...asTyped.facts, ...readable.facts },
    ...(readable.yesNo ?? asTyped.yesNo ? { yesNo: readable.yesNo ?? asTyped.yesNo } : {}),
    topic: readable.topic.kind === 'none' ? asTyped.topic : readable.topic,
    offered: readable.offered || asTyped.offered,
    ...(readable.greeting || asTyped.greeting ? { greeting: true } : {})
  };
}

/** The open question's answer: a choice as typed or tapped, then yes/no, then a fact it asks for. */
function answerOf(prompt: OpenPrompt, choices: PromptChoice[], text: string, value: unknown, yesNo: 'yes' | 'no' | undefined, facts: Facts): PromptAnswer | undefined {
  if (prompt.kind !== 'choices') return undefined;
  const index = matchChoice(choices, text, value);
  if (index !== undefined) return { choice: choices[index]!.id, via: 'choice' };
  if (prompt.source === 'country') {
    const named = resolveCountry(text) ?? facts.country;
    return named ? { choice: named, via: named === facts.country ? 'fact' : 'choice' } : undefined;
  }
  const said = saidIn(choices.filter((c) => c.means), text);
  if (said) return { choice: said, via: 'yesNo' };
  const inside = saidIn(choices.filter((c) => c.inside).map((c) => ({ ...c, phrases: c.inside! })), text);
  if (inside) return { choice: inside, via: 'inside' };
  const meant = yesNo ? choices.filter((c) => c.means === yesNo) : [];
  if (meant.length === 1) return { choice: meant[0]!.id, via: 'yesNo' };
  const told = choices.filter((c) => c.sets && (facts as Record<string, unknown>)[c.sets.field] === c.sets.value);
  return told.length === 1 ? { choice: told[0]!.id, via: 'fact' } : undefined;
}

/**
 * The yes or no choice whose words the message contains, the longest phrase winning: "no i'm not safe" is "not
 * safe", "nah im ok" is "im ok", whatever its first word says. Only for choices that declare what they mean, and
 * only phrases of two words or a word of four letters or more (a bare "no" is read as yes/no, not found inside).
 */
function saidIn(choices: PromptChoice[], text: string): string | undefined {
  // Within one part of the message: "no, estoy bien" is "no" and "estoy bien", not "no estoy bien".
  const parts = text.split(/[,.;!?]+/).map((part) => ` ${normalize(part)} `);
  let best: { id: string; length: number } | undefined;
  let tie = false;
  for (const choice of choices) {
    for (const phrase of choice.phrases.map(normalize)) {
      if (!phrase || (!phrase.includes(' ') && phrase.length < 4) || !parts.some((part) => part.includes(` ${phrase} `))) continue;
      if (!best || phrase.length > best.length) {
        tie = false;
        best = { id: choice.id, length: phrase.length };
      } else if (phrase.length === best.length && best.id !== choice.id) tie = true;
    }
  }
  return best && !tie ? best.id : undefined;
}

/** Only the facts that were read (no undefined fields), so "nothing read" is an empty object. */
function clean(facts: Facts): Facts {
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined && v !== '')) as Facts;
}
