/**
 * `loop-without-question`: steps that can follow each other in a circle without ever waiting for the user. The
 * engine runs steps until one waits (an `ask` or a `quiz`), so such a circle would repeat within one turn until
 * the engine's safety limit throws, and the user would get an error instead of an answer.
 *
 * A `call` waits too when the called script always asks something before it ends (a menu, `core/next`); a call
 * to a script that can end without asking (e.g. `core/person`) does not.
 */
import type { Script } from '../scriptSchema';
import { error, scriptFile, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { asksUser, canEndAt, successors } from './scriptGraph';

export function checkLoops(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const waits = alwaysAsks(content.scripts);
  for (const script of content.scripts.values()) {
    const file = scriptFile(script.id);
    for (const cycle of cycles(script)) {
      const stops = cycle.some((id) => {
        const step = script.steps[id]!;
        return asksUser(step) || (step.type === 'call' && waits(step.script));
      });
      if (stops) continue;
      const path = [...cycle, cycle[0]].map((id) => `"${id}"`).join(' → ');
      problems.push(
        error(file, `steps.${cycle[0]}`, 'loop-without-question',
          `${file}: steps ${path} form a loop with no ask or quiz, so the bot would run them again and again in one turn: ` +
            'add an ask step to the loop, or change a next so that these steps no longer lead back to each other.')
      );
    }
  }
  return problems;
}

/** Strongly connected components that are loops (Tarjan), each in script order. */
function cycles(script: Script): string[][] {
  const next = successors(script);
  const order = Object.keys(script.steps);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (id: string): void => {
    index.set(id, index.size);
    low.set(id, index.get(id)!);
    stack.push(id);
    for (const to of next.get(id) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(id, Math.min(low.get(id)!, low.get(to)!));
      } else if (stack.includes(to)) {
        low.set(id, Math.min(low.get(id)!, index.get(to)!));
      }
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = top === id ? undefined : stack.pop()) component.push(top);
    if (component.length > 1 || (next.get(id) ?? []).includes(id)) found.push(component.sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  };
  for (const id of order) if (!index.has(id)) visit(id);
  return found;
}

/** Whether a script, from its start, always waits for the user before it can end (memoised, safe on mutual calls). */
function alwaysAsks(scripts: ReadonlyMap<string, Script>): (id: string) => boolean {
  const memo = new Map<string, boolean>();
  const check = (scriptId: string): boolean => {
    const known = memo.get(scriptId);
    if (known !== undefined) return known;
    memo.set(scriptId, false);
    const script = scripts.get(scriptId);
    const next = script ? successors(script) : new Map<string, string[]>();
    const onPath = new Set<string>();
    const waitsFrom = (id: string): boolean => {
      const step = script?.steps[id];
      if (!step) return false;
      if (asksUser(step) || (step.type === 'call' && check(step.script))) return true;
      if (canEndAt(step) || onPath.has(id)) return false;
      onPath.add(id);
      const result = (next.get(id) ?? []).every(waitsFrom);
      onPath.delete(id);
      return result;
    };
    const result = script !== undefined && waitsFrom(script.start);
    memo.set(scriptId, result);
    return result;
  };
  return check;
}
