/**
 * The one generic dialog that plays any script in `dialogs/`. Its position (script, step, answers so far)
 * lives in the dialog stack in the store, so a conversation resumes where it was after a restart. Steps
 * that need no answer run one after another; `ask` and `quiz` wait for the user.
 */
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
// From its own modules: the package's index also loads every prompt and its date and number recognizers.
import { Dialog, DialogReason, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
import type { TurnContext } from 'botbuilder';
import type { Profile } from '../bot/state';
import type { AskStep, BranchField, Choice, QuizStep, Script, Step } from '../content/scriptSchema';
import { readingOf, type OpenPrompt } from '../understanding/reading';
import { setTurnLanguage, turnLanguage } from '../bot/turnLanguage';
import { matchChoice } from './choiceMatcher';
import { CORE_SCRIPTS, isHeldForHandoff, type EngineServices } from './engineServices';
import { requestResume, takeResumeIntent } from './interruption';
import { askChoices, OpenQuestion } from './openQuestion';
import { sendLinks, sendTexts } from './output';
import { ScriptText } from './scriptText';
import { traceOf } from './turnTrace';

export const SCRIPT_DIALOG_ID = 'beacon.script';
/** A script that runs more steps than this in one turn has a loop without a question: a content bug. */
const MAX_STEPS_PER_TURN = 60;
/** Questions about these fields are not asked again once the user said the answer, in a sentence or a button. */
const TOLD_FIELDS: readonly string[] = ['audience', 'ageBand'];

/** The stored position names a script or step that no longer exists (content changed under a live chat). */
export class ScriptPositionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptPositionError';
  }
}

export interface ScriptState {
  script: string;
  step: string;
  history: string[];
  misses: number;
  quiz?: { question: number; score: number };
}

export class ScriptDialog extends Dialog<{ script: string; step?: string }> {
  private readonly question: OpenQuestion;

  constructor(private readonly services: EngineServices) {
    super(SCRIPT_DIALOG_ID);
    this.question = new OpenQuestion(services);
  }

  override async beginDialog(dc: DialogContext, options?: { script: string; step?: string }): Promise<DialogTurnResult> {
    const script = this.services.scripts.get(options?.script ?? CORE_SCRIPTS.menu);
    const state: ScriptState = { script: script.id, step: options?.step ?? script.start, history: [], misses: 0 };
    traceOf(dc.context).began.push(script.id);
    dc.activeDialog!.state = state;
    return this.run(dc, state.step);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const step = this.step(state);
    const activity = dc.context.activity;
    if (activity.type !== 'message') return Dialog.EndOfTurn;
    if (step.type === 'ask') return this.answerAsk(dc, state, step, activity.text, activity.value);
    if (step.type === 'quiz') return this.answerQuiz(dc, state, step, activity.text, activity.value);
    // A handoff step waits only while the handoff holds the conversation; the next message moves on.
    if (step.type === 'handoff') return this.advance(dc, state, step.next);
    // A helplines step waits only while it asks for the country.
    if (step.type === 'helplines') return this.answerCountry(dc, state, activity.text, activity.value);
    return this.run(dc, state.step);
  }

  /** A called script ended, or an interruption (help, crisis) finished: go on from where we were. */
  override async resumeDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const step = this.step(state);
    // The crisis check interrupted an answer to this question, and the user said to go on: apply that answer.
    const intent = await takeResumeIntent(dc.context, this.services.state);
    if (intent && 'choice' in intent && step.type === 'ask' && intent.script === state.script && intent.step === state.step) {
      return this.answerAsk(dc, state, step, undefined, intent.choice);
    }
    // It asked about a topic: open it on top, so that this script is still here when it ends.
    if (intent && 'route' in intent && this.services.scripts.has(intent.route)) return dc.beginDialog(SCRIPT_DIALOG_ID, { script: intent.route });
    if (step.type === 'call') return this.run(dc, step.next);
    const told = step.type === 'ask' ? await this.knownChoice(dc.context, step) : undefined;
    if (told) return this.advance(dc, state, told.next);
    if (step.type === 'ask' || step.type === 'quiz') {
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    return this.run(dc, state.step);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.prompt(context, instance.state as ScriptState);
  }

  /** "back": the previous question of this script; false when there is none. */
  async goBack(dc: DialogContext): Promise<boolean> {
    const state = this.stateOf(dc);
    const previous = state.history.pop();
    if (!previous) return false;
    state.step = previous;
    state.misses = 0;
    delete state.quiz;
    await this.prompt(dc.context, state);
    return true;
  }

  override async endDialog(_context: TurnContext, _instance: DialogInstance, _reason: DialogReason): Promise<void> {}

  private async run(dc: DialogContext, first: string | undefined): Promise<DialogTurnResult> {
    const state = this.stateOf(dc);
    const script = this.services.scripts.get(state.script);
    let stepId = first;
    for (let count = 0; stepId !== undefined; count++) {
      if (count > MAX_STEPS_PER_TURN) throw new Error(`Script "${script.id}" ran ${MAX_STEPS_PER_TURN} steps without a question near step "${stepId}".`);
      const step = script.steps[stepId];
      if (!step) throw new Error(`Script "${script.id}" has no step "${stepId}".`);
      state.step = stepId;
      const text = await this.text(dc.context, script);
      switch (step.type) {
        case 'say':
          await sendTexts(dc.context, step.messages.map((k) => text.t(k)), text.language);
          await sendLinks(dc.context, (step.links ?? []).map((l) => ({ title: text.t(l.title), url: l.url })), text.language);
          stepId = step.next;
          break;
        case 'ask': {
          // The user already told what this question asks ("i'm 14" before "which age group?"): as if pressed.
          const told = await this.knownChoice(dc.context, step);
          if (told) {
            state.history.push(stepId);
            stepId = told.next;
            if (stepId === undefined) return dc.endDialog();
            break;
          }
          await this.prompt(dc.context, state);
          return Dialog.EndOfTurn;
        }
        case 'quiz':
          state.quiz = { question: 0, score: 0 };
          if (step.intro) await sendTexts(dc.context, [text.t(step.intro)], text.language);
          await this.prompt(dc.context, state);
          return Dialog.EndOfTurn;
        case 'call':
          return dc.beginDialog(SCRIPT_DIALOG_ID, { script: step.script });
        case 'set':
          await this.setProfile(dc.context, step.field, step.value);
          stepId = step.next;
          break;
        case 'branch': {
          const value = await this.branchValue(dc.context, step.field);
          stepId = (value !== undefined && step.cases[value]) || step.default;
          break;
        }
        case 'helplines':
          if (step.askCountry && (await this.services.country.needed(dc.context))) {
            await this.services.country.ask(dc.context, text.language, false, step.urgency === 'info');
            return Dialog.EndOfTurn;
          }
          await this.services.helplines.show(dc.context, step, await this.profile(dc.context), text.language);
          stepId = step.next;
          break;
        case 'handoff':
          await this.services.handoff.request(dc.context, step.topic, await this.profile(dc.context), text.language);
          if (isHeldForHandoff(dc.context)) return Dialog.EndOfTurn;
          stepId = step.next;
          break;
        case 'end':
          if (step.message) await sendTexts(dc.context, [text.t(step.message)], text.language);
          return dc.endDialog();
        case 'resume':
          requestResume(dc.context);
          return dc.endDialog();
      }
    }
    return dc.endDialog();
  }

  private async answerAsk(dc: DialogContext, state: ScriptState, step: AskStep, input: string | undefined, value: unknown): Promise<DialogTurnResult> {
    const text = await this.text(dc.context, this.services.scripts.get(state.script));
    const index = matchChoice(askChoices(step, text), input, value);
    const chosen = index === undefined ? this.readAnswer(dc, state, step.choices) : step.choices[index];
    if (!chosen) {
      if (step.freeText && input?.trim()) return this.advance(dc, state, step.freeText);
      return this.miss(dc, state);
    }
    if (chosen.set) await this.setProfile(dc.context, chosen.set.field, chosen.set.value);
    return this.advance(dc, state, chosen.next);
  }

  private async answerQuiz(dc: DialogContext, state: ScriptState, step: QuizStep, input: string | undefined, value: unknown): Promise<DialogTurnResult> {
    const text = await this.text(dc.context, this.services.scripts.get(state.script));
    const progress = state.quiz ?? { question: 0, score: 0 };
    const question = step.questions[progress.question]!;
    const index = matchChoice(question.answers.map((a) => ({ id: a.id, phrases: [text.t(a.title)] })), input, value);
    const answer = index === undefined ? this.readAnswer(dc, state, question.answers) : question.answers[index];
    if (!answer) return this.miss(dc, state);
    state.misses = 0;
    progress.score += answer.score;
    progress.question += 1;
    await sendTexts(dc.context, [text.t(answer.feedback)], text.language);
    if (progress.question < step.questions.length) {
      state.quiz = progress;
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    const band = step.bands.find((b) => progress.score >= b.min && progress.score <= b.max);
    if (band) await sendTexts(dc.context, [text.t(band.feedback, { score: progress.score, total: step.questions.length })], text.language);
    delete state.quiz;
    return this.advance(dc, state, band?.next ?? step.next);
  }

  /** The answer to "which country are you in?": unknown once → ask again with a hint; then go on without. */
  private async answerCountry(dc: DialogContext, state: ScriptState, input: string | undefined, value: unknown): Promise<DialogTurnResult> {
    const language = turnLanguage(dc.context);
    let outcome = await this.services.country.answer(dc.context, input, value, language);
    // A country named in a sentence ("we live in Belgium") was kept in the profile when the message was read.
    if (outcome === 'unknown' && (await this.profile(dc.context)).country) outcome = 'found';
    if (outcome === 'unknown' && readingOf(dc.context)?.greeting) {
      return this.greetBack(dc, state, language);
    }
    if (outcome === 'unknown' && state.misses === 0) {
      state.misses = 1;
      await this.services.country.ask(dc.context, language, true);
      return Dialog.EndOfTurn;
    }
    state.misses = 0;
    if (outcome !== 'found') await this.services.country.decline(dc.context, language);
    return this.run(dc, state.step);
  }

  /** Counts a miss already (Beacon just said it did not understand): the next one offers the ways on. */
  markMissed(dc: DialogContext): void {
    if (dc.activeDialog?.id === SCRIPT_DIALOG_ID) this.stateOf(dc).misses = Math.max(this.stateOf(dc).misses, 1);
  }

  /** The question this dialog is waiting on, as the message reader sees it. */
  openPrompt(dc: DialogContext): Promise<OpenPrompt> {
    return this.question.describe(dc.context, this.stateOf(dc));
  }

  /** True when `text` is the title of a choice (or quiz answer) of the question this dialog is waiting on. */
  offersTitle(dc: DialogContext, text: string): Promise<boolean> {
    return this.question.offersTitle(dc.context, this.stateOf(dc), text);
  }

  /** The choice `text` names in the question this dialog is waiting on, if it is an `ask`. */
  async matchActiveChoice(dc: DialogContext, text: string): Promise<{ script: string; step: string; choice: string } | undefined> {
    const state = this.stateOf(dc);
    const choice = await this.question.choiceNamed(dc.context, state, text);
    return choice === undefined ? undefined : { script: state.script, step: state.step, choice };
  }

  private async advance(dc: DialogContext, state: ScriptState, next: string | undefined): Promise<DialogTurnResult> {
    state.history.push(state.step);
    state.misses = 0;
    return next === undefined ? dc.endDialog() : this.run(dc, next);
  }

  /** Nothing matched: re-prompt once with the choices; the second time offer the menu and a person. Never loop. */
  private async miss(dc: DialogContext, state: ScriptState): Promise<DialogTurnResult> {
    const language = turnLanguage(dc.context);
    // "hi", "salut", "hoi" at a question: a hello back and the question again, not "Sorry, I didn't catch that".
    if (readingOf(dc.context)?.greeting) {
      return this.greetBack(dc, state, language);
    }
    state.misses += 1;
    if (state.misses === 1) {
      await sendTexts(dc.context, [this.services.translator.t(language, 'engine.notUnderstood')], language);
      await this.prompt(dc.context, state);
      return Dialog.EndOfTurn;
    }
    // The ways on open on top, so that "back" returns here: the user never loses their place.
    state.misses = 0;
    return dc.beginDialog(SCRIPT_DIALOG_ID, { script: CORE_SCRIPTS.stuck });
  }

  /** "hi" at a question: a hello back and the same question again (not a miss). */
  private async greetBack(dc: DialogContext, state: ScriptState, language: string): Promise<DialogTurnResult> {
    await sendTexts(dc.context, [this.services.translator.t(language, 'engine.greeted')], language);
    await this.prompt(dc.context, state);
    return Dialog.EndOfTurn;
  }

  /** The choice this turn's reading found for this very question (yes/no, a fact), when the words did not match. */
  private readAnswer<T extends { id: string }>(dc: DialogContext, state: ScriptState, choices: readonly T[]): T | undefined {
    const answer = readingOf(dc.context)?.answer;
    const prompt = readingOf(dc.context)?.prompt;
    if (!answer || prompt?.kind !== 'choices' || prompt.script !== state.script || prompt.step !== state.step) return undefined;
    return choices.find((c) => c.id === answer.choice);
  }

  /** The choice of a question about the user (audience, age band) that the profile already answers. */
  private async knownChoice(context: TurnContext, step: AskStep): Promise<Choice | undefined> {
    const profile = await this.profile(context);
    return step.choices.find((c) => c.set && TOLD_FIELDS.includes(c.set.field) && profile[c.set.field] === c.set.value);
  }

  private prompt(context: TurnContext, state: ScriptState): Promise<void> {
    return this.question.prompt(context, state);
  }

  private stateOf(dc: DialogContext): ScriptState {
    return dc.activeDialog!.state as ScriptState;
  }

  private step(state: ScriptState): Step {
    const step = this.services.scripts.scripts.get(state.script)?.steps[state.step];
    if (!step) throw new ScriptPositionError(`Script "${state.script}" has no step "${state.step}" (was the script changed under a live conversation?).`);
    return step;
  }

  /** A profile field, or the level or kind of the danger reading kept for the crisis script. */
  private async branchValue(context: TurnContext, field: BranchField): Promise<string | undefined> {
    if (field === 'danger.level' || field === 'danger.kind') {
      const danger = (await this.services.state.conversationData.get(context, {})).danger;
      return field === 'danger.level' ? danger?.level : danger?.kind;
    }
    return (await this.profile(context))[field];
  }

  private async profile(context: TurnContext): Promise<Profile> {
    return this.services.state.profile.get(context, {});
  }

  private text(context: TurnContext, script: Script): Promise<ScriptText> {
    return this.question.text(context, script);
  }

  private async setProfile(context: TurnContext, field: keyof Profile, value: string): Promise<void> {
    const profile = await this.profile(context);
    (profile as Record<string, string>)[field] = value;
    await this.services.state.profile.set(context, profile);
    // A new language applies from the very next message this turn sends.
    if (field === 'language' && this.services.translator.languages.includes(value)) setTurnLanguage(context, value);
  }
}

export { DialogTurnStatus };
