/**
 * `message-run`: at most four bot messages in a row before the user is asked something or offered a choice. On a
 * phone a longer run is a wall of text, and a frightened child reads the first two or three bubbles (content
 * review, December 2026, finding 9). Split a long chain with an `ask` ("What can I do?" / "Next").
 *
 * A run starts where the bot speaks after the user did something: the script's `start`, a choice's `next`, a
 * `freeText` target, and after a quiz's last answer (its feedback and band text count as two). It counts the
 * messages of `say` steps and of an `end` message, follows `next`, `set` and every `branch` case, and stops at a
 * step that asks (`ask`, `quiz`) or hands over to something with its own pacing (`call`, `helplines`, `handoff`,
 * `resume`). The longest path counts.
 */
import type { Script, Step } from '../scriptSchema';
import { error, scriptFile, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';

export const MAX_MESSAGES_IN_A_ROW = 4;

/** The messages a step sends itself before the run goes on. */
function ownMessages(step: Step): number {
  if (step.type === 'say') return step.messages.length;
  if (step.type === 'end') return step.message ? 1 : 0;
  return 0;
}

/** The steps a run goes on to after this one; none when the step stops the run. */
function runsOnTo(step: Step): string[] {
  if (step.type === 'say' || step.type === 'set') return step.next === undefined ? [] : [step.next];
  if (step.type === 'branch') return [...new Set([...Object.values(step.cases), step.default])];
  return [];
}

/** The longest run of messages from `id`, with the steps on it (a circle is cut where it closes). */
export function longestRun(script: Script, id: string, seen: ReadonlySet<string> = new Set()): { count: number; path: string[] } {
  const step = script.steps[id];
  if (!step || seen.has(id)) return { count: 0, path: [] };
  const inner = new Set(seen).add(id);
  let best = { count: 0, path: [] as string[] };
  for (const to of runsOnTo(step)) {
    const run = longestRun(script, to, inner);
    if (run.count > best.count) best = run;
  }
  return { count: ownMessages(step) + best.count, path: [id, ...best.path] };
}

/** Where runs start, each with the messages already sent there (a quiz's last feedback and band). */
function runStarts(script: Script): { where: string; to: string; before: number }[] {
  const starts = [{ where: 'start', to: script.start, before: 0 }];
  for (const [id, step] of Object.entries(script.steps)) {
    if (step.type === 'ask') {
      for (const c of step.choices) if (c.next) starts.push({ where: `steps.${id}.choices[${c.id}].next`, to: c.next, before: 0 });
      if (step.freeText) starts.push({ where: `steps.${id}.freeText`, to: step.freeText, before: 0 });
    }
    if (step.type === 'quiz') {
      for (const [i, band] of step.bands.entries()) {
        const to = band.next ?? step.next;
        if (to) starts.push({ where: band.next ? `steps.${id}.bands[${i}].next` : `steps.${id}.next`, to, before: 2 });
      }
    }
  }
  return starts;
}

export function checkMessageRuns(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const script of content.scripts.values()) {
    const file = scriptFile(script.id);
    const reported = new Set<string>();
    for (const { where, to, before } of runStarts(script)) {
      const run = longestRun(script, to);
      const count = before + run.count;
      if (count <= MAX_MESSAGES_IN_A_ROW || reported.has(`${where}|${to}`)) continue;
      reported.add(`${where}|${to}`);
      const steps = run.path.map((s) => `"${s}"`).join(' → ');
      problems.push(
        error(file, where, 'message-run',
          `${file}: from ${where} the bot sends ${count} messages in a row (steps ${steps}) before asking anything: ` +
            `keep it to at most ${MAX_MESSAGES_IN_A_ROW}, by shortening the messages or by splitting the chain with an ask step (e.g. "What can I do?" / "Next").`)
      );
    }
  }
  return problems;
}
