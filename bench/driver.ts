/**
 * The load generator: `concurrency` virtual users, each walking conversations one turn at a time through
 * POST /api/messages with expectReplies, until a fixed budget of turns is spent (a user still in the middle of
 * a conversation then simply leaves, as real users do), or a time cap passes on a machine too slow for the
 * budget. Every virtual user stays busy until the end, so the tail is one turn long.
 */
import http from 'node:http';
import { type ConversationScript, messageActivity, replyProblem } from './conversations';
import { percentile } from './stats';

export interface WorkloadOptions {
  baseUrl: string;
  concurrency: number;
  /** Turns to send in all. */
  turns: number;
  /** Send no new turn after this long (the result says so): keeps the whole bench bounded on a busy machine. */
  maxDurationMs?: number;
  scripts: readonly ConversationScript[];
  /** Makes conversation ids distinct across workloads in one process. */
  conversationPrefix: string;
  /** Check that each scripted question is asked (Beacon), or only that replies are not empty (echo bot). */
  checkChoices: boolean;
  timeoutMs?: number;
}

export interface WorkloadResult {
  turns: number;
  errors: number;
  /** The first few distinct errors, to say what went wrong. */
  errorSamples: string[];
  conversations: number;
  /** True when the time cap ended the workload before its budget of turns was spent. */
  cappedByTime: boolean;
  durationMs: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** Turns per second and latency percentiles of one run, from its successful turns' latencies. */
export function summarizeRun(latenciesMs: readonly number[], errors: number, durationMs: number): Pick<WorkloadResult, 'turns' | 'errors' | 'durationMs' | 'turnsPerSecond' | 'p50Ms' | 'p99Ms'> {
  return {
    turns: latenciesMs.length,
    errors,
    durationMs,
    turnsPerSecond: durationMs > 0 ? (latenciesMs.length * 1000) / durationMs : Number.NaN,
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99)
  };
}

export async function runWorkload(options: WorkloadOptions): Promise<WorkloadResult> {
  const url = new URL('/api/messages', options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const errorSamples = new Set<string>();
  let errors = 0;
  let budget = options.turns;
  let conversations = 0;
  let cappedByTime = false;
  const deadline = performance.now() + (options.maxDurationMs ?? Number.POSITIVE_INFINITY);
  const mayContinue = () => {
    if (budget > 0 && performance.now() > deadline) cappedByTime = true;
    return budget > 0 && !cappedByTime;
  };

  const virtualUser = async (): Promise<void> => {
    while (mayContinue()) {
      const index = conversations++;
      const script = options.scripts[index % options.scripts.length] as ConversationScript;
      const conversationId = `${options.conversationPrefix}-${script.name}-${index}`;
      for (let turn = 0; turn < script.turns.length && mayContinue(); turn += 1) {
        budget -= 1;
        const step = script.turns[turn] as ConversationScript['turns'][number];
        const body = JSON.stringify(messageActivity(conversationId, script.channelId, step.text, turn));
        const started = performance.now();
        const problem = await postTurn(url, agent, body, options.checkChoices && step.asks, options.timeoutMs ?? 30000);
        if (problem) {
          errors += 1;
          if (errorSamples.size < 5) errorSamples.add(`${script.name} turn ${turn + 1}: ${problem}`);
          break; // off the path: this user starts a new conversation
        }
        latencies.push(performance.now() - started);
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, virtualUser));
  const durationMs = performance.now() - started;
  agent.destroy();
  return { ...summarizeRun(latencies, errors, durationMs), conversations, cappedByTime, errorSamples: [...errorSamples] };
}

/** Posts one activity; resolves with what was wrong with the answer, or undefined when it was good. */
function postTurn(url: URL, agent: http.Agent, body: string, mustAsk: boolean, timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => resolve(`response error: ${error.message}`));
        res.on('end', () => {
          if (res.statusCode !== 200) return resolve(`HTTP ${res.statusCode}`);
          try {
            resolve(replyProblem(JSON.parse(Buffer.concat(chunks).toString('utf8')), mustAsk));
          } catch {
            resolve('response is not JSON');
          }
        });
      }
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => resolve(`request failed: ${error.message}`));
    req.end(body);
  });
}
