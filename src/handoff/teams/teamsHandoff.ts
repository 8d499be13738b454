/**
 * The Teams-channel handoff, wired: built when the bot is assembled (its routes go into the bot's router ahead
 * of the conversation), connected to the adapter when the server exists (then it starts following the hub).
 * It adds a second place where workers take conversations; the hub, its rules and the user's side are the
 * console's, so a conversation taken in one is gone from the other.
 */
import type { TurnRouter } from '../../bot/turnRouter';
import type { CloudAdapter } from 'botbuilder';
import type { Translator } from '../../content/translator';
import type { Logger } from '../../logging/logger';
import type { HandoffChat } from '../handoffChat';
import type { HandoffHub } from '../handoffHub';
import { TeamsBridge } from './teamsBridge';
import { TeamsChannel } from './teamsChannel';
import type { TeamsChannelSettings } from './teamsConfig';
import { TeamsRoutes } from './teamsRoutes';
import { TeamsWords } from './teamsWords';

export interface TeamsHandoffOptions {
  settings: TeamsChannelSettings;
  /** The channel's language (the deployment's DEFAULT_LOCALE). */
  language: string;
  logger: Logger;
}

export class TeamsHandoff {
  private readonly channel: TeamsChannel;
  private readonly bridge: TeamsBridge;
  private readonly routes: TeamsRoutes;

  constructor(hub: HandoffHub, chat: HandoffChat, translator: Translator, options: TeamsHandoffOptions) {
    const words = new TeamsWords(translator, options.language);
    this.channel = new TeamsChannel(options.settings, hub.deps.store);
    this.bridge = new TeamsBridge(hub, this.channel, words, options.logger);
    this.routes = new TeamsRoutes(hub, chat, this.channel, words, options.logger);
  }

  register(router: TurnRouter): void {
    this.routes.register(router);
  }

  connect(adapter: CloudAdapter, appId: string): void {
    this.channel.connect(adapter, appId);
    this.bridge.start();
  }

  async idle(): Promise<void> {
    await this.bridge.idle();
  }
}
