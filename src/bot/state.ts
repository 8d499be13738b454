/**
 * Beacon's own state: the conversation's and the user's, under the keys botbuilder's ConversationState and
 * UserState use (`<channel>/conversations/<id>/`, `<channel>/users/<id>/`), so stored state and the expiry
 * sweep read the same. Both scopes are read from the store in one read, the first time a turn asks, and the
 * changed ones written in one write at the end of the turn (one transaction on SQLite) — botbuilder's BotState
 * reads and writes each scope on its own and hashes each three times a turn (`npm run bench`, CPU profile).
 * Not teams-ai's TurnStateProperty, which would persist the whole turn context, user text included.
 * Only what the conversation needs is kept: no message text, no names.
 */
import type { DialogState } from 'botbuilder-dialogs';
import type { DangerKind, DangerLevel } from '../safety/dangerReading';
import type { StatePropertyAccessor, Storage, StoreItems, TurnContext } from 'botbuilder';
import type { SeenList } from './seenActivities';
import type { WaitingMessage } from './tellMeMore';

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

export type Scope = 'conversation' | 'user';
type Item = Record<string, unknown>;

/** A turn's two scopes, their store keys, and each one's JSON as read or last written (to see what changed). */
interface TurnScopes {
  keys: Record<Scope, string>;
  items: Record<Scope, Item>;
  stored: Record<Scope, string>;
}

const SCOPES: readonly Scope[] = ['conversation', 'user'];
const TURN_SCOPES = Symbol('beacon.state');

export class BeaconState {
  readonly conversationData: StatePropertyAccessor<ConversationData>;
  readonly profile: StatePropertyAccessor<Profile>;
  /** The dialog stack; botbuilder-dialogs keeps it here. */
  readonly dialogState: StatePropertyAccessor<DialogState>;
  /** The conversation's last message ids (`seenActivities.ts`). */
  readonly seen: StatePropertyAccessor<SeenList>;

  constructor(private readonly storage: Storage) {
    this.conversationData = this.property<ConversationData>('conversation', 'data');
    this.dialogState = this.property<DialogState>('conversation', 'dialogs');
    this.seen = this.property<SeenList>('conversation', 'seen');
    this.profile = this.property<Profile>('user', 'profile');
  }

  /** A named value in one scope. */
  property<T>(scope: Scope, name: string): StatePropertyAccessor<T> {
    return new ScopeProperty<T>(this, scope, name);
  }

  /** Both scopes of this turn; the first call reads them from the store (one read), later calls share it. */
  load(context: TurnContext): Promise<TurnScopes> {
    const known = context.turnState.get(TURN_SCOPES) as Promise<TurnScopes> | undefined;
    if (known) return known;
    const loading = this.read(context);
    context.turnState.set(TURN_SCOPES, loading);
    // A failed read is not kept: the next call in the turn tries the store again.
    loading.catch(() => context.turnState.delete(TURN_SCOPES));
    return loading;
  }

  /**
   * "stop": deletes what the store holds for this conversation and this user (position, facts, recent ids).
   * The turn's copies are emptied too, so the save at the end of the turn writes nothing back.
   */
  async forget(context: TurnContext): Promise<void> {
    const turn = await this.load(context);
    await this.storage.delete([turn.keys.conversation, turn.keys.user]);
    for (const scope of SCOPES) {
      turn.items[scope] = {};
      turn.stored[scope] = jsonOf({});
    }
  }

  /** Persists the scopes that changed, in one write; called once at the end of a turn. */
  async save(context: TurnContext): Promise<void> {
    const pending = context.turnState.get(TURN_SCOPES) as Promise<TurnScopes> | undefined;
    if (!pending) return;
    const turn = await pending;
    const changes: StoreItems = {};
    const written: Partial<Record<Scope, string>> = {};
    for (const scope of SCOPES) {
      const json = jsonOf(turn.items[scope]);
      if (json === turn.stored[scope]) continue;
      // "*": the last writer wins, as with botbuilder's BotState.
      changes[turn.keys[scope]] = { ...turn.items[scope], eTag: '*' };
      written[scope] = json;
    }
    if (Object.keys(changes).length === 0) return;
    await this.storage.write(changes);
    Object.assign(turn.stored, written);
  }

  private async read(context: TurnContext): Promise<TurnScopes> {
    const keys = { conversation: conversationKey(context), user: userKey(context) };
    const found = await this.storage.read([keys.conversation, keys.user]);
    const items = { conversation: (found[keys.conversation] ?? {}) as Item, user: (found[keys.user] ?? {}) as Item };
    return { keys, items, stored: { conversation: jsonOf(items.conversation), user: jsonOf(items.user) } };
  }
}

/** botbuilder's StatePropertyAccessor over one of the turn's scopes (what BotStatePropertyAccessor does). */
class ScopeProperty<T> implements StatePropertyAccessor<T> {
  constructor(
    private readonly state: BeaconState,
    private readonly scope: Scope,
    readonly name: string
  ) {}

  async get(context: TurnContext, defaultValue?: T): Promise<T> {
    const item = (await this.state.load(context)).items[this.scope];
    if (!Object.prototype.hasOwnProperty.call(item, this.name) && defaultValue !== undefined) {
      // A copy: the caller's default object must not become the stored one.
      item[this.name] = typeof defaultValue === 'object' && defaultValue !== null ? structuredClone(defaultValue) : defaultValue;
    }
    return item[this.name] as T;
  }

  async set(context: TurnContext, value: T): Promise<void> {
    (await this.state.load(context)).items[this.scope][this.name] = value;
  }

  async delete(context: TurnContext): Promise<void> {
    delete (await this.state.load(context)).items[this.scope][this.name];
  }
}

/** The item's JSON without its eTag (which the store sets), to tell whether the turn changed it. */
function jsonOf(item: Item): string {
  return JSON.stringify({ ...item, eTag: undefined });
}

/** The key botbuilder's ConversationState uses (no namespace). */
function conversationKey(context: TurnContext): string {
  const { channelId, conversation } = context.activity;
  if (!channelId) throw new Error('State: the activity has no channelId, so its conversation state cannot be found.');
  if (!conversation?.id) throw new Error('State: the activity has no conversation.id, so its conversation state cannot be found.');
  return `${channelId}/conversations/${conversation.id}/`;
}

/** The key botbuilder's UserState uses (no namespace). */
function userKey(context: TurnContext): string {
  const { channelId, from } = context.activity;
  if (!channelId) throw new Error('State: the activity has no channelId, so its user state cannot be found.');
  if (!from?.id) throw new Error('State: the activity has no from.id, so its user state cannot be found.');
  return `${channelId}/users/${from.id}/`;
}
