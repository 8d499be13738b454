/**
 * "Did you mean …?": when a typed question fits two scripts about equally, Beacon asks which one was meant,
 * with a third choice for the menu. The open question is kept in conversation state until answered; any
 * other answer drops it and the message is handled as usual.
 */
import type { TurnContext } from 'botbuilder';
import { turnLanguage } from '../bot/turnLanguage';
import { isOfferedTitle, matchChoice } from './choiceMatcher';
import { CORE_SCRIPTS, type EngineServices } from './engineServices';
import { sendChoices } from './output';

export class Disambiguation {
  constructor(private readonly services: EngineServices) {}

  async ask(context: TurnContext, scriptIds: string[]): Promise<void> {
    const data = await this.services.state.conversationData.get(context, {});
    data.which = [...scriptIds, CORE_SCRIPTS.menu];
    await this.services.state.conversationData.set(context, data);
    const language = turnLanguage(context);
    const { translator } = this.services;
    const options = data.which.map((id) => this.title(id, language)).map((title) => ({ title, value: title }));
    await sendChoices(context, translator.t(language, 'engine.whichTopic'), options, language, translator.t(language, 'engine.numberedHint'));
  }

  /** Handles an answer to an open question; returns false (and forgets the question) when it is not one. */
  async answer(context: TurnContext, begin: (script: string) => Promise<void>): Promise<boolean> {
    const data = await this.services.state.conversationData.get(context, {});
    const options = data.which;
    if (!options) return false;
    delete data.which;
    const language = turnLanguage(context);
    const choices = options.map((id) => ({ id, phrases: [this.title(id, language)] }));
    const index = matchChoice(choices, context.activity.text, context.activity.value);
    if (index === undefined) return false;
    await begin(options[index]!);
    return true;
  }

  /** The open "which did you mean" question's options with their titles, or undefined when none is open. */
  async choices(context: TurnContext): Promise<{ id: string; phrases: string[] }[] | undefined> {
    const { which } = await this.services.state.conversationData.get(context, {});
    const language = turnLanguage(context);
    return which?.map((id) => ({ id, phrases: [this.title(id, language)] }));
  }

  /** True when `text` is the title of a topic this open question offers (a tap on one of its buttons). */
  async offers(context: TurnContext, text: string): Promise<boolean> {
    const { which } = await this.services.state.conversationData.get(context, {});
    const language = turnLanguage(context);
    return which !== undefined && isOfferedTitle(text, which.map((id) => this.title(id, language)));
  }

  async clear(context: TurnContext): Promise<void> {
    const data = await this.services.state.conversationData.get(context, {});
    delete data.which;
  }

  private title(scriptId: string, language: string): string {
    const script = this.services.scripts.get(scriptId);
    return this.services.translator.t(language, `${scriptId}:${script.title}`);
  }
}
