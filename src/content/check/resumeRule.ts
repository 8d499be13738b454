/**
 * `resume-outside-interruption`: a `resume` step goes on with what an interrupted message asked for. Only a
 * script the engine starts as an interruption (one that is not routable, such as `core/crisis`) has an
 * interrupted message; in a routable lesson a `resume` would silently do nothing but end it. Use `end` there.
 */
import { error, scriptFile, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';

export function checkResume(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const script of content.scripts.values()) {
    if (!script.routable) continue;
    for (const [id, step] of Object.entries(script.steps)) {
      if (step.type !== 'resume') continue;
      const file = scriptFile(script.id);
      problems.push(error(file, `steps.${id}`, 'resume-outside-interruption', `${file} step "${id}" is a "resume" step, but the script is routable: only an interruption (a script with "routable": false, like core/crisis) has a message to resume; use an "end" step instead.`));
    }
  }
  return problems;
}
