/**
 * "The conversation so far", as Beacon may share it: the topics the user went through, in order — never what
 * they typed, because Beacon keeps no message text before the user agrees to share (DESIGN.md rule 8). The
 * trail is read from the dialog stack at the start of each turn and kept in conversation state (script ids).
 */
import type { TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { BeaconState } from '../bot/state';
import type { ScriptLibrary } from '../content/scriptLibrary';
import type { Translator } from '../content/translator';

const MAX_TOPICS = 12;
const CRISIS_SCRIPTS = new Set(['core/crisis', 'core/urgent-sextortion', 'core/urgent-image', 'core/urgent-pressure']);

/** What the conversation showed that raises a request's risk (kept as two flags, never as text). */
export interface TrailSignals {
  crisis?: boolean;
  warningSigns?: boolean;
}

type Frame = { script?: string; step?: string; history?: string[] } | undefined;

export class TopicTrail {
  private readonly trail;
  private readonly flags;

  constructor(private readonly state: BeaconState, private readonly scripts: ScriptLibrary, private readonly translator: Translator) {
    this.trail = state.property<string[]>('conversation', 'handoffTopics');
    this.flags = state.property<TrailSignals>('conversation', 'handoffSignals');
  }

  /** Adds the lessons on the dialog stack (as the last turn left it, or as it is now) to the trail. */
  async record(context: TurnContext): Promise<string[]> {
    const stack = (await this.state.dialogState.get(context, { dialogStack: [] } as DialogState)).dialogStack ?? [];
    const frames = stack.map((d) => d.state as Frame);
    const ids = frames.map((f) => f?.script).filter((id): id is string => !!id && this.isTopic(id));
    await this.keepSignals(context, frames);
    const trail = await this.trail.get(context, []);
    for (const id of ids) if (trail[trail.length - 1] !== id && !trail.includes(id)) trail.push(id);
    while (trail.length > MAX_TOPICS) trail.shift();
    await this.trail.set(context, trail);
    return trail;
  }

  /** The trail as titles in the user's language, for the consent summary and the worker. */
  async titles(context: TurnContext, language: string): Promise<string[]> {
    return (await this.record(context)).map((id) => this.translator.t(language, `${id}:title`));
  }

  /** The lesson ids the user went through, oldest first (after recording this turn's stack). */
  async lessons(context: TurnContext): Promise<string[]> {
    return this.record(context);
  }

  /** A crisis or a checker's warning signs in this conversation so far (the stack now counts too). */
  async signals(context: TurnContext): Promise<TrailSignals> {
    const stack = (await this.state.dialogState.get(context, { dialogStack: [] } as DialogState)).dialogStack ?? [];
    await this.keepSignals(context, stack.map((d) => d.state as Frame));
    return { ...((await this.flags.get(context)) ?? {}) };
  }

  /** Whether a crisis script ran in this conversation: the request is urgent. */
  async inCrisis(context: TurnContext): Promise<boolean> {
    return (await this.signals(context)).crisis === true;
  }

  private async keepSignals(context: TurnContext, frames: Frame[]): Promise<void> {
    // Written only when a flag turns on: most turns leave the conversation state as it was.
    const flags = (await this.flags.get(context)) ?? {};
    const crisis = !flags.crisis && frames.some((f) => f?.script && CRISIS_SCRIPTS.has(f.script));
    const warningSigns = !flags.warningSigns && frames.some((f) => this.reachedWarningSigns(f));
    if (crisis || warningSigns) await this.flags.set(context, { ...flags, ...(crisis ? { crisis } : {}), ...(warningSigns ? { warningSigns } : {}) });
  }

  /** The frame is past a quiz band that found something (its score band starts above 0). */
  private reachedWarningSigns(frame: Frame): boolean {
    if (!frame?.script || !this.scripts.has(frame.script)) return false;
    const visited = new Set([...(frame.history ?? []), frame.step]);
    return Object.values(this.scripts.get(frame.script).steps).some((step) =>
      step.type === 'quiz' && step.bands.some((b) => b.min >= 1 && b.next !== undefined && visited.has(b.next)));
  }

  /** Lessons only: menus, the start and core helpers say nothing about what the user is dealing with. */
  private isTopic(id: string): boolean {
    return this.scripts.has(id) && this.scripts.get(id).routable && !id.startsWith('core/') && !id.startsWith('menu');
  }
}
