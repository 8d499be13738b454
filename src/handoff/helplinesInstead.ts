/**
 * Until this deployment has helpline workers on the built-in console, "talk to a person" says so honestly
 * and gives the helplines, where trained people answer by phone or chat.
 */
import type { TurnContext } from 'botbuilder';
import type { Profile } from '../bot/state';
import type { Translator } from '../content/translator';
import { helplinesListed, type HandoffResponder, type HelplineResponder } from '../engine/engineServices';
import { sendTexts } from '../engine/output';

export class HelplinesInsteadHandoff implements HandoffResponder {
  constructor(
    private readonly translator: Translator,
    private readonly helplines: HelplineResponder
  ) {}

  async request(context: TurnContext, topic: string, profile: Profile, language: string): Promise<void> {
    // Just listed (the crisis answer's "call" step): say so, and do not list the same numbers twice in a row.
    if (helplinesListed(context)) return sendTexts(context, [this.translator.t(language, 'handoff.unavailableAbove')], language);
    await sendTexts(context, [this.translator.t(language, 'handoff.unavailable')], language);
    await this.helplines.show(context, { urgency: 'info', topic: topic as never }, profile, language);
  }
}
