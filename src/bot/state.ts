/**
 * Beacon's own state accessors over botbuilder's ConversationState and UserState (not teams-ai's
 * TurnStateProperty, which would persist the whole turn context, user text included).
 * Only what the conversation needs is kept: no message text, no names.
 */
import type { DialogState } from 'botbuilder-dialogs';
import type { DangerKind, DangerLevel } from '../safety/dangerReading';
import type { WaitingMessage } from './tellMeMore';
import { ConversationState, UserState, type StatePropertyAccessor, type Storage, type TurnContext } from 'botbuilder';

/** What Beacon remembers about a conversation. */
export interface ConversationData {
  greeted?: boolean;
  /** Script ids offered in an open "which did you mean" question. */
  which?: string[];
  /** The user chose not to say their country (or it was not found twice): do not ask again in this conversation. */
  countryDeclined?: boolean;
  /**
   * What a message that triggered the crisis check asked for, so that "I didn't mean that" can go on with it:
   * the id of the choice it answered in the question below, or the script it was routed to. Never its text.
   */
  interrupted?: InterruptedIntent;
  /** The level and kind of the reading that started the crisis script, so that it speaks to it. Never the text. */
  danger?: { level: DangerLevel; kind?: DangerKind };
  /** Beacon's own messages of the last turn that wait for "Tell me more" (tellMeMore.ts). Never the user's text. */
  waiting?: WaitingMessage[];
}

export type InterruptedIntent = { choice: string; script: string; step: string } | { route: string };

/** What the user chose to tell Beacon about themselves; every field optional and coarse. */
export interface Profile {
  language?: string;
  audience?: 'young_person' | 'parent' | 'other_adult';
  ageBand?: 'under13' | '13to17' | 'unspecified';
  country?: string;
}

export class BeaconState {
  readonly conversation: ConversationState;
  readonly user: UserState;
  readonly conversationData: StatePropertyAccessor<ConversationData>;
  readonly profile: StatePropertyAccessor<Profile>;
  /** The dialog stack; botbuilder-dialogs keeps it here. */
  readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(storage: Storage) {
    this.conversation = new ConversationState(storage);
    this.user = new UserState(storage);
    this.conversationData = this.conversation.createProperty<ConversationData>('data');
    this.dialogState = this.conversation.createProperty<DialogState>('dialogs');
    this.profile = this.user.createProperty<Profile>('profile');
  }

  /** Persists both scopes; called once at the end of a turn. */
  async save(context: TurnContext): Promise<void> {
    await this.conversation.saveChanges(context);
    await this.user.saveChanges(context);
  }
}
