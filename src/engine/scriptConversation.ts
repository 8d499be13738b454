/**
 * The conversation handler. Each message is read once (src/understanding: danger, commands, the open question's
 * answer, facts, the topic), and one decision table (decideTurn.ts) says what to do with it: the danger check
 * first, then commands, the answer to the open question, a new question routed, and a re-prompt only when
 * nothing at all was understood. The order is documented in src/understanding/README.md.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
// From its own modules: the package's index also loads every prompt and its date and number recognizers.
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import type { ConversationHandler } from '../bot/beaconBot';
import type { InterruptedIntent } from '../bot/state';
import { turnLanguage } from '../bot/turnLanguage';
import type { Audience } from '../content/scriptSchema';
import type { MessageReader } from '../understanding/messageReader';
import { keepReading, readingOf, type OpenPrompt, type Reading } from '../understanding/reading';
import { ConversationCommands } from './conversationCommands';
import { decideTurn, type TurnAction } from './decideTurn';
import { Disambiguation } from './disambiguation';
import { CORE_SCRIPTS, type EngineServices } from './engineServices';
import { forgetIntent, rememberIntent, takeResumeIntent } from './interruption';
import { keepFacts } from './keepFacts';
import { sendTexts } from './output';
import { SCRIPT_DIALOG_ID, ScriptDialog, ScriptPositionError } from './scriptDialog';
import { traceOf } from './turnTrace';
import { imageLessons, urgentLessons, urgentScript } from './urgentScripts';
import type { DangerReading } from '../safety/dangerReading';

/** Questions asked while a lesson runs open on top of it, up to this depth; deeper, the new one replaces the top. */
const MAX_STACK = 6;
/** Where botbuilder-dialogs 4.23 looks for a turn's memory scopes (`DialogStateManager`). */
const MEMORY_SCOPES = 'DialogStateManagerConfiguration';

export class ScriptConversation implements ConversationHandler {
  private readonly dialogs: DialogSet;
  private memoryScopes: unknown;
  private readonly scriptDialog: ScriptDialog;
  private readonly which: Disambiguation;
  private readonly commands: ConversationCommands;
  /** The lessons on images that an unsure threat reading opens (see `decideTurn`), from the scripts, once. */
  private readonly imageLessons: ReadonlySet<string>;

  constructor(
    private readonly services: EngineServices,
    private readonly reader: MessageReader
  ) {
    this.dialogs = new DialogSet(services.state.dialogState);
    this.scriptDialog = new ScriptDialog(services);
    this.dialogs.add(this.scriptDialog);
    this.which = new Disambiguation(services);
    this.commands = new ConversationCommands(services, this.scriptDialog, (dc, script, replace) => this.begin(dc, script, replace));
    this.imageLessons = imageLessons(services.scripts);
  }

  /**
   * The turn's dialog context. botbuilder-dialogs builds its memory scopes (a registry of a dozen objects) anew for
   * every context unless the turn already has them: about 0.7 ms of CPU a turn, more than the whole crisis check
   * (`npm run bench`, CPU profile). The scopes keep no state of their own, so the first turn's serve every turn.
   */
  private async dialogContext(context: TurnContext): Promise<DialogContext> {
    if (this.memoryScopes && !context.turnState.has(MEMORY_SCOPES)) context.turnState.set(MEMORY_SCOPES, this.memoryScopes);
    const dc = await this.dialogs.createContext(context);
    this.memoryScopes ??= context.turnState.get(MEMORY_SCOPES);
    return dc;
  }

  async onStart(context: TurnContext): Promise<void> {
    const dc = await this.dialogContext(context);
    if (!dc.activeDialog) await this.begin(dc, CORE_SCRIPTS.start);
  }

  /** Starts a script directly, replacing whatever ran (the author preview and tests use it). */
  async startScript(context: TurnContext, scriptId: string): Promise<void> {
    const dc = await this.dialogContext(context);
    await this.begin(dc, scriptId, true);
  }

  async onMessage(context: TurnContext, firstTurn: boolean): Promise<void> {
    const dc = await this.dialogContext(context);
    const stopped = await this.handle(dc, firstTurn);
    if (stopped || dc.activeDialog) return;
    // The crisis script ended with "go on" and nothing was below it: start what the interrupted message asked for.
    const intent = await takeResumeIntent(context, this.services.state);
    await forgetIntent(context, this.services.state);
    // Never leave a user with nothing to do: when every script has ended, the way on is the menu.
    await this.begin(dc, intent && 'route' in intent && this.services.scripts.has(intent.route) ? intent.route : await this.wayOn(context), true);
  }

  /** Reads the message once, decides, acts; returns true when the user asked to stop. */
  private async handle(dc: DialogContext, firstTurn: boolean): Promise<boolean> {
    const context = dc.context;
    const language = turnLanguage(context);
    const prompt = await this.openPrompt(dc);
    const profile = await this.services.state.profile.get(context, {});
    const reading = await this.reader.read({
      text: context.activity.text ?? '',
      value: context.activity.value,
      language,
      prompt,
      audience: profile.audience,
      allowedFor: (audience) => this.allowedScripts(audience)
    });
    keepReading(context, reading);
    const lessons = urgentLessons(reading, this.services.scripts);
    const action = decideTurn(reading, { prompt, language, imageLessons: this.imageLessons, ...(lessons ? { urgentLessons: lessons } : {}) });
    traceOf(context).action = action;
    await keepFacts(context, this.services.state, reading.facts);
    // An open "which did you mean" is answered now or dropped: the reading keeps its options for this turn.
    await this.which.clear(context);
    return this.act(dc, action, reading, firstTurn);
  }

  private async act(dc: DialogContext, action: TurnAction, reading: Reading, firstTurn: boolean): Promise<boolean> {
    switch (action.kind) {
      case 'crisis':
        await this.startCrisis(dc, dc.context.activity.text ?? '', turnLanguage(dc.context), reading.danger);
        return false;
      case 'command':
        return this.commands.run(dc, action.command);
      case 'helplines':
        await this.begin(dc, CORE_SCRIPTS.helplines);
        return false;
      case 'answer':
        if (reading.prompt.kind === 'choices' && reading.prompt.source === 'which') await this.routeTo(dc, action.choice);
        else await this.continueScript(dc);
        return false;
      case 'urgent':
        await this.begin(dc, urgentScript(reading, this.services.scripts));
        return false;
      case 'route':
        await this.routeTo(dc, action.scriptId);
        return false;
      case 'which':
        await this.which.ask(dc.context, action.scriptIds);
        return false;
      case 'facts':
        if (dc.activeDialog) await dc.repromptDialog();
        else await this.begin(dc, await this.wayOn(dc.context), true);
        return false;
      case 'continue':
        if (dc.activeDialog) await this.continueScript(dc);
        else await this.notUnderstood(dc, firstTurn);
        return false;
      case 'notUnderstood':
        await this.notUnderstood(dc, firstTurn);
        return false;
    }
  }

  /**
   * Interrupts whatever runs with the crisis script (DESIGN.md rule 1). The reading's level and kind are kept
   * in conversation data for the crisis script; what the message asked for is kept so that "go on" resumes it.
   */
  private async startCrisis(dc: DialogContext, _text: string, _language: string, danger: DangerReading): Promise<void> {
    // The message was read once (text and language included): the intent comes from that reading.
    const context = dc.context;
    await this.which.clear(context);
    await rememberIntent(context, this.services.state, this.intentOf(dc, danger));
    const data = await this.services.state.conversationData.get(context, {});
    data.danger = { level: danger.level, ...(danger.kind ? { kind: danger.kind } : {}) };
    await this.begin(dc, CORE_SCRIPTS.crisis);
  }

  /**
   * What a message that set off the crisis check asked for: an answer to the open question, or a topic. No
   * lesson is about hurting oneself, so a topic the router finds in such a message is a misreading ("vreau sa
   * ma omor" is not a quiz): after "I didn't mean that" the user goes back to where they were instead.
   */
  private intentOf(dc: DialogContext, danger: DangerReading): InterruptedIntent | undefined {
    const reading = readingOf(dc.context);
    if (!reading) return undefined;
    const { prompt, answer, topic } = reading;
    if (answer && prompt.kind === 'choices' && prompt.source === 'ask' && prompt.script && prompt.step) return { choice: answer.choice, script: prompt.script, step: prompt.step };
    if (danger.kind === 'selfHarm') return undefined;
    // A core script (the helplines, a person) is what the crisis script has just offered: nothing to go on with.
    return topic.kind === 'match' && !topic.scriptId.startsWith('core/') ? { route: topic.scriptId } : undefined;
  }

  /**
   * A new question: its script opens on top of the one running, so that "back" returns there (and says so
   * when a lesson was interrupted). When the audience is unknown and the script is for one audience only,
   * that is the audience from now on: a parent's question never gets the young person's wording after it.
   */
  private async routeTo(dc: DialogContext, scriptId: string): Promise<void> {
    const context = dc.context;
    const profile = await this.services.state.profile.get(context, {});
    const audiences = this.services.scripts.get(scriptId).meta.audience;
    if (!profile.audience && audiences.length === 1 && audiences[0] !== 'all') {
      profile.audience = audiences[0] as Audience;
      await this.services.state.profile.set(context, profile);
    }
    const current = this.activeScript(dc);
    if (current && current !== scriptId && this.isLesson(current)) {
      const language = turnLanguage(context);
      const title = this.services.translator.t(language, `${current}:${this.services.scripts.get(current).title}`);
      await sendTexts(context, [this.services.translator.t(language, 'engine.routedFrom', { topic: title })], language);
    }
    // The same lesson again, a helper (the ways on, help), or a deep stack: the new script takes the top's place,
    // so what was below is still there for "back".
    const helper = current !== undefined && current.startsWith('core/') && current !== CORE_SCRIPTS.crisis && !this.services.scripts.get(current).routable;
    if (current === scriptId || helper || dc.stack.length >= MAX_STACK) await dc.replaceDialog(SCRIPT_DIALOG_ID, { script: scriptId });
    else await this.begin(dc, scriptId);
  }

  private async continueScript(dc: DialogContext): Promise<void> {
    try {
      await dc.continueDialog();
    } catch (error) {
      // The content changed since this conversation's last turn: start again from the menu, calmly.
      if (!(error instanceof ScriptPositionError)) throw error;
      await this.begin(dc, CORE_SCRIPTS.menu, true);
    }
  }

  private async notUnderstood(dc: DialogContext, firstTurn: boolean): Promise<void> {
    if (firstTurn) return this.begin(dc, CORE_SCRIPTS.start, true);
    await sendTexts(dc.context, [this.t(dc.context, 'engine.noTopic')], turnLanguage(dc.context));
    await this.begin(dc, CORE_SCRIPTS.menu, true);
    // "I'm not sure I understood" was said: another miss at the menu goes to the ways on, not the same words again.
    this.scriptDialog.markMissed(dc);
  }

  /** What the conversation waits on: an open "which did you mean", else the active script's question. */
  private async openPrompt(dc: DialogContext): Promise<OpenPrompt> {
    const which = await this.which.choices(dc.context);
    if (which) return { kind: 'choices', source: 'which', choices: which, freeText: false };
    if (dc.activeDialog?.id !== SCRIPT_DIALOG_ID) return { kind: 'none' };
    try {
      return await this.scriptDialog.openPrompt(dc);
    } catch (error) {
      if (error instanceof ScriptPositionError) return { kind: 'none' };
      throw error;
    }
  }

  /** When every script has ended: the menu for a known audience, else the start (which asks who is chatting). */
  private async wayOn(context: TurnContext): Promise<string> {
    const { audience } = await this.services.state.profile.get(context, {});
    return audience ? CORE_SCRIPTS.menu : CORE_SCRIPTS.start;
  }

  private activeScript(dc: DialogContext): string | undefined {
    return dc.activeDialog?.id === SCRIPT_DIALOG_ID ? (dc.activeDialog.state as { script?: string }).script : undefined;
  }

  /** A topic a user reads (not a menu, the start or one of the core helpers). */
  private isLesson(scriptId: string): boolean {
    const script = this.services.scripts.scripts.get(scriptId);
    return !!script?.routable && !scriptId.startsWith('core/');
  }

  /** Scripts a typed question may lead to: routable, and meant for the audience when it is known. */
  private allowedScripts(audience: Audience | undefined): Set<string> {
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
