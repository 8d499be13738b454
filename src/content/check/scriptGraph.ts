/**
 * A script as a graph of steps: which step can follow which (every `next`, choice `next`, `freeText`, branch case
 * and default, and `start`), and where the script can end. The flow rules (targets, reachability, loops, a way
 * on) all read the script through this one file, so they agree on what "can follow" means.
 */
import type { Script, Step } from '../scriptSchema';

export interface Edge {
  /** The step the edge leaves; undefined for the script's `start`. */
  from: string | undefined;
  to: string;
  /** The place in the script that names `to`, e.g. `steps.who.choices[young].next`. */
  where: string;
}

export function stepEdges(id: string, step: Step): Edge[] {
  const at = `steps.${id}`;
  const edge = (to: string | undefined, where: string): Edge[] => (to === undefined ? [] : [{ from: id, to, where }]);
  switch (step.type) {
    case 'ask':
      return [...step.choices.flatMap((c) => edge(c.next, `${at}.choices[${c.id}].next`)), ...edge(step.freeText, `${at}.freeText`)];
    case 'branch':
      return [...Object.entries(step.cases).flatMap(([value, to]) => edge(to, `${at}.cases.${value}`)), ...edge(step.default, `${at}.default`)];
    case 'quiz':
      return [...step.bands.flatMap((b, i) => edge(b.next, `${at}.bands[${i}].next`)), ...edge(step.next, `${at}.next`)];
    case 'end':
    case 'resume':
      return [];
    default:
      return edge(step.next, `${at}.next`);
  }
}

/** Every edge of the script, `start` first. */
export function scriptEdges(script: Script): Edge[] {
  return [{ from: undefined, to: script.start, where: 'start' }, ...Object.entries(script.steps).flatMap(([id, step]) => stepEdges(id, step))];
}

/** The steps that can follow each step (targets that exist only; missing ones are the target rule's business). */
export function successors(script: Script): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, step] of Object.entries(script.steps)) {
    out.set(id, [...new Set(stepEdges(id, step).map((e) => e.to).filter((to) => to in script.steps))]);
  }
  return out;
}

/** The steps reachable from `from` (default: `start`), not entering steps for which `stop` is true. */
export function reachable(script: Script, from: readonly string[] = [script.start], stop: (id: string) => boolean = () => false): Set<string> {
  const next = successors(script);
  const seen = new Set<string>();
  const queue = from.filter((id) => id in script.steps && !stop(id));
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const to of next.get(id) ?? []) if (!seen.has(to) && !stop(to)) queue.push(to);
  }
  return seen;
}

/**
 * True when the script can end at this step: an `end` or `resume`; a step without `next`; an `ask` with a choice that has no
 * `next`. A branch never ends (its `default` is required); an unmatched answer to an ask goes to `core/stuck`.
 */
export function canEndAt(step: Step): boolean {
  switch (step.type) {
    case 'end':
    case 'resume':
      return true;
    case 'branch':
      return false;
    case 'quiz':
      return step.next === undefined && step.bands.some((b) => b.next === undefined);
    case 'ask':
      return step.choices.some((c) => c.next === undefined);
    default:
      return step.next === undefined;
  }
}

/** Steps that wait for the user: the only ones that stop a run of steps within one turn. */
export function asksUser(step: Step): boolean {
  return step.type === 'ask' || step.type === 'quiz';
}
