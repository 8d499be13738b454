/**
 * `unreachable-step`: every step can be reached from `start` through the script's targets. A step nobody can
 * reach is text that no user will ever see, often the sign of a `next` that points to the wrong step.
 */
import { error, scriptFile, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { reachable } from './scriptGraph';

export function checkReachability(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const script of content.scripts.values()) {
    const file = scriptFile(script.id);
    const seen = reachable(script);
    for (const id of Object.keys(script.steps)) {
      if (seen.has(id)) continue;
      problems.push(
        error(file, `steps.${id}`, 'unreachable-step',
          `${file}: step "${id}" cannot be reached from start ("${script.start}"): point a next, a choice or a branch at it, or delete it.`)
      );
    }
  }
  return problems;
}
