/**
 * What a helpline worker does in the Teams channel, as routes ahead of the conversation routes:
 * Take (Action.Submit on the card: the same hub accept as the console, so exactly one wins), a reply in the
 * card's thread (relayed to the user as the worker's), End (the button, or "end" typed in the thread).
 * Only activities from the configured channel and tenant match; everything else goes on to the bot as before.
 * When Beacon is added to a team, the log names that team's channel link, so an operator can copy it into
 * HANDOFF_TEAMS_CHANNEL (the channel is never taken from an installation by itself: whoever installs the app
 * in some team would otherwise receive what users shared).
 */
import type { TurnRouter } from '../../bot/turnRouter';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from '../../logging/logger';
import type { HandoffChat } from '../handoffChat';
import type { HandoffHub } from '../handoffHub';
import { HandoffRefusal } from '../handoffStore';
import type { WorkerRef } from '../handoffTypes';
import { END_VERB, OUTCOME_INPUT, TAKE_VERB, TEAMS_USER_PREFIX } from './teamsCard';
import { TeamsChannel } from './teamsChannel';
import { channelLink } from './teamsConfig';
import type { TeamsWords } from './teamsWords';

interface CardData {
  verb?: string;
  sessionId?: string;
  [OUTCOME_INPUT]?: string;
}

export class TeamsRoutes {
  constructor(
    private readonly hub: HandoffHub,
    private readonly chat: HandoffChat,
    private readonly channel: TeamsChannel,
    private readonly words: TeamsWords,
    private readonly logger: Logger
  ) {}

  register(router: TurnRouter): void {
    router.cardSubmit<CardData>(this.submitted(TAKE_VERB), (context, data) => this.take(context, data));
    router.cardSubmit<CardData>(this.submitted(END_VERB), (context, data) => this.end(context, data, data[OUTCOME_INPUT]));
    router.activity(async (context) => this.isThreadReply(context.activity), (context) => this.reply(context));
    router.activity(async (context) => botAddedToTeam(context.activity), async (context) => this.logInstall(context.activity));
  }

  private submitted(verb: string) {
    return async (context: TurnContext) => {
      const a = context.activity;
      const data = a.value as CardData | undefined;
      return a.type === 'message' && !a.text && typeof data === 'object' && data?.verb === verb && this.channel.isHelplineChannel(a);
    };
  }

  private async isThreadReply(activity: Activity): Promise<boolean> {
    if (activity.type !== 'message' || activity.value !== undefined || !this.channel.isHelplineChannel(activity)) return false;
    const threadId = TeamsChannel.threadOf(activity.conversation.id);
    return !!threadId && !!(await this.channel.sessionOfThread(threadId));
  }

  private async take(context: TurnContext, data: CardData): Promise<void> {
    await this.channel.remember(context.activity);
    const worker = workerOf(context, this.words);
    try {
      await this.hub.accept(data.sessionId ?? '', worker);
      // The card changes to "taken by" through the hub's event, as when a console worker accepts.
    } catch (error) {
      if (!(error instanceof HandoffRefusal)) throw error;
      const key = { OfferedToColleague: 'teams.offeredToColleague', AtCapacity: 'teams.atCapacity', Busy: 'teams.atCapacity' }[error.code] ?? 'teams.alreadyTaken';
      await this.say(context, key, { name: worker.name, max: this.hub.cap.max });
    }
  }

  private async reply(context: TurnContext): Promise<void> {
    await this.channel.remember(context.activity);
    const sessionId = (await this.channel.sessionOfThread(TeamsChannel.threadOf(context.activity.conversation.id)!))!;
    const text = context.activity.text?.trim() ?? '';
    if (!text) return;
    if (this.words.endWords().includes(text.toLowerCase())) return this.end(context, { sessionId });
    const worker = workerOf(context, this.words);
    try {
      // The activity id is Teams' message id: a redelivered message is not sent to the user twice.
      await this.chat.fromWorker(sessionId, worker, `teams|${context.activity.id ?? text}`, text);
    } catch (error) {
      if (!(error instanceof HandoffRefusal)) throw error;
      await this.refused(context, error, sessionId);
    }
  }

  private async end(context: TurnContext, data: CardData, outcome?: string): Promise<void> {
    await this.channel.remember(context.activity);
    const worker = workerOf(context, this.words);
    const sessionId = data.sessionId ?? '';
    try {
      await this.hub.end(sessionId, 'worker', worker.username, outcome ? { outcome } : {});
    } catch (error) {
      if (!(error instanceof HandoffRefusal)) throw error;
      await this.refused(context, error, sessionId);
    }
  }

  /** Why a worker's message or End did nothing, said in the thread. */
  private async refused(context: TurnContext, error: HandoffRefusal, sessionId: string): Promise<void> {
    const session = await this.hub.deps.store.session(sessionId);
    if (session?.status === 'queued') return this.say(context, 'teams.takeFirst');
    if (session?.status === 'active' && error.code === 'NotYours') return this.say(context, 'teams.notYours', { name: session.worker?.name ?? '' });
    return this.say(context, 'teams.chatEnded');
  }

  private async say(context: TurnContext, key: string, values: Record<string, unknown> = {}): Promise<void> {
    await context.sendActivity({ type: 'message', text: this.words.t(key, values), textFormat: 'plain' });
  }

  private async logInstall(activity: Activity): Promise<void> {
    const channelData = activity.channelData as { team?: { id?: string }; tenant?: { id?: string } } | undefined;
    const teamChannel = channelData?.team?.id;
    const tenantId = channelData?.tenant?.id ?? activity.conversation.tenantId;
    if (!teamChannel || !tenantId) return;
    this.logger.info({
      event: 'teams_installed',
      note: 'For a Teams handoff in this team\'s General channel, set HANDOFF_TEAMS_CHANNEL to this link (or use "Get link to channel" for another channel).',
      link: channelLink(teamChannel, tenantId),
      serviceUrl: activity.serviceUrl
    });
  }
}

/** The worker as the hub knows them: their Teams (Entra) id, and the name Teams shows. */
function workerOf(context: TurnContext, words: TeamsWords): WorkerRef {
  const from = context.activity.from;
  return { username: `${TEAMS_USER_PREFIX}${from.aadObjectId ?? from.id}`, name: from.name?.trim() || words.t('teams.someone') };
}

function botAddedToTeam(activity: Activity): boolean {
  const eventType = (activity.channelData as { eventType?: string } | undefined)?.eventType;
  return activity.type === 'conversationUpdate' && activity.channelId === 'msteams' && eventType === 'teamMemberAdded'
    && (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
}
