/**
 * Carries the hub's events (a session changed, a message, a delivery, the user typing) to every instance, so
 * the console's live events reach whichever instance holds a worker's WebSocket. Each event is appended to one
 * Redis stream (XADD, capped); each instance reads it from its own position (XREAD BLOCK) and raises the events
 * of the others on its HubEvents. A stream, not pub/sub: a reader whose connection dropped goes on from the
 * last id it saw, so nothing that happened while it was away is skipped. Events raised here reach local
 * listeners at once, as in one process; if Redis is down they still do, and the others refetch on reconnect.
 * No message text goes into Redis: a message event names the session and the message's number, and the
 * instance that raises it reads the message from the store. Events older than KEEP_MS are trimmed away.
 */
import type { ChatMessage } from '../handoff/handoffTypes';
import { HUB_EVENT_NAMES, type HubEventMap, type HubEventName, type HubEvents } from '../handoff/hubEvents';
import type { Logger } from '../logging/logger';
import { KEY_PREFIX, pause, type RedisLink } from './redisLink';
import { entriesOf } from './streamReply';

export const EVENTS_STREAM = `${KEY_PREFIX}hub:events`;
/** The stream keeps the events of the last five minutes: enough for a reader whose connection dropped a while. */
const KEEP_MS = 5 * 60_000;
const BLOCK_MS = 2000;

export class EventRelay {
  private lastId = '$';
  private stopped = false;
  private loop?: Promise<void>;
  private readonly listeners = HUB_EVENT_NAMES.map((name) => {
    const listener = (...args: unknown[]) => {
      if (!this.events.relayed) void this.publish(name, args);
    };
    return { name, listener };
  });

  constructor(
    private readonly events: HubEvents,
    private readonly redis: RedisLink,
    /** A chat message as stored, by session and number. */
    private readonly message: (sessionId: string, seq: number) => Promise<ChatMessage | undefined>,
    private readonly logger: Logger
  ) {}

  start(): void {
    const on = this.events.on.bind(this.events) as (n: string, l: (...a: unknown[]) => void) => void;
    for (const { name, listener } of this.listeners) on(name, listener);
    this.loop = this.read();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const off = this.events.off.bind(this.events) as (n: string, l: (...a: unknown[]) => void) => void;
    for (const { name, listener } of this.listeners) off(name, listener);
    await this.loop;
  }

  private async publish(name: HubEventName, args: unknown[]): Promise<void> {
    // A message travels as its number: its text stays in the store only.
    const sent = name === 'message' ? [args[0], { seq: (args[1] as ChatMessage).seq }] : args;
    try {
      const since = `${Date.now() - KEEP_MS}-0`;
      await this.redis.command(['XADD', EVENTS_STREAM, 'MINID', '~', since, '*', 'origin', this.redis.instanceId, 'name', name, 'args', JSON.stringify(sent)]);
    } catch (error) {
      this.logger.warn({ event: 'hub_event_not_relayed', name, err: (error as Error).message });
    }
  }

  private async read(): Promise<void> {
    const reader = this.redis.blockingClient('events');
    while (!this.stopped) {
      try {
        if (this.lastId === '$') this.lastId = await this.currentLastId();
        const reply = await reader.command(['XREAD', 'COUNT', 200, 'BLOCK', BLOCK_MS, 'STREAMS', EVENTS_STREAM, this.lastId]);
        for (const entry of entriesOf(reply)) {
          this.lastId = entry.id;
          if (entry.fields.origin === this.redis.instanceId) continue;
          await this.raise(entry.fields.name as HubEventName, entry.fields.args ?? '[]');
        }
      } catch {
        await pause(500);
      }
    }
  }

  /** Where this reader starts: the stream's newest entry (events from before this instance started are not replayed). */
  private async currentLastId(): Promise<string> {
    const newest = entriesOf(await this.redis.command(['XREVRANGE', EVENTS_STREAM, '+', '-', 'COUNT', 1]), true);
    return newest[0]?.id ?? '0-0';
  }

  /** Raises one event of another instance here, in stream order (a message is read from the store first). */
  private async raise(name: HubEventName, args: string): Promise<void> {
    if (!HUB_EVENT_NAMES.includes(name)) return;
    try {
      const parsed = JSON.parse(args) as unknown[];
      if (name === 'message') {
        const [sessionId, { seq }] = parsed as [string, { seq: number }];
        const message = await this.message(sessionId, seq);
        if (message) this.events.emitRelayed('message', [sessionId, message]);
        return;
      }
      this.events.emitRelayed(name, parsed as HubEventMap[typeof name]);
    } catch (error) {
      this.logger.warn({ event: 'hub_event_unreadable', name, err: (error as Error).message });
    }
  }
}
