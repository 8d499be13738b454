/**
 * Real Beacon processes for the tests that need one (scale-out, kill -9, the log scan): the compiled entry
 * (`node dist/src/index.js`, built once with the project's build) started with its own PORT and the environment
 * given (BEACON_ENV=local; for scale-out one SQLite DATA_DIR and one REDIS_URL). `kill('SIGKILL')` is the loss
 * of an instance, `start()` again its restart on the same port; every test stops what it started in afterAll
 * so jest exits. Everything the process writes on stdout and stderr is kept, over all its restarts.
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
  private readonly streams = { stdout: '', stderr: '' };

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

  /** Every line the process wrote on stdout, then on stderr, since it was created (over all its restarts). */
  get lines(): string[] {
    return [...this.streams.stdout.split('\n'), ...this.streams.stderr.split('\n')].filter((line) => line.length > 0);
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/index.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BEACON_ENV: 'local', LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '2000', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    // A line cut off by a SIGKILL ends where it was cut: the next start's output begins on a line of its own.
    for (const name of ['stdout', 'stderr'] as const) {
      if (this.streams[name] && !this.streams[name].endsWith('\n')) this.streams[name] += '\n';
      child[name]?.setEncoding('utf8');
      child[name]?.on('data', (d: string) => {
        this.output += d;
        this.streams[name] += d;
      });
    }
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

/**
 * Starts something before a test file's tests and closes it after them, whatever state the tests left it in
 * (the beforeAll/afterAll pair of every multi-process test); the returned function gives the started thing.
 */
export function startedForFile<T extends { close(): Promise<void> }>(start: () => Promise<T>): () => T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return () => {
    if (!started) throw new Error('Not started: the beforeAll that starts it failed (see the first error).');
    return started;
  };
}
