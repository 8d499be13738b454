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

export class TopicTrail {
  private readonly trail;

  constructor(private readonly state: BeaconState, private readonly scripts: ScriptLibrary, private readonly translator: Translator) {
    this.trail = state.property<string[]>('conversation', 'handoffTopics');
  }

  /** Adds the lessons on the dialog stack (as the last turn left it, or as it is now) to the trail. */
  async record(context: TurnContext): Promise<string[]> {
    const stack = (await this.state.dialogState.get(context, { dialogStack: [] } as DialogState)).dialogStack ?? [];
    const ids = stack.map((d) => (d.state as { script?: string } | undefined)?.script).filter((id): id is string => !!id && this.isTopic(id));
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

  /** Whether the crisis script ran in this conversation's current stack: the request is urgent. */
  async inCrisis(context: TurnContext): Promise<boolean> {
    const stack = (await this.state.dialogState.get(context, { dialogStack: [] } as DialogState)).dialogStack ?? [];
    return stack.some((d) => (d.state as { script?: string } | undefined)?.script === 'core/crisis');
  }

  /** Lessons only: menus, the start and core helpers say nothing about what the user is dealing with. */
  private isTopic(id: string): boolean {
    return this.scripts.has(id) && this.scripts.get(id).routable && !id.startsWith('core/') && !id.startsWith('menu');
  }
}
