/**
 * How much work each figure gets. The full plan takes about four minutes on a quiet two-core machine (three
 * runs of each bot). On a busy machine the time caps end a workload early rather than let the bench run past
 * ten minutes (at worst about eight): the table flags a capped figure, and memory is then read after fewer
 * conversations (the table says how many). `--quick` is one small run for trying a change, not for reporting.
 */
export interface Plan {
  runs: number;
  concurrencies: number[];
  /** Turns per measured workload, by workload and concurrency. */
  singleTurns: number;
  realisticTurns: number;
  /** Turns sent before measuring, so that the JIT has warmed up. */
  warmupTurns: number;
  /** Resident memory is read after this many distinct conversations. */
  distinctConversations: number;
  /** Turns of the profiled realistic run at concurrency 64. */
  profileTurns: number;
  /** Time caps (ms) for a measured workload, the warm-up, the fill to N conversations and the profiled run. */
  caps: { workloadMs: number; warmupMs: number; fillMs: number; profileMs: number };
}

export const fullPlan: Plan = {
  runs: 3,
  concurrencies: [1, 16, 64, 256],
  singleTurns: 750,
  realisticTurns: 1000,
  warmupTurns: 300,
  distinctConversations: 10000,
  profileTurns: 2000,
  caps: { workloadMs: 6000, warmupMs: 4000, fillMs: 30000, profileMs: 15000 }
};

export const quickPlan: Plan = {
  runs: 1,
  concurrencies: [1, 16, 64, 256],
  singleTurns: 300,
  realisticTurns: 600,
  warmupTurns: 200,
  distinctConversations: 2000,
  profileTurns: 1000,
  caps: { workloadMs: 4000, warmupMs: 3000, fillMs: 10000, profileMs: 8000 }
};
