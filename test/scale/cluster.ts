/**
 * Two (or more) real Beacon processes sharing one SQLite DATA_DIR and one Redis, a fake channel in front of
 * them, and worker accounts written with `npm run console:add-user`'s compiled script (to Redis, where every
 * instance reads them). `close()` stops every process and Redis, whatever state the test left them in.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { PASSWORD, tempDataDir, Worker } from '../handoff/consoleClient';
import { FakeChannel } from './fakeChannel';
import { BeaconProcess, buildOnce } from '../support/beaconProcess';
import { RedisServer } from './redisServer';

const ROOT = path.resolve(__dirname, '../..');

export class Cluster {
  readonly workers: Worker[] = [];

  private constructor(readonly redis: RedisServer, readonly channel: FakeChannel, readonly dataDir: string, readonly instances: BeaconProcess[]) {}

  /** Redis, the channel, worker accounts, then the instances one after the other (they share a model cache). */
  static async start(names: string[], workers: string[], env: Record<string, string> = {}): Promise<Cluster> {
    buildOnce();
    const redis = await RedisServer.start();
    const channel = new FakeChannel();
    await channel.start();
    const dataDir = tempDataDir();
    const cluster = new Cluster(redis, channel, dataDir, []);
    try {
      for (const username of workers) cluster.addUser(username);
      for (const name of names) cluster.instances.push(await BeaconProcess.start(name, cluster.env(env)));
    } catch (error) {
      await cluster.close();
      throw error;
    }
    return cluster;
  }

  /** The first two instances, for the tests that start two. */
  get pair(): [BeaconProcess, BeaconProcess] {
    const [a, b] = this.instances;
    if (!a || !b) throw new Error(`A pair needs two instances; this cluster has ${this.instances.length}.`);
    return [a, b];
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return { STORAGE: 'sqlite', DATA_DIR: this.dataDir, REDIS_URL: this.redis.url, ...extra };
  }

  /** `npm run console:add-user -- <username> --name <Name>` with the password on standard input. */
  addUser(username: string): void {
    const name = username[0]!.toUpperCase() + username.slice(1);
    execFileSync(process.execPath, [path.join(ROOT, 'dist/scripts/consoleAddUser.js'), username, '--name', name], {
      cwd: ROOT, input: `${PASSWORD}\n`, env: { PATH: process.env.PATH ?? '', ...this.env() }, stdio: ['pipe', 'ignore', 'inherit']
    });
  }

  /** A worker signed in on `instance`, with its console stream open there. */
  async worker(instance: BeaconProcess, username: string): Promise<Worker> {
    const worker = new Worker(instance.url, username);
    const login = await worker.login();
    if (login.status !== 200) throw new Error(`sign-in of ${username} on ${instance.name}: ${login.status} ${JSON.stringify(login.body)}`);
    await worker.connect();
    this.workers.push(worker);
    return worker;
  }

  async close(): Promise<void> {
    for (const worker of this.workers) worker.close();
    await Promise.all(this.instances.map((i) => i.kill('SIGTERM')));
    await this.channel.close();
    await this.redis.stop();
  }
}
