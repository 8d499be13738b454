/**
 * The conversation handler: before any step, the danger check and the global commands win; then an open
 * "which did you mean" question, then the active script, and last a typed question routed to the best script.
 */
import type { TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext } from 'botbuilder-dialogs';
import type { ConversationHandler } from '../bot/beaconBot';
import type { InterruptedIntent } from '../bot/state';
import { setTurnLanguage, turnLanguage } from '../bot/turnLanguage';
import type { Command, CommandRecognizer } from './commands';
import { Disambiguation } from './disambiguation';
import { CORE_SCRIPTS, type EngineServices } from './engineServices';
import { forgetIntent, rememberIntent, takeResumeIntent } from './interruption';
import { sendTexts } from './output';
import { SCRIPT_DIALOG_ID, ScriptDialog, ScriptPositionError } from './scriptDialog';
import type { TextRouter } from './textRouter';
import { NO_DANGER, needsEmergencyNumber, type DangerReading } from '../safety/dangerReading';

export class ScriptConversation implements ConversationHandler {
  private readonly dialogs: DialogSet;
  private readonly scriptDialog: ScriptDialog;
  private readonly which: Disambiguation;

  constructor(
    private readonly services: EngineServices,
    private readonly commands: CommandRecognizer,
    private readonly router: TextRouter
  ) {
    this.dialogs = new DialogSet(services.state.dialogState);
    this.scriptDialog = new ScriptDialog(services);
    this.dialogs.add(this.scriptDialog);
    this.which = new Disambiguation(services);
  }

  async onStart(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    if (!dc.activeDialog) await this.begin(dc, CORE_SCRIPTS.start);
  }

  /** Starts a script directly, replacing whatever ran (the author preview and tests use it). */
  async startScript(context: TurnContext, scriptId: string): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    await this.begin(dc, scriptId, true);
  }

  async onMessage(context: TurnContext, firstTurn: boolean): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    const stopped = await this.handle(dc, firstTurn);
    if (stopped || dc.activeDialog) return;
    // The crisis script ended with "go on" and nothing was below it: start what the interrupted message asked for.
    const intent = await takeResumeIntent(context, this.services.state);
    await forgetIntent(context, this.services.state);
    // Never leave a user with nothing to do: when every script has ended, the menu is the way on.
    await this.begin(dc, intent && 'route' in intent && this.services.scripts.has(intent.route) ? intent.route : CORE_SCRIPTS.menu, true);
  }

  /** Handles one message; returns true when the user asked to stop (then nothing more is said). */
  private async handle(dc: DialogContext, firstTurn: boolean): Promise<boolean> {
    const context = dc.context;
    const text = context.activity.text ?? '';
    const language = turnLanguage(context);

    const danger = text ? this.services.danger.read(text, language) : NO_DANGER;
    if (needsEmergencyNumber(danger) && !(await this.offered(dc, text))) {
      await this.startCrisis(dc, text, language, danger);
      return false;
    }
    const command = this.commands.recognize(text, language);
    if (command) return this.runCommand(dc, command);
    if (await this.which.answer(context, (script) => this.begin(dc, script, true))) return false;
    if (dc.activeDialog) {
      try {
        await dc.continueDialog();
      } catch (error) {
        // The content changed since this conversation's last turn: start again from the menu, calmly.
        if (!(error instanceof ScriptPositionError)) throw error;
        await this.begin(dc, CORE_SCRIPTS.menu, true);
      }
      return false;
    }
    await this.routeFreeText(dc, text, language, firstTurn);
    return false;
  }

  /**
   * Interrupts whatever runs with the crisis script (DESIGN.md rule 1). The reading's level and kind are kept
   * in conversation data for the crisis script; what the message asked for is kept so that "go on" resumes it.
   */
  private async startCrisis(dc: DialogContext, text: string, language: string, danger: DangerReading): Promise<void> {
    const context = dc.context;
    await this.which.clear(context);
    await rememberIntent(context, this.services.state, await this.intentOf(dc, text, language));
    const data = await this.services.state.conversationData.get(context, {});
    data.danger = { level: danger.level, ...(danger.kind ? { kind: danger.kind } : {}) };
    await this.begin(dc, CORE_SCRIPTS.crisis);
  }

  /** Runs a global command; returns true only for "stop". */
  private async runCommand(dc: DialogContext, command: Command): Promise<boolean> {
    await this.which.clear(dc.context);
    switch (command.kind) {
      case 'menu':
        await this.begin(dc, CORE_SCRIPTS.menu, true);
        return false;
      case 'stop':
        await dc.cancelAllDialogs();
        await sendTexts(dc.context, [this.t(dc.context, 'engine.stop'), this.t(dc.context, 'error.emergency')], turnLanguage(dc.context));
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
        await this.forgetCountry(dc.context);
        await this.begin(dc, CORE_SCRIPTS.country);
        return false;
    }
  }

  /** "change country": the next helplines step (core/country's, at once) asks again. */
  private async forgetCountry(context: TurnContext): Promise<void> {
    const profile = await this.services.state.profile.get(context, {});
    delete profile.country;
    await this.services.state.profile.set(context, profile);
    const data = await this.services.state.conversationData.get(context, {});
    delete data.countryDeclined;
  }

  /**
   * True when the message is a button Beacon offered in the open question ("A child is in danger right now",
   * "On menace de partager mes photos"): the author already decided where that answer goes, and those paths
   * give the emergency number themselves (test/safety/choiceTitles.test.ts keeps the list of such titles).
   */
  private async offered(dc: DialogContext, text: string): Promise<boolean> {
    if (await this.which.offers(dc.context, text)) return true;
    return dc.activeDialog?.id === SCRIPT_DIALOG_ID && (await this.scriptDialog.offersTitle(dc, text));
  }

  /** What a message that set off the crisis check asked for: an answer to the open question, or a topic. */
  private async intentOf(dc: DialogContext, text: string, language: string): Promise<InterruptedIntent | undefined> {
    const answer = dc.activeDialog?.id === SCRIPT_DIALOG_ID ? await this.scriptDialog.matchActiveChoice(dc, text) : undefined;
    if (answer) return answer;
    const routed = await this.router.route(language, text, await this.allowedScripts(dc.context));
    // A core script (the helplines, a person) is what the crisis script has just offered: nothing to go on with.
    return routed.kind === 'match' && !routed.scriptId.startsWith('core/') ? { route: routed.scriptId } : undefined;
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
    await sendTexts(dc.context, [this.t(dc.context, 'engine.languageChanged')], to);
    if (dc.activeDialog) await dc.repromptDialog();
    else await this.begin(dc, CORE_SCRIPTS.menu, true);
  }

  private async routeFreeText(dc: DialogContext, text: string, language: string, firstTurn: boolean): Promise<void> {
    const allowed = await this.allowedScripts(dc.context);
    const result = text.trim() ? await this.router.route(language, text, allowed) : { kind: 'none' as const };
    if (result.kind === 'match') {
      await this.begin(dc, result.scriptId, true);
    } else if (result.kind === 'ambiguous') {
      await this.which.ask(dc.context, result.scriptIds);
    } else if (firstTurn) {
      await this.begin(dc, CORE_SCRIPTS.start, true);
    } else {
      await sendTexts(dc.context, [this.t(dc.context, 'engine.noTopic')], language);
      await this.begin(dc, CORE_SCRIPTS.menu, true);
    }
  }

  /** Scripts a typed question may lead to: routable, and meant for the user's audience when known. */
  private async allowedScripts(context: TurnContext): Promise<Set<string>> {
    const { audience } = await this.services.state.profile.get(context, {});
    const ids = [...this.services.scripts.scripts.values()]
      .filter((s) => s.routable && (!audience || s.meta.audience.includes('all') || s.meta.audience.includes(audience)))
      .map((s) => s.id);
    return new Set(ids);
  }

  /** Starts a script on top of the stack (an interruption), or alone when `replace` is set. */
  private async begin(dc: DialogContext, script: string, replace = false): Promise<void> {
    if (replace) await dc.cancelAllDialogs();
    await dc.beginDialog(SCRIPT_DIALOG_ID, { script });
  }

  private t(context: TurnContext, key: string): string {
    return this.services.translator.t(turnLanguage(context), key);
  }
}
