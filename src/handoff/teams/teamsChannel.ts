/**
 * Reaches the helpline's Teams channel outside a worker's turn: a new post (the card, which starts a thread),
 * an update of that card, a line in its thread. Bot Framework proactive messages to the channel conversation;
 * a post to `<channel>;messageid=<root>` is a reply in that thread. Which card belongs to which session is kept
 * in the store (ids only), so any instance and a restarted one find it again. Keys:
 *   handoff/teams/card/<sessionId>   { threadId }  while the session is open
 *   handoff/teams/thread/<threadId>  { sessionId } kept after the end, so a late reply is answered, not lost
 *   handoff/teams/serviceUrl         { url }       the channel's service address from Teams' latest turn
 */
import type { Activity, Attachment, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { HandoffStore } from '../handoffStore';
import type { TeamsChannelSettings } from './teamsConfig';

export class TeamsChannel {
  private adapter?: CloudAdapter;
  private appId = '';

  constructor(
    readonly settings: TeamsChannelSettings,
    private readonly store: HandoffStore
  ) {}

  connect(adapter: CloudAdapter, appId: string): void {
    this.adapter = adapter;
    this.appId = appId;
  }

  /** True when the activity comes from the configured channel (any thread in it) of the configured tenant. */
  isHelplineChannel(activity: Partial<Activity>): boolean {
    const tenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
    return activity.channelId === 'msteams' && activity.conversation?.id?.split(';')[0] === this.settings.channelId && tenant === this.settings.tenantId;
  }

  /** The thread's root message id from a thread conversation id (`19:…@thread.tacv2;messageid=123`). */
  static threadOf(conversationId: string | undefined): string | undefined {
    return /;messageid=([^;]+)$/.exec(conversationId ?? '')?.[1];
  }

  /** Teams may move a channel to another service address: the latest turn's one is preferred. */
  async remember(activity: Partial<Activity>): Promise<void> {
    const url = activity.serviceUrl;
    if (!url || (await this.store.get<{ url: string }>('handoff/teams/serviceUrl'))?.url === url) return;
    await this.store.update('handoff/teams/serviceUrl', () => ({ url }));
  }

  async cardOf(sessionId: string): Promise<string | undefined> {
    return (await this.store.get<{ threadId: string }>(`handoff/teams/card/${sessionId}`))?.threadId;
  }

  async sessionOfThread(threadId: string): Promise<string | undefined> {
    return (await this.store.get<{ sessionId: string }>(`handoff/teams/thread/${threadId}`))?.sessionId;
  }

  /** Posts the card as a new message in the channel (its own thread) and remembers it for the session. */
  async postCard(sessionId: string, card: Attachment): Promise<void> {
    let threadId: string | undefined;
    await this.run(undefined, async (ctx) => {
      threadId = (await ctx.sendActivity({ type: 'message', attachments: [card] }))?.id;
    });
    if (!threadId) throw new Error('Teams handoff: the channel did not return an id for the posted card, so its thread cannot be followed.');
    await this.store.update(`handoff/teams/thread/${threadId}`, () => ({ sessionId }));
    await this.store.update(`handoff/teams/card/${sessionId}`, () => ({ threadId: threadId! }));
  }

  async updateCard(threadId: string, card: Attachment): Promise<void> {
    await this.run(threadId, async (ctx) => {
      await ctx.updateActivity({ type: 'message', id: threadId, attachments: [card] });
    });
  }

  async postInThread(threadId: string, text: string): Promise<void> {
    await this.run(threadId, async (ctx) => {
      await ctx.sendActivity({ type: 'message', text, textFormat: 'plain' });
    });
  }

  async forget(sessionId: string): Promise<void> {
    await this.store.remove([`handoff/teams/card/${sessionId}`]);
  }

  private async run(threadId: string | undefined, work: (context: TurnContext) => Promise<void>): Promise<void> {
    if (!this.adapter) throw new Error('Teams handoff: cannot reach the channel because no adapter is connected (startBeacon connects it).');
    const { channelId, tenantId } = this.settings;
    const serviceUrl = (await this.store.get<{ url: string }>('handoff/teams/serviceUrl'))?.url ?? this.settings.serviceUrl;
    const bot = { id: this.appId ? `28:${this.appId}` : 'beacon', name: 'Beacon' };
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: threadId ? `${channelId};messageid=${threadId}` : channelId, isGroup: true, conversationType: 'channel', tenantId, name: '' },
      bot,
      // A proactive turn needs someone as `from` (the turn's state is keyed by it): the bot itself, not a worker.
      user: bot
    };
    await this.adapter.continueConversationAsync(this.appId, reference, work);
  }
}
