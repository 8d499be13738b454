/**
 * `way-on`: a lesson never leaves the user with nothing to do next (DESIGN rule 7: a way out everywhere).
 *
 * A lesson is a routable script outside `core/` (core scripts are Beacon's own machinery: help, helplines, a
 * person, about). A WAY-ON STEP is one that offers a next move:
 * - a `call` of `core/next` (another topic, a helpline or a person), `core/helplines`, `core/person` or `menu`;
 * - a `helplines` or `handoff` step;
 * - an `ask` with a choice whose `next` is a `call` of `core/helplines` or `core/person`, or a `helplines` or
 *   `handoff` step.
 * The rule: on every path from `start` to a place where the lesson ends (see `canEndAt`), a way-on step comes
 * after the last question that is not itself a way-on step. So a lesson can open with the helplines, but it must
 * also close with a way on if it asks anything afterwards. A `call` of any other script is neutral.
 */
import type { Script, Step } from '../scriptSchema';
import { error, scriptFile, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { asksUser, canEndAt, successors } from './scriptGraph';

export const WAY_ON_SCRIPTS: ReadonlySet<string> = new Set(['core/next', 'core/helplines', 'core/person', 'menu']);
const HELP_SCRIPTS: ReadonlySet<string> = new Set(['core/helplines', 'core/person']);

export function isLesson(script: Script): boolean {
  return script.routable && !script.id.startsWith('core/');
}

export function isWayOn(script: Script, step: Step): boolean {
  if (step.type === 'helplines' || step.type === 'handoff') return true;
  if (step.type === 'call') return WAY_ON_SCRIPTS.has(step.script);
  if (step.type !== 'ask') return false;
  return step.choices.some((choice) => {
    const target = choice.next === undefined ? undefined : script.steps[choice.next];
    return target !== undefined && (target.type === 'helplines' || target.type === 'handoff' || (target.type === 'call' && HELP_SCRIPTS.has(target.script)));
  });
}

/** The steps where the lesson can end without a way on since its last question, in script order. */
export function endsWithoutWayOn(script: Script): string[] {
  const next = successors(script);
  const bare = new Set<string>();
  const seen = new Set<string>();
  const queue: [string, boolean][] = [[script.start, false]];
  for (let item = queue.shift(); item; item = queue.shift()) {
    const [id, offered] = item;
    const step = script.steps[id];
    if (!step || seen.has(`${id}|${offered}`)) continue;
    seen.add(`${id}|${offered}`);
    const now = isWayOn(script, step) ? true : asksUser(step) ? false : offered;
    if (!now && canEndAt(step)) bare.add(id);
    for (const to of next.get(id) ?? []) queue.push([to, now]);
  }
  return Object.keys(script.steps).filter((id) => bare.has(id));
}

export function checkWayOn(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const script of content.scripts.values()) {
    if (!isLesson(script)) continue;
    const file = scriptFile(script.id);
    for (const id of endsWithoutWayOn(script)) {
      problems.push(
        error(file, `steps.${id}`, 'way-on',
          `${file} is a lesson but can end at step "${id}" without offering a way on after its last question: ` +
            'before it ends, add a call step to "core/next" (another topic, a helpline or a person), a helplines or handoff step, ' +
            'or an ask with a choice that leads to core/helplines or core/person.')
      );
    }
  }
  return problems;
}
