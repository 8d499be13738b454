/**
 * Starts a bot (Beacon's real entry point, or the echo bot) in a child process on a free loopback port, and
 * measures the time from spawning it to the first 200 from /readyz. Reads its resident memory from /proc.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type BotKind = 'echo' | 'beacon';

export interface BotProcess {
  kind: BotKind;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 from /readyz. */
  startupMs: number;
  /** When it was spawned and when it was ready, on the monotonic clock in µs (the clock of CPU profiles). */
  spawnedAtUs: number;
  readyAtUs: number;
  /** Resident set size in bytes (Linux /proc), or NaN where that is not available. */
  rssBytes(): number;
  /** SIGTERM, then waits for the exit (a CPU profile is written then); SIGKILL after 20 s. */
  stop(): Promise<void>;
}

export interface StartOptions {
  rootDir: string;
  /** Beacon's DATA_DIR (its SQLite file lives there). */
  dataDir?: string;
  /** Write a V8 CPU profile into this folder when the process exits. */
  cpuProfDir?: string;
}

// Generous: a shared machine under load can take many times the quiet figure, and a timeout loses the whole run.
const READY_TIMEOUT_MS = 90000;

export async function startBotProcess(kind: BotKind, options: StartOptions): Promise<BotProcess> {
  const port = await freePort();
  const profiling = options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : [];
  const entry = kind === 'beacon' ? path.join(options.rootDir, 'dist/src/index.js') : path.join(options.rootDir, 'dist/bench/echoBot.js');
  const args = kind === 'beacon' ? [...profiling, entry] : [...profiling, entry, String(port)];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Beacon's local defaults, spelled out so that a developer's .env cannot change what is measured.
    BEACON_ENV: 'local',
    STORAGE: 'sqlite',
    DATA_DIR: options.dataDir ?? '',
    PORT: String(port),
    LOG_LEVEL: 'info',
    MicrosoftAppId: '',
    MicrosoftAppPassword: ''
  };
  const started = performance.now();
  const spawnedAtUs = nowUs();
  const child = spawn(process.execPath, args, { cwd: options.rootDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = keepTail(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let alive = true;
  void exited.then(() => (alive = false));

  while (!(await isReady(baseUrl))) {
    if (!alive) throw new Error(`The ${kind} bot exited before it was ready:\n${output()}`);
    if (performance.now() - started > READY_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`The ${kind} bot was not ready within ${READY_TIMEOUT_MS} ms:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const startupMs = performance.now() - started;
  const readyAtUs = nowUs();

  return {
    kind,
    baseUrl,
    startupMs,
    spawnedAtUs,
    readyAtUs,
    rssBytes: () => rssOf(child.pid),
    stop: async () => {
      if (!alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20000);
      const code = await exited;
      clearTimeout(timer);
      if (code !== 0) process.stderr.write(`The ${kind} bot stopped with code ${code}:\n${output()}\n`);
    }
  };
}

/** The monotonic clock in µs: the clock V8 stamps CPU profile samples with. */
export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

async function isReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** A port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function rssOf(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Drains the child's output (a full pipe would stall it) and keeps the last few KB for error messages. */
function keepTail(child: ChildProcess): () => string {
  let tail = '';
  const add = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => tail;
}
