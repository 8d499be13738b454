/**
 * Real Beacon processes for the scale-out tests: the compiled entry (`node dist/src/index.js`, built once with
 * the project's build) started with its own PORT and the environment the instances share (BEACON_ENV=local,
 * one SQLite DATA_DIR, one REDIS_URL). `kill('SIGKILL')` is the loss of an instance; every test stops what it
 * started in afterAll so jest exits.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
let built = false;

/** Builds dist/ with the project's build (incremental: quick when nothing changed). */
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
  built = true;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` every 50 ms until it is true; fails with `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`${what} (waited ${timeoutMs} ms)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export class BeaconProcess {
  private child?: ChildProcess;
  private output = '';

  private constructor(readonly name: string, readonly port: number, private readonly env: Record<string, string>) {}

  /** Starts the compiled Beacon and resolves once /readyz answers (ready, or 503 when Redis is down on purpose). */
  static async start(name: string, env: Record<string, string>): Promise<BeaconProcess> {
    buildOnce();
    const beacon = new BeaconProcess(name, await freePort(), env);
    await beacon.start();
    return beacon;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the process wrote (JSON log lines), for a failing test's message. */
  get log(): string {
    return this.output.slice(-4000);
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/index.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BEACON_ENV: 'local', LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '2000', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child = child;
    await waitUntil(async () => {
      if (!this.running) throw new Error(`Beacon ${this.name} exited while starting:\n${this.log}`);
      return (await this.readyStatus()) !== 0;
    }, 120_000, `Beacon ${this.name} did not answer /readyz`);
  }

  /** The HTTP status of /readyz, or 0 when nothing answers. */
  async readyStatus(): Promise<number> {
    try {
      return (await fetch(`${this.url}/readyz`)).status;
    } catch {
      return 0;
    }
  }

  async readyBody(): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${this.url}/readyz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  /** Ends the process: SIGTERM lets it finish its turns; SIGKILL is an instance lost at once. */
  async kill(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
