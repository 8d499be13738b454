/**
 * The question a script is waiting on, seen from outside the step that asked it: showing it again (after an
 * interruption, "back" or a language switch), and telling whether a message is one of its answers. The crisis
 * check needs the latter before any step runs: a tap on Beacon's own button is an answer, not a disclosure,
 * and an answer it interrupted is carried out when the user says to go on (see interruption.ts).
 */
import type { TurnContext } from 'botbuilder';
import { turnLanguage } from '../bot/turnLanguage';
import type { AskStep, Script } from '../content/scriptSchema';
import type { OpenPrompt } from '../understanding/reading';
import { isOfferedTitle, matchChoice, type MatchableChoice } from './choiceMatcher';
import type { EngineServices } from './engineServices';
import { sendChoices } from './output';
import { ScriptText } from './scriptText';

/** Where a script is: its id, its step, and the quiz question when the step is a quiz. */
export interface Position {
  script: string;
  step: string;
  quiz?: { question: number };
}

export class OpenQuestion {
  constructor(private readonly services: EngineServices) {}

  /** Shows the question (or quiz question) with its choices; a helplines step asks for the country again. */
  async prompt(context: TurnContext, at: Position): Promise<void> {
    const script = this.services.scripts.get(at.script);
    const step = script.steps[at.step];
    const text = await this.text(context, script);
    const hint = this.services.translator.t(text.language, 'engine.numberedHint');
    if (step?.type === 'ask') {
      const options = step.choices.map((c) => ({ title: text.t(c.title), value: text.t(c.title) }));
      await sendChoices(context, text.t(step.prompt), options, text.language, hint);
    } else if (step?.type === 'quiz') {
      const question = step.questions[at.quiz?.question ?? 0]!;
      const options = question.answers.map((a) => ({ title: text.t(a.title), value: text.t(a.title) }));
      await sendChoices(context, text.t(question.prompt), options, text.language, hint);
    } else if (step?.type === 'helplines') {
      await this.services.country.ask(context, text.language);
    }
  }

  /** The question as the message reader sees it: its choices with their words, meanings and facts. */
  async describe(context: TurnContext, at: Position): Promise<OpenPrompt> {
    const script = this.services.scripts.scripts.get(at.script);
    const step = script?.steps[at.step];
    if (!script || !step) return { kind: 'none' };
    const text = await this.text(context, script);
    const where = { script: at.script, step: at.step, freeText: false };
    if (step.type === 'ask') {
      const choices = askChoices(step, text).map((c, i) => {
        const choice = step.choices[i]!;
        return {
          ...c,
          ...(choice.means ? { means: choice.means } : {}),
          ...(choice.set ? { sets: choice.set } : {}),
          ...(choice.inside ? { inside: text.list(choice.inside) } : {})
        };
      });
      return { kind: 'choices', source: 'ask', ...where, freeText: step.freeText !== undefined, choices };
    }
    if (step.type === 'quiz') {
      const answers = step.questions[at.quiz?.question ?? 0]!.answers;
      return { kind: 'choices', source: 'quiz', ...where, choices: answers.map((a) => ({ id: a.id, phrases: [text.t(a.title)] })) };
    }
    if (step.type === 'helplines') return { kind: 'choices', source: 'country', ...where, choices: this.services.country.choices(context, text.language) };
    return step.type === 'handoff' ? { kind: 'waiting' } : { kind: 'none' };
  }

  /** True when `input` is exactly the title of one of the question's choices (or quiz answers). */
  async offersTitle(context: TurnContext, at: Position, input: string): Promise<boolean> {
    const script = this.services.scripts.scripts.get(at.script);
    const step = script?.steps[at.step];
    if (!script || (step?.type !== 'ask' && step?.type !== 'quiz')) return false;
    const text = await this.text(context, script);
    const titles = step.type === 'ask' ? step.choices.map((c) => c.title) : step.questions[at.quiz?.question ?? 0]!.answers.map((a) => a.title);
    return isOfferedTitle(input, titles.map((key) => text.t(key)));
  }

  /** The id of the choice `input` names, when the question is an `ask`. */
  async choiceNamed(context: TurnContext, at: Position, input: string): Promise<string | undefined> {
    const script = this.services.scripts.scripts.get(at.script);
    const step = script?.steps[at.step];
    if (!script || step?.type !== 'ask') return undefined;
    const index = matchChoice(askChoices(step, await this.text(context, script)), input, undefined);
    return index === undefined ? undefined : step.choices[index]!.id;
  }

  async text(context: TurnContext, script: Script): Promise<ScriptText> {
    const profile = await this.services.state.profile.get(context, {});
    return new ScriptText(this.services.translator, turnLanguage(context), profile, script.id);
  }
}

/** An ask step's choices as the matcher reads them: each title and its synonyms, in the turn's language. */
export function askChoices(step: AskStep, text: ScriptText): MatchableChoice[] {
  return step.choices.map((c) => ({ id: c.id, phrases: [text.t(c.title), ...(c.synonyms ? text.list(c.synonyms) : [])] }));
}
