/**
 * The global commands (DESIGN.md rule 7), whether typed as their words or recognised by their meaning: menu,
 * back, stop, help, a person, change country, and switching language. They work at any step.
 */
import type { DialogContext } from 'botbuilder-dialogs';
import { setTurnLanguage, turnLanguage } from '../bot/turnLanguage';
import type { Command } from './commands';
import { CORE_SCRIPTS, type EngineServices } from './engineServices';
import { sendTexts } from './output';
import type { ScriptDialog } from './scriptDialog';

/** Channels whose page (the Beacon widget) reads Beacon's marks on a message. */
const WEB_CHANNELS = new Set(['directline', 'webchat']);

export type BeginScript = (dc: DialogContext, script: string, replace?: boolean) => Promise<void>;

export class ConversationCommands {
  constructor(
    private readonly services: EngineServices,
    private readonly scriptDialog: ScriptDialog,
    private readonly begin: BeginScript
  ) {}

  /** Runs a command; returns true only for "stop" (then nothing more is said this turn). */
  async run(dc: DialogContext, command: Command): Promise<boolean> {
    switch (command.kind) {
      case 'menu':
        await this.begin(dc, CORE_SCRIPTS.menu, true);
        return false;
      case 'stop':
        await dc.cancelAllDialogs();
        // The user said so: nothing of this conversation stays in the store (DESIGN.md rule 8), nor that
        // this user asked for a person before.
        await this.services.state.forget(dc.context);
        await this.services.handoff.forget?.(dc.context);
        // The web chat is told too: the page stops offering to continue this chat after a reload, and the
        // local Direct Line drops the history it kept. Other channels get the plain message.
        await sendTexts(dc.context, [this.t(dc, 'engine.stop')], turnLanguage(dc.context), WEB_CHANNELS.has(dc.context.activity.channelId) ? { beaconForgotten: true } : undefined);
        await sendTexts(dc.context, [this.t(dc, 'error.emergency')], turnLanguage(dc.context));
        return true;
      case 'help':
        await this.begin(dc, CORE_SCRIPTS.help);
        return false;
      case 'person':
        await this.begin(dc, CORE_SCRIPTS.person);
        return false;
      case 'back':
        if (!(await this.back(dc))) await this.begin(dc, CORE_SCRIPTS.menu, true);
        return false;
      case 'language':
        if (command.to) await this.switchLanguage(dc, command.to);
        else await this.begin(dc, CORE_SCRIPTS.language);
        return false;
      case 'country':
        await this.forgetCountry(dc);
        await this.begin(dc, CORE_SCRIPTS.country);
        return false;
    }
  }

  /** Back one question in the active script, or out of a finished interruption into the script below it. */
  private async back(dc: DialogContext): Promise<boolean> {
    while (dc.activeDialog) {
      if (await this.scriptDialog.goBack(dc)) return true;
      if (dc.stack.length <= 1) return false;
      await dc.endDialog();
      return true;
    }
    return false;
  }

  private async switchLanguage(dc: DialogContext, to: string): Promise<void> {
    const profile = await this.services.state.profile.get(dc.context, {});
    profile.language = to;
    await this.services.state.profile.set(dc.context, profile);
    setTurnLanguage(dc.context, to);
    await sendTexts(dc.context, [this.t(dc, 'engine.languageChanged')], to);
    if (dc.activeDialog) await dc.repromptDialog();
    else await this.begin(dc, CORE_SCRIPTS.menu, true);
  }

  /** "change country": the next helplines step (core/country's, at once) asks again. */
  private async forgetCountry(dc: DialogContext): Promise<void> {
    const profile = await this.services.state.profile.get(dc.context, {});
    delete profile.country;
    await this.services.state.profile.set(dc.context, profile);
    const data = await this.services.state.conversationData.get(dc.context, {});
    delete data.countryDeclined;
  }

  private t(dc: DialogContext, key: string): string {
    return this.services.translator.t(turnLanguage(dc.context), key);
  }
}
