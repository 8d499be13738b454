/**
 * Wiring for the handoff: built before the bot (the store and the console need no bot), bound to the bot's
 * parts when it is assembled (the responder the engine calls and the relay that runs before it), and connected
 * to the adapter once the server exists (proactive messages, resumed deliveries, queue position updates).
 */
import type { TurnRouter } from '../bot/turnRouter';
import type { CloudAdapter } from 'botbuilder';
import type { BeaconState } from '../bot/state';
import type { ScriptLibrary } from '../content/scriptLibrary';
import type { Translator } from '../content/translator';
import { CommandRecognizer } from '../engine/commands';
import type { DangerDetector, HandoffResponder, HelplineResponder } from '../engine/engineServices';
import type { BeaconStorage } from '../storage/beaconStorage';
import { AuditLog } from './auditLog';
import { ConsentFlow } from './consentFlow';
import { Departures } from './departures';
import { durableSecret } from './durableSecret';
import { FeedbackLog } from './feedbackLog';
import type { HandoffSettings } from './handoffConfig';
import { HandoffChat } from './handoffChat';
import { HandoffHub } from './handoffHub';
import { HandoffRelay } from './handoffRelay';
import { HandoffStore } from './handoffStore';
import { HubEvents } from './hubEvents';
import { HubHandoff } from './hubHandoff';
import { PositionTicker } from './positionTicker';
import { PreviousContacts } from './previousContacts';
import { ProtocolHandoff } from './protocolHandoff';
import type { ScaleOut } from './scaleOut';
import { TeamsHandoff, type TeamsHandoffOptions } from './teams/teamsHandoff';
import { TopicTrail } from './topicTrail';
import { ProactiveChannel } from './userChannel';
import { UserNotices } from './userNotices';
import { WrapUp } from './wrapUp';

export interface BotPartsForHandoff {
  translator: Translator;
  scripts: ScriptLibrary;
  state: BeaconState;
  helplines: HelplineResponder;
  danger: DangerDetector;
  /** The honest "nobody is here" answer, used until a worker account exists (console mode). */
  fallback: HandoffResponder;
}

export interface BoundHandoff {
  responder: HandoffResponder;
  relay: HandoffRelay;
  /** Routes for the bot's router, ahead of the conversation (the Teams channel's Take, replies, End). */
  routes?: (router: TurnRouter) => void;
}

export interface HandoffBinder {
  bind(parts: BotPartsForHandoff): BoundHandoff;
}

export interface HandoffSystemOptions {
  settings: HandoffSettings;
  storage: BeaconStorage;
  /** Console mode: whether any worker account exists. */
  workersConfigured: () => Promise<boolean>;
  /** How many workers have the console open now. */
  workersOnDuty: () => number;
  /** The helpline's Teams channel, when HANDOFF_TEAMS_CHANNEL names one (console mode). */
  teams?: TeamsHandoffOptions;
  /** N instances (REDIS_URL): events, deliveries and accepts shared through Redis. */
  scaleOut?: ScaleOut;
}

export class HandoffSystem implements HandoffBinder {
  readonly store: HandoffStore;
  readonly audit: AuditLog;
  readonly feedback: FeedbackLog;
  readonly events = new HubEvents();
  private readonly channel = new ProactiveChannel();
  private parts?: { hub: HandoffHub; chat: HandoffChat; ticker: PositionTicker; departures: Departures; wrapUp: WrapUp };
  private leaveSecret: Buffer = Buffer.alloc(0);
  private contacts?: PreviousContacts;
  private purge?: NodeJS.Timeout;
  private teams?: TeamsHandoff;

  private constructor(private readonly options: HandoffSystemOptions) {
    this.store = new HandoffStore(options.storage);
    this.audit = new AuditLog(this.store);
    this.feedback = new FeedbackLog(this.store);
  }

  static async open(options: HandoffSystemOptions): Promise<HandoffSystem> {
    const system = new HandoffSystem(options);
    await system.store.init();
    system.leaveSecret = await durableSecret(options.storage, 'handoff-leave');
    const days = options.settings.previousContactDays ?? 30;
    // Only the console shows the flag; a contact-centre platform keeps its own contact history.
    if (options.settings.mode === 'console' && days > 0) {
      system.contacts = new PreviousContacts(system.store, await durableSecret(options.storage, 'handoff-contact'), days, () => Date.now());
      await system.contacts.init();
    }
    return system;
  }

  get hub(): HandoffHub {
    return this.bound().hub;
  }

  get chat(): HandoffChat {
    return this.bound().chat;
  }

  get wrapUp(): WrapUp {
    return this.bound().wrapUp;
  }

  get departures(): Departures {
    return this.bound().departures;
  }

  bind(parts: BotPartsForHandoff): BoundHandoff {
    const { settings } = this.options;
    const notices = new UserNotices(parts.translator, parts.helplines, parts.state);
    const hub = new HandoffHub({
      store: this.store, audit: this.audit, events: this.events, channel: this.channel, notices, settings,
      workersOnDuty: this.options.workersOnDuty, claims: this.options.scaleOut?.claims, contacts: this.contacts
    });
    const chat = new HandoffChat(hub);
    const departures = new Departures(hub, this.leaveSecret, settings.leftGraceSeconds ?? 90);
    this.parts = { hub, chat, ticker: new PositionTicker(hub), departures, wrapUp: new WrapUp(hub) };
    const protocol = settings.mode === 'protocol' ? new ProtocolHandoff(hub) : undefined;
    const trail = new TopicTrail(parts.state, parts.scripts, parts.translator);
    const consent = new ConsentFlow(hub, notices, parts.translator, trail, protocol, departures);
    const configured = settings.mode === 'protocol' ? async () => true : this.options.workersConfigured;
    const responder = new HubHandoff(hub, consent, notices, configured, parts.fallback);
    const relay = new HandoffRelay({
      hub, chat, consent, notices, trail, feedback: this.feedback, protocol, departures, teamsChannelId: this.options.teams?.settings.channelId,
      commands: new CommandRecognizer(parts.translator), danger: parts.danger
    });
    const teamsOptions = settings.mode === 'console' ? this.options.teams : undefined;
    const teams = (this.teams = teamsOptions && new TeamsHandoff(hub, chat, parts.translator, teamsOptions));
    return { responder, relay, routes: teams && ((router) => teams.register(router)) };
  }

  /**
   * Starts what needs the adapter: position updates, retention purge. Deliveries left from before a restart
   * wait for `resume()`, once the user's channel can be reached (reliability review D2).
   */
  async connect(adapter: CloudAdapter, appId: string): Promise<void> {
    this.channel.connect(adapter, appId);
    this.teams?.connect(adapter, appId);
    const { chat, ticker, departures } = this.bound();
    const scaleOut = this.options.scaleOut;
    if (scaleOut) chat.useOutbox(scaleOut.start({ events: this.events, chat, store: this.store }));
    ticker.start();
    departures.start();
    const { wrapUp } = this.bound();
    void this.contacts?.purgeExpired(Date.now()).catch(() => undefined);
    this.purge = setInterval(() => {
      void this.store.purgeExpired(Date.now()).catch(() => undefined);
      void wrapUp.expireDue(Date.now()).catch(() => undefined);
      void this.contacts?.purgeExpired(Date.now()).catch(() => undefined);
    }, 3_600_000);
    this.purge.unref();
  }

  /**
   * Sends the worker messages accepted but not delivered before a restart. Called once the server listens and
   * the local Direct Line (whose connector routes carry them) is there: earlier, each would fail for good.
   */
  async resume(): Promise<void> {
    await this.bound().chat.resume();
  }

  async close(): Promise<void> {
    clearInterval(this.purge);
    this.parts?.ticker.stop();
    await this.options.scaleOut?.stop();
    if (!this.parts) return;
    this.parts.departures.stop();
    await this.parts.chat.idle();
    await this.teams?.idle();
  }

  private bound(): NonNullable<HandoffSystem['parts']> {
    if (!this.parts) throw new Error('Handoff: the hub is unavailable because the bot has not been assembled with it yet.');
    return this.parts;
  }
}
