/**
 * The fallback that is always right in Europe: the emergency line. Used when the country is unknown or the
 * directory cannot be read (rule 10: fail safe — the user still gets a number).
 */
import type { TurnContext } from 'botbuilder';
import type { Profile } from '../bot/state';
import type { Translator } from '../content/translator';
import type { HelplineResponder } from '../engine/engineServices';
import { sendTexts } from '../engine/output';

export class EmergencyLineResponder implements HelplineResponder {
  constructor(private readonly translator: Translator) {}

  async show(context: TurnContext, _step: unknown, _profile: Profile, language: string): Promise<void> {
    await sendTexts(context, [this.translator.t(language, 'error.emergency')], language);
  }
}
