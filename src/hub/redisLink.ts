/**
 * One connection to Redis (REDIS_URL) for the handoff hub across instances, and a second one for each blocking
 * stream reader (XREAD BLOCK holds its connection). Commands never wait in an offline queue: while Redis is
 * down they fail at once, so every caller can fall back (DESIGN.md rule 10: the user still gets the numbers)
 * instead of hanging a turn. The client reconnects by itself; `onReady` hooks run after each reconnection, so
 * the hub can catch up on what happened while it was away.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { Logger } from '../logging/logger';

/** All Beacon keys start with this, so one Redis can be shared with other software. */
export const KEY_PREFIX = 'beacon:';

type Client = ReturnType<typeof createClient>;

/** A command Redis has not answered in this long counts as failed: a turn never waits on a hung Redis. */
const COMMAND_TIMEOUT_MS = 3000;
/** Blocking reads ask for at most a few seconds of BLOCK; this is well above that. */
const BLOCKING_TIMEOUT_MS = 15_000;

export class RedisLink {
  /** This process among the instances: a new name on each start, so a restarted instance is a new consumer. */
  readonly instanceId = `${process.pid}-${randomBytes(6).toString('hex')}`;
  private readonly clients: Client[] = [];
  private readonly readyHooks: Array<() => void> = [];
  private readonly main: Client;
  private closed = false;

  constructor(private readonly url: string, private readonly logger: Logger) {
    this.main = this.open('main');
  }

  /** True while the main connection is up. */
  get up(): boolean {
    return this.main.isReady;
  }

  get closing(): boolean {
    return this.closed;
  }

  /** Runs `hook` each time the connection comes back after being lost (not on the first connection). */
  onReady(hook: () => void): void {
    this.readyHooks.push(hook);
  }

  /** Resolves once connected; rejects after `timeoutMs` (a command-line tool that needs Redis). */
  async whenUp(timeoutMs = 10_000): Promise<void> {
    for (let waited = 0; !this.up; waited += 100) {
      if (waited >= timeoutMs) throw new Error(`Redis is not reachable at REDIS_URL (waited ${timeoutMs / 1000} s).`);
      await pause(100);
    }
  }

  /** Sends one command; rejects at once when Redis is unreachable, and after COMMAND_TIMEOUT_MS when it hangs. */
  async command(args: Array<string | number>): Promise<unknown> {
    return withTimeout(this.main.sendCommand(args.map(String)), COMMAND_TIMEOUT_MS);
  }

  /** Runs a Lua script (EVAL); keys and arguments as strings. */
  async script(source: string, keys: string[], args: Array<string | number>): Promise<unknown> {
    return this.command(['EVAL', source, keys.length, ...keys, ...args]);
  }

  async ping(): Promise<void> {
    if (!this.up) throw new Error('Redis is not connected.');
    await this.command(['PING']);
  }

  /** A connection of its own for a blocking reader (XREAD / XREADGROUP with BLOCK). */
  blockingClient(name: string): { command(args: Array<string | number>): Promise<unknown>; readonly up: boolean } {
    const client = this.open(name);
    return {
      // A blocking read waits up to its BLOCK time; more than that on top means Redis hangs.
      command: (args) => withTimeout(client.sendCommand(args.map(String)), BLOCKING_TIMEOUT_MS),
      get up() {
        return client.isReady;
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.clients.map((c) => (c.isOpen ? c.close().catch(() => c.destroy()) : Promise.resolve())));
  }

  private open(name: string): Client {
    const client = createClient({
      url: this.url,
      disableOfflineQueue: true,
      // A connection that silently died (no reset from the network) is found and replaced.
      pingInterval: 10_000,
      socket: { connectTimeout: 3000, reconnectStrategy: (retries: number) => (this.closed ? false : Math.min(200 + retries * 200, 2000)) }
    });
    let lost = false;
    client.on('error', (error: Error) => {
      if (!lost) this.logger.warn({ event: 'redis_unreachable', connection: name, err: error.message });
      lost = true;
    });
    client.on('ready', () => {
      if (lost) {
        this.logger.info({ event: 'redis_back', connection: name });
        if (client === this.main) for (const hook of this.readyHooks) hook();
      }
      lost = false;
    });
    // Not awaited: Beacon starts and answers with the numbers even when Redis is down at start.
    client.connect().catch(() => undefined);
    this.clients.push(client);
    return client;
  }
}

/** Waits `ms`; used between retries of a reader whose connection is down. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer in ${ms} ms.`)), ms);
    timer.unref();
  });
  work.catch(() => undefined); // a late failure after the timeout is not an unhandled rejection
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
