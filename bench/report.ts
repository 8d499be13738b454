/**
 * Turns the runs into figures (each the median of the runs, with min and max), checks them against the
 * targets, and prints the table. Ratios are taken run by run (Beacon's run i against the echo bot's run i,
 * measured minutes apart) before the median, so that a noisy machine moves both sides of each ratio together.
 */
import type { WorkloadResult } from './driver';
import type { BotKind } from './botProcess';
import type { Plan } from './plan';
import type { ProfileSummary } from './profile';
import type { ReadingCosts } from './readingCost';
import { type Spread, spread } from './stats';
import type { StoreSize } from './storeSize';

export interface BotRun {
  run: number;
  kind: BotKind;
  startupMs: number;
  /** Start-up again on the same DATA_DIR (a restart); absent in results written before it was measured. */
  restartMs?: number;
  rssAtReadyBytes: number;
  rssBytes: number;
  conversations: number;
  fillErrors: number;
  store?: StoreSize;
  workloads: Array<WorkloadResult & { workload: 'single' | 'realistic'; concurrency: number }>;
}

interface Side {
  turnsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  errors: number;
  /** Runs whose workload the time cap ended before its budget of turns was spent. */
  capped: number;
}

export interface WorkloadRow {
  workload: 'single' | 'realistic';
  concurrency: number;
  echo: Side;
  beacon: Side;
  throughputRatio: Spread;
  p99Ratio: Spread;
}

export interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean;
  miss?: string;
}

export interface Summary {
  workloads: WorkloadRow[];
  startupMs: Record<BotKind, Spread>;
  restartMs: Record<BotKind, Spread>;
  rssAtReadyMiB: Record<BotKind, Spread>;
  rssMiB: Record<BotKind, Spread>;
  conversationsBeforeRss: number;
  storedBytesPerConversation: Spread;
  rowBytesPerConversation: Spread;
  rowBytesPerSingleTurnConversation: Spread;
  /** The danger check and the understanding reading, in process, per message. */
  readings: ReadingCosts;
  targets: Target[];
  errors: number;
}

export function summarize(runs: BotRun[], plan: Plan, readings: ReadingCosts): Summary {
  const of = (kind: BotKind) => runs.filter((r) => r.kind === kind).sort((a, b) => a.run - b.run);
  const echo = of('echo');
  const beacon = of('beacon');
  const find = (run: BotRun, workload: string, concurrency: number) =>
    run.workloads.find((w) => w.workload === workload && w.concurrency === concurrency) as WorkloadResult;
  const side = (list: BotRun[], workload: string, c: number): Side => ({
    turnsPerSecond: spread(list.map((r) => find(r, workload, c).turnsPerSecond)),
    p50Ms: spread(list.map((r) => find(r, workload, c).p50Ms)),
    p99Ms: spread(list.map((r) => find(r, workload, c).p99Ms)),
    errors: list.reduce((sum, r) => sum + find(r, workload, c).errors, 0),
    capped: list.filter((r) => find(r, workload, c).cappedByTime).length
  });
  const paired = (workload: string, c: number, value: (b: WorkloadResult, e: WorkloadResult) => number) =>
    spread(beacon.map((b, i) => value(find(b, workload, c), find(echo[i] as BotRun, workload, c))));

  const workloads: WorkloadRow[] = [];
  for (const concurrency of plan.concurrencies) {
    for (const workload of ['single', 'realistic'] as const) {
      workloads.push({
        workload,
        concurrency,
        echo: side(echo, workload, concurrency),
        beacon: side(beacon, workload, concurrency),
        throughputRatio: paired(workload, concurrency, (b, e) => b.turnsPerSecond / e.turnsPerSecond),
        p99Ratio: paired(workload, concurrency, (b, e) => b.p99Ms / e.p99Ms)
      });
    }
  }
  const summary: Omit<Summary, 'targets'> = {
    workloads,
    startupMs: { echo: spread(echo.map((r) => r.startupMs)), beacon: spread(beacon.map((r) => r.startupMs)) },
    restartMs: { echo: spread(echo.map((r) => r.restartMs ?? Number.NaN)), beacon: spread(beacon.map((r) => r.restartMs ?? Number.NaN)) },
    rssAtReadyMiB: { echo: spread(echo.map((r) => r.rssAtReadyBytes / 2 ** 20)), beacon: spread(beacon.map((r) => r.rssAtReadyBytes / 2 ** 20)) },
    rssMiB: { echo: spread(echo.map((r) => r.rssBytes / 2 ** 20)), beacon: spread(beacon.map((r) => r.rssBytes / 2 ** 20)) },
    conversationsBeforeRss: Math.min(...runs.map((r) => r.conversations)),
    storedBytesPerConversation: spread(beacon.map((r) => r.store?.diskBytesPerRealisticConversation ?? Number.NaN)),
    rowBytesPerConversation: spread(beacon.map((r) => r.store?.rowBytesPerRealisticConversation ?? Number.NaN)),
    rowBytesPerSingleTurnConversation: spread(beacon.map((r) => r.store?.rowBytesPerSingleConversation ?? Number.NaN)),
    readings,
    errors: runs.reduce((sum, r) => sum + r.fillErrors + r.workloads.reduce((s, w) => s + w.errors, 0), 0)
  };
  return { ...summary, targets: targets(summary) };
}

function targets(s: Omit<Summary, 'targets'>): Target[] {
  const at64 = s.workloads.find((w) => w.workload === 'realistic' && w.concurrency === 64);
  const list: Target[] = [];
  if (at64) {
    const ratio = at64.throughputRatio.median;
    list.push({
      name: 'throughput, realistic, c=64',
      target: '≥ 0.60× echo',
      measured: `${ratio.toFixed(2)}× echo`,
      met: ratio >= 0.6,
      miss: ratio >= 0.6 ? undefined : `short by ${pct(1 - ratio / 0.6)}: Beacon needs ${(0.6 / ratio).toFixed(1)}× its throughput`
    });
    const p99 = at64.p99Ratio.median;
    list.push({
      name: 'p99 latency, realistic, c=64',
      target: '≤ 1.5× echo p99',
      measured: `${p99.toFixed(2)}× (${fmtMs(at64.beacon.p99Ms.median)} vs ${fmtMs(at64.echo.p99Ms.median)} ms)`,
      met: p99 <= 1.5,
      miss: p99 <= 1.5 ? undefined : `over by ${pct(p99 / 1.5 - 1)}: p99 must fall ${(p99 / 1.5).toFixed(1)}×`
    });
  }
  const stored = s.storedBytesPerConversation.median;
  list.push({
    name: 'stored per conversation',
    target: '≤ 4096 B',
    measured: `${stored.toFixed(0)} B`,
    met: stored <= 4096,
    miss: stored <= 4096 ? undefined : `over by ${(stored - 4096).toFixed(0)} B (${pct(stored / 4096 - 1)})`
  });
  list.push(atMost('start-up to /readyz, empty DATA_DIR', s.startupMs.beacon.median, 1000, 'ms', 0));
  list.push(atMost('RSS when ready', s.rssAtReadyMiB.beacon.median, 200, 'MiB', 1));
  const rssRatio = s.rssMiB.beacon.median / s.rssMiB.echo.median;
  list.push({
    name: `RSS after ${s.conversationsBeforeRss} conversations`,
    target: '≤ 1.5× echo',
    measured: `${rssRatio.toFixed(2)}× (${s.rssMiB.beacon.median.toFixed(0)} vs ${s.rssMiB.echo.median.toFixed(0)} MiB)`,
    met: rssRatio <= 1.5,
    miss: rssRatio <= 1.5 ? undefined : `over by ${pct(rssRatio / 1.5 - 1)}`
  });
  list.push(atMost('danger check p99, per message', s.readings.danger.p99Us / 1000, 1, 'ms', 2));
  return list;
}

function atMost(name: string, measured: number, goal: number, unit: string, digits: number): Target {
  const met = measured <= goal;
  return {
    name,
    target: `≤ ${goal} ${unit}`,
    measured: `${measured.toFixed(digits)} ${unit}`,
    met,
    miss: met ? undefined : `over by ${(measured - goal).toFixed(digits)} ${unit} (${pct(measured / goal - 1)})`
  };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const fmtMs = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const range = (s: Spread, f: (x: number) => string) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
const int = (x: number) => x.toFixed(0);
const two = (x: number) => x.toFixed(2);

const packages = (p: ProfileSummary) =>
  p.byPackage
    .slice(0, 8)
    .map((entry) => `${entry.package} ${pct(entry.share)}`)
    .join(', ');

/** A plain-text table; `align` has one letter per column, l or r. */
function table(align: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printReport(s: Summary, profile: ProfileSummary & { turns: number; startup: ProfileSummary }, plan: Plan, elapsedS: number): void {
  const out: string[] = [];
  out.push(`\nBeacon vs. bare echo bot: median (min–max) of ${plan.runs} run(s); ${plan.singleTurns} single / ${plan.realisticTurns} realistic turns per cell`);
  out.push('');
  out.push(
    table(
      'lrrrrrrrrrr',
      ['workload', 'conc', 'echo turns/s', 'beacon turns/s', 'beacon/echo', 'echo p50 ms', 'echo p99 ms', 'beacon p50 ms', 'beacon p99 ms', 'p99 ratio', 'errors'],
      s.workloads.map((w) => [
        w.workload,
        String(w.concurrency),
        range(w.echo.turnsPerSecond, int) + (w.echo.capped ? '*' : ''),
        range(w.beacon.turnsPerSecond, int) + (w.beacon.capped ? '*' : ''),
        range(w.throughputRatio, two),
        range(w.echo.p50Ms, fmtMs),
        range(w.echo.p99Ms, fmtMs),
        range(w.beacon.p50Ms, fmtMs),
        range(w.beacon.p99Ms, fmtMs),
        range(w.p99Ratio, two),
        `${w.echo.errors}/${w.beacon.errors}`
      ])
    )
  );
  if (s.workloads.some((w) => w.echo.capped || w.beacon.capped)) {
    out.push('* the time cap ended at least one run of this workload before its budget of turns: the machine was slow');
  }
  out.push('');
  out.push(
    table(
      'lrr',
      ['per process', 'echo', 'beacon'],
      [
        ['start-up to /readyz 200, first start (ms)', range(s.startupMs.echo, int), range(s.startupMs.beacon, int)],
        ['start-up to /readyz 200, restart on the same data (ms)', range(s.restartMs.echo, int), range(s.restartMs.beacon, int)],
        ['RSS when ready (MiB)', range(s.rssAtReadyMiB.echo, (x) => x.toFixed(1)), range(s.rssAtReadyMiB.beacon, (x) => x.toFixed(1))],
        [`RSS after ${s.conversationsBeforeRss} conversations (MiB)`, range(s.rssMiB.echo, (x) => x.toFixed(1)), range(s.rssMiB.beacon, (x) => x.toFixed(1))],
        ['stored per walked conversation, on disk (B)', '–', range(s.storedBytesPerConversation, int)],
        ['  of which row data (B)', '–', range(s.rowBytesPerConversation, int)],
        ['stored per single-turn conversation, row data (B)', '–', range(s.rowBytesPerSingleTurnConversation, int)]
      ]
    )
  );
  out.push('');
  out.push(
    table(
      'lrrr',
      ['in process, per message (µs)', 'median', 'p99', 'messages'],
      [
        ['danger check', int(s.readings.danger.medianUs), int(s.readings.danger.p99Us), String(s.readings.danger.messages)],
        ['understanding reading (danger included)', int(s.readings.understanding.medianUs), int(s.readings.understanding.p99Us), String(s.readings.understanding.messages)]
      ]
    )
  );
  out.push('');
  out.push(
    table(
      'llll',
      ['target', 'goal', 'measured', 'verdict'],
      s.targets.map((t) => [t.name, t.target, t.measured, t.met ? 'met' : `MISSED: ${t.miss}`])
    )
  );
  out.push('');
  out.push(`CPU profile, realistic conversations at c=64 (${profile.turns} turns, ${(profile.busyMs / 1000).toFixed(1)} s busy): top 5 functions by self time`);
  out.push(
    table(
      'rlrrl',
      ['#', 'function', 'self ms', 'share', 'file'],
      profile.top.map((f, i) => [String(i + 1), f.function, int(f.selfMs), pct(f.share), f.file])
    )
  );
  out.push('');
  out.push(`self time by package: ${packages(profile)}`);
  out.push('');
  out.push(`Start-up of the profiled process (${(profile.startup.busyMs / 1000).toFixed(1)} s busy, slowed by profiling): top 5 functions by self time`);
  out.push(
    table(
      'rlrrl',
      ['#', 'function', 'self ms', 'share', 'file'],
      profile.startup.top.map((f, i) => [String(i + 1), f.function, int(f.selfMs), pct(f.share), f.file])
    )
  );
  out.push(`self time by package: ${packages(profile.startup)}`);
  out.push(`\nerrors: ${s.errors}; elapsed ${elapsedS.toFixed(0)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}
