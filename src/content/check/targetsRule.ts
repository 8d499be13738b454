/**
 * `step-target`: every step a script names (`start`, `next`, a choice's `next`, `freeText`, a branch's `cases`
 * and `default`) exists in that script. `call-target`: every script a `call` step names exists in `dialogs/`.
 * The engine would otherwise fail in the middle of a conversation, where the user can least afford it.
 */
import { allowedTypos, editDistance } from '../../engine/normalize';
import { error, scriptFile, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { scriptEdges } from './scriptGraph';

export function checkTargets(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const script of content.scripts.values()) {
    const file = scriptFile(script.id);
    const steps = Object.keys(script.steps);
    for (const edge of scriptEdges(script)) {
      if (edge.to in script.steps) continue;
      const near = closest(edge.to, steps);
      problems.push(
        error(file, edge.where, 'step-target',
          `${file} at ${edge.where} goes to step "${edge.to}", which is not in this script: ` +
            `${near ? `did you mean "${near}"? ` : ''}name one of its steps (${steps.slice(0, 8).join(', ')}${steps.length > 8 ? ', …' : ''}) or add a step "${edge.to}".`)
      );
    }
    for (const [id, step] of Object.entries(script.steps)) {
      if (step.type !== 'call' || content.scripts.has(step.script) || content.brokenScripts.has(step.script)) continue;
      problems.push(
        error(file, `steps.${id}.script`, 'call-target',
          `${file} at steps.${id} calls script "${step.script}", but there is no ${scriptFile(step.script)}: ` +
            'fix the id (a script\'s id is its path under dialogs/, without ".json") or add the script.')
      );
    }
  }
  return problems;
}

/** A step id that differs only by case or a typo or two, to suggest (none for ids of three letters or fewer). */
function closest(wanted: string, ids: string[]): string | undefined {
  const typos = allowedTypos(wanted.length);
  return ids.find((id) => editDistance(id.toLowerCase(), wanted.toLowerCase(), typos) <= typos);
}
