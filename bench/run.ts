/**
 * `npm run bench`: Beacon against a bare Bot Framework echo bot, in the same run, on the same machine.
 * Each run starts the echo bot and Beacon one after the other (alternating which goes first), each in its own
 * process, and measures start-up, single-turn and realistic workloads at each concurrency, then resident memory
 * after N distinct conversations and (Beacon) the bytes its SQLite file holds per conversation. Then one more
 * Beacon runs the realistic workload under `--cpu-prof`. Prints a table; writes JSON to bench/results/.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BotKind, nowUs, startBotProcess } from './botProcess';
import { realisticScripts, singleTurn } from './conversations';
import { runWorkload, type WorkloadResult } from './driver';
import { fullPlan, type Plan, quickPlan } from './plan';
import { summarizeProfile } from './profile';
import { printReport, summarize, type BotRun } from './report';
import { measureStore } from './storeSize';
import { measureReadings } from './readingCost';

const ROOT_DIR = path.resolve(__dirname, '../..');
const RESULTS_DIR = path.join(ROOT_DIR, 'bench', 'results');
const SQLITE_FILE_NAME = 'beacon.sqlite';

type WorkloadName = 'single' | 'realistic';

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function workload(baseUrl: string, kind: BotKind, name: WorkloadName | 'warmup' | 'fill', concurrency: number, turns: number, prefix: string, maxDurationMs: number): Promise<WorkloadResult> {
  return runWorkload({
    baseUrl,
    concurrency,
    turns,
    maxDurationMs,
    scripts: name === 'single' || name === 'fill' ? [singleTurn] : realisticScripts,
    conversationPrefix: `${prefix}-${name}-c${concurrency}`,
    checkChoices: kind === 'beacon'
  });
}

async function benchBot(kind: BotKind, run: number, plan: Plan): Promise<BotRun> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beacon-bench-'));
  try {
    const bot = await startBotProcess(kind, { rootDir: ROOT_DIR, dataDir });
    const rssAtReadyBytes = bot.rssBytes();
    log(`run ${run} ${kind}: ready in ${bot.startupMs.toFixed(0)} ms, RSS ${(rssAtReadyBytes / 2 ** 20).toFixed(1)} MiB`);
    const prefix = `bench-r${run}`;
    let conversations = (await workload(bot.baseUrl, kind, 'warmup', 16, plan.warmupTurns, prefix, plan.caps.warmupMs)).conversations;
    const workloads: BotRun['workloads'] = [];
    for (const concurrency of plan.concurrencies) {
      for (const name of ['single', 'realistic'] as const) {
        const result = await workload(bot.baseUrl, kind, name, concurrency, name === 'single' ? plan.singleTurns : plan.realisticTurns, prefix, plan.caps.workloadMs);
        conversations += result.conversations;
        workloads.push({ workload: name, concurrency, ...result });
        log(
          `run ${run} ${kind} ${name} c=${concurrency}: ${result.turnsPerSecond.toFixed(0)} turns/s, ` +
            `p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, errors ${result.errors}` +
            (result.cappedByTime ? `, capped at ${result.turns + result.errors} turns` : '') +
            (result.errorSamples.length ? ` (${result.errorSamples.join('; ')})` : '')
        );
      }
    }
    const fill = Math.max(0, plan.distinctConversations - conversations);
    const filled = await workload(bot.baseUrl, kind, 'fill', 64, fill, prefix, plan.caps.fillMs);
    conversations += filled.conversations;
    const rssBytes = bot.rssBytes();
    log(
      `run ${run} ${kind}: RSS ${(rssBytes / 2 ** 20).toFixed(1)} MiB after ${conversations} conversations` +
        (filled.errors ? `; ${filled.errors} errors (${filled.errorSamples.join('; ')})` : '') +
        (filled.cappedByTime ? '; the fill was capped' : '')
    );
    await bot.stop();
    const store = kind === 'beacon' ? measureStore(path.join(dataDir, SQLITE_FILE_NAME)) : undefined;
    // A restart on the same DATA_DIR, as after a deploy or a crash: Beacon finds its trained router there.
    const again = await startBotProcess(kind, { rootDir: ROOT_DIR, dataDir });
    await again.stop();
    log(`run ${run} ${kind}: ready again in ${again.startupMs.toFixed(0)} ms after a restart on the same data`);
    return { run, kind, startupMs: bot.startupMs, restartMs: again.startupMs, rssAtReadyBytes, rssBytes, conversations, fillErrors: filled.errors, store, workloads };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function profileBeacon(plan: Plan) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beacon-bench-'));
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'beacon-prof-'));
  try {
    const bot = await startBotProcess('beacon', { rootDir: ROOT_DIR, dataDir, cpuProfDir: profileDir });
    await workload(bot.baseUrl, 'beacon', 'warmup', 16, plan.warmupTurns, 'bench-prof', plan.caps.warmupMs);
    const fromUs = nowUs();
    const result = await workload(bot.baseUrl, 'beacon', 'realistic', 64, plan.profileTurns, 'bench-prof', plan.caps.profileMs);
    const toUs = nowUs();
    await bot.stop();
    const written = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!written) throw new Error(`Beacon wrote no CPU profile into ${profileDir}.`);
    const file = path.join(RESULTS_DIR, 'beacon-realistic-c64.cpuprofile');
    renameSync(path.join(profileDir, written), file);
    log(`profile: ${result.turns} turns, errors ${result.errors}, written to ${path.relative(ROOT_DIR, file)}`);
    return {
      file: path.relative(ROOT_DIR, file),
      turns: result.turns,
      errors: result.errors,
      ...summarizeProfile(file, ROOT_DIR, { fromUs, toUs }),
      // The same process's start-up (slowed by profiling, so only the shares count): what the start-up target blames.
      startup: summarizeProfile(file, ROOT_DIR, { fromUs: bot.spawnedAtUs, toUs: bot.readyAtUs })
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const plan = quick ? quickPlan : fullPlan;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const startedAt = new Date();
  const began = performance.now();
  log(`${quick ? 'quick' : 'full'} plan: ${plan.runs} run(s), concurrency ${plan.concurrencies.join('/')}, node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(2)}`);

  const runs: BotRun[] = [];
  for (let run = 1; run <= plan.runs; run += 1) {
    const order: BotKind[] = run % 2 === 1 ? ['echo', 'beacon'] : ['beacon', 'echo'];
    for (const kind of order) runs.push(await benchBot(kind, run, plan));
  }
  const profile = await profileBeacon(plan);
  const readings = await measureReadings();
  const summary = summarize(runs, plan, readings);
  const elapsedS = (performance.now() - began) / 1000;
  const report = {
    startedAt: startedAt.toISOString(),
    elapsedS,
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAvgAtEnd: os.loadavg() },
    plan,
    summary,
    profile,
    readings,
    runs
  };
  const name = `bench-${startedAt.toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`;
  writeFileSync(path.join(RESULTS_DIR, name), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  printReport(summary, profile, plan, elapsedS);
  process.stdout.write(`\nJSON: bench/results/${name} (and latest.json); profile: ${profile.file}\n`);
  if (summary.errors > 0) {
    process.stderr.write(`\n${summary.errors} turns failed: these figures are not valid.\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
