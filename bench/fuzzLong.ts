/**
 * `npm run fuzz:long [-- --runs 60000 --concurrency 4 --idle 20]`: the long fuzz run, not a test. Starts the
 * compiled Beacon (BEACON_ENV=local, SQLite in a temporary folder, log level info) as a child process on a free
 * loopback port, posts generated activities (bench/fuzzActivities.ts) to /api/messages — with the serviceUrl
 * left out, as the bounded test does, so that nothing is posted anywhere — and prints: answers by status, the
 * answers ≥ 500, any echoed attachment, the log lines that are not JSON (and how many `turn_error`s), and
 * resident memory before, after and after an idle pause. Exit code 1 when any answer was ≥ 500, an attachment
 * was echoed, a log line was not JSON, or the process died.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { freePort } from './botProcess';
import { activity, fuzzBody, MARKER } from './fuzzActivities';

const ROOT = path.resolve(__dirname, '../..');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a number (got ${process.argv[at + 1]}).`);
  return value;
}


const rssMiB = (pid: number | undefined) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(/\d+/.exec(line ?? '')?.[0] ?? NaN) / 1024);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const runs = option('runs', 60_000);
  const concurrency = option('concurrency', 4);
  const idleSeconds = option('idle', 20);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beacon-fuzz-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/index.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BEACON_ENV: 'local', STORAGE: 'sqlite', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  const output = { stdout: '', stderr: '' };
  for (const name of ['stdout', 'stderr'] as const) {
    child[name].setEncoding('utf8');
    child[name].on('data', (d: string) => (output[name] += d));
  }
  let died = false;
  child.once('exit', () => (died = true));
  while (!(await fetch(`${url}/readyz`).then((r) => r.ok, () => false))) {
    if (died) throw new Error(`Beacon exited before it was ready:\n${output.stderr.slice(-2000)}`);
    await sleep(100);
  }

  const rssBefore = rssMiB(child.pid);
  const samples = fc.sample(fc.tuple(activity, fc.boolean()), { numRuns: runs, seed: 20261203 });
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let echoes = 0;
  let next = 0;
  const started = Date.now();
  const notJsonSoFar = () => [...output.stdout.split('\n'), ...output.stderr.split('\n')].filter((l) => l.length > 0 && !l.startsWith('{')).length;
  const progress = () =>
    `>= 500: ${[...statuses].filter(([s]) => s >= 500 || s === 0).reduce((sum, [, n]) => sum + n, 0)}, echoed: ${echoes}, lines not JSON: ${notJsonSoFar()}, RSS ${rssMiB(child.pid)} MiB`;
  const worker = async () => {
    while (next < samples.length && !died) {
      const i = next++;
      const [fields, protoKey] = samples[i]!;
      const base = {
        type: 'message', id: `fz-${i}`, channelId: 'test', deliveryMode: 'expectReplies',
        from: { id: `user-${i % 200}`, role: 'user' }, recipient: { id: 'beacon', role: 'bot' }, conversation: { id: `fuzz-${i % 200}` }
      };
      const status = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: fuzzBody(base, fields, protoKey) })
        .then(async (r) => {
          if ((await r.text()).includes(MARKER)) echoes += 1;
          return r.status;
        }, () => 0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if ((status >= 500 || status === 0) && failures.length < 10) failures.push(`#${i} → ${status}: ${JSON.stringify(fields).slice(0, 200)}`);
      if (i > 0 && i % 5_000 === 0) console.log(`${i} sent in ${((Date.now() - started) / 1000).toFixed(0)} s: ${progress()}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  const rssAfter = died ? NaN : rssMiB(child.pid);
  await sleep(idleSeconds * 1000);
  const rssIdle = died ? NaN : rssMiB(child.pid);
  const survived = !died && (await fetch(`${url}/healthz`).then((r) => r.ok, () => false));
  child.kill('SIGTERM');
  await new Promise((resolve) => (died ? resolve(undefined) : child.once('exit', resolve)));

  const lines = [...output.stdout.split('\n'), ...output.stderr.split('\n')].filter((l) => l.length > 0);
  const notJson = lines.filter((line) => {
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
  const turnErrors = lines.filter((l) => l.includes('"event":"turn_error"')).length;
  const atLeast500 = [...statuses].filter(([s]) => s >= 500 || s === 0).reduce((sum, [, n]) => sum + n, 0);
  console.log(`${samples.length} activities in ${seconds.toFixed(0)} s, concurrency ${concurrency}`);
  console.log(`answers by status: ${[...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s === 0 ? 'no answer' : s}: ${n}`).join(', ')}`);
  console.log(`answers >= 500 (or none): ${atLeast500}${failures.length ? `\n  ${failures.join('\n  ')}` : ''}`);
  console.log(`attachments echoed: ${echoes}`);
  console.log(`log lines: ${lines.length}, not JSON: ${notJson.length}, turn_error: ${turnErrors}${notJson.length ? `\n  ${notJson.slice(0, 5).map((l) => l.slice(0, 200)).join('\n  ')}` : ''}`);
  // What the failed turns failed on, counted (the log holds no message text, so neither does this).
  const causes = new Map<string, number>();
  for (const line of lines.filter((l) => l.includes('"event":"turn_error"'))) {
    const err = (JSON.parse(line) as { err?: { name?: string; message?: string } }).err;
    const cause = `${err?.name ?? 'Error'}: ${(err?.message ?? '').slice(0, 100)}`;
    causes.set(cause, (causes.get(cause) ?? 0) + 1);
  }
  for (const [cause, n] of [...causes].sort(([, a], [, b]) => b - a).slice(0, 5)) console.log(`  turn_error ×${n}: ${cause}`);
  console.log(`RSS: ${rssBefore} MiB before, ${rssAfter} MiB after, ${rssIdle} MiB after ${idleSeconds} s idle`);
  console.log(`still answering afterwards: ${survived ? 'yes' : 'NO'}`);
  rmSync(dataDir, { recursive: true, force: true });
  process.exitCode = atLeast500 > 0 || echoes > 0 || notJson.length > 0 || !survived ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
