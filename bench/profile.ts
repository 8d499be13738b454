/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and ranks functions by self time: the time the CPU spent in the
 * function's own code, not in what it called. Functions are grouped by name and file (a function's closures
 * in many places count as one), and the same self time is also summed by package, which says where the cost
 * lives: Beacon's own code, botbuilder, restify, node itself, or the garbage collector.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  startTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CostlyFunction {
  function: string;
  file: string;
  selfMs: number;
  /** Share of the busy (non-idle) time, 0–1. */
  share: number;
}

export interface ProfileSummary {
  busyMs: number;
  top: CostlyFunction[];
  byPackage: Array<{ package: string; selfMs: number; share: number }>;
}

/** Pseudo-frames that are not functions anyone can change. */
const PSEUDO = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** A span of the monotonic clock in microseconds (V8's profile clock; `process.hrtime.bigint() / 1000n`). */
export interface Window {
  fromUs: number;
  toUs: number;
}

/**
 * Ranks the functions of the samples taken inside `window` (the measured workload: not start-up, which loads
 * modules and trains the language models, and not the warm-up).
 */
export function summarizeProfile(file: string, rootDir: string, window?: Window, count = 5): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; attribute it to sample i's node (Chrome DevTools does the same).
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (window && (at < window.fromUs || at > window.toUs)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
  });

  const byFunction = new Map<string, CostlyFunction>();
  const byPackage = new Map<string, number>();
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const frame = (nodes.get(id) as ProfileNode).callFrame;
    if (frame.functionName === '(idle)') continue;
    busyUs += us;
    const where = shortFile(frame.url, rootDir);
    byPackage.set(packageOf(frame), (byPackage.get(packageOf(frame)) ?? 0) + us);
    if (PSEUDO.has(frame.functionName)) continue;
    const name = frame.functionName || `(anonymous:${frame.lineNumber + 1})`;
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { function: name, file: where, selfMs: 0, share: 0 };
    entry.selfMs += us / 1000;
    byFunction.set(key, entry);
  }
  const busyMs = busyUs / 1000;
  const top = [...byFunction.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, count);
  for (const entry of top) entry.share = entry.selfMs / busyMs;
  const packages = [...byPackage.entries()]
    .map(([name, us]) => ({ package: name, selfMs: us / 1000, share: us / 1000 / busyMs }))
    .sort((a, b) => b.selfMs - a.selfMs);
  return { busyMs, top, byPackage: packages };
}

function shortFile(url: string, rootDir: string): string {
  if (!url) return '(native)';
  const plain = url.replace(/^file:\/\//, '');
  return plain.startsWith(`${rootDir}/`) ? plain.slice(rootDir.length + 1) : plain;
}

/** node_modules/<pkg> (or @scope/pkg), Beacon's own dist/src, node: internals, or the pseudo-frame itself. */
function packageOf(frame: ProfileNode['callFrame']): string {
  if (PSEUDO.has(frame.functionName)) return frame.functionName;
  const url = frame.url;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1] as string;
  if (url.includes('/dist/src/')) return 'beacon (dist/src)';
  if (url.startsWith('node:') || url === '') return 'node internals / native';
  return url;
}
