/**
 * A real Debian `redis-server` for a test: a child process on a free loopback port with nothing written to disk
 * (`--save '' --appendonly no`). `stop()` ends it (SIGTERM, then SIGKILL) and `start()` brings it back on the
 * same port, empty — what a Redis restart without persistence looks like to Beacon.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { RedisLink } from '../../src/hub/redisLink';
import { createLogger } from '../../src/logging/logger';
import { freePort, waitUntil } from '../support/beaconProcess';

export class RedisServer {
  private child?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    this.child = child;
    await waitUntil(() => this.answers(), 20_000, 'redis-server did not start');
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGCONT');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Everything Beacon keeps in this Redis, as text: every key and every value, whatever its type. */
  async everything(): Promise<string> {
    const link = new RedisLink(this.url, createLogger('silent'));
    try {
      await link.whenUp();
      const keys = ((await link.command(['KEYS', '*'])) as string[]) ?? [];
      const parts: unknown[] = [];
      for (const key of keys) {
        const type = await link.command(['TYPE', key]);
        const read: Record<string, Array<string | number>> = {
          string: ['GET', key], hash: ['HGETALL', key], stream: ['XRANGE', key, '-', '+'], zset: ['ZRANGE', key, 0, -1], list: ['LRANGE', key, 0, -1], set: ['SMEMBERS', key]
        };
        parts.push(key, read[String(type)] ? await link.command(read[String(type)]!) : type);
      }
      return JSON.stringify(parts);
    } finally {
      await link.close();
    }
  }

  /** Freezes the server (SIGSTOP): connections stay open and nothing answers — a hung Redis. */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  thaw(): void {
    this.child?.kill('SIGCONT');
  }

  /** True when a PING on a fresh connection gets PONG. */
  answers(): Promise<boolean> {
    return new Promise((resolve) => {
      const socket = createConnection(this.port, '127.0.0.1');
      socket.once('error', () => resolve(false));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('connect', () => socket.write('PING\r\n'));
    });
  }
}
