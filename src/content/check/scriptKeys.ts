/**
 * Every translation key a script uses, where it uses it, and what kind of value the engine expects there.
 * Mirrors `ScriptText.qualify`: a key without ":" belongs to the script's own namespace (its id), `ns:key`
 * to another namespace.
 */
import type { Script, Step } from '../scriptSchema';

export type KeyRole = 'title' | 'message' | 'link' | 'prompt' | 'choice' | 'synonyms' | 'feedback';

export interface KeyUse {
  namespace: string;
  key: string;
  /** A text, or a list (synonyms are read with `Translator.list`). */
  kind: 'text' | 'list';
  role: KeyRole;
  /** The place in the script, e.g. `steps.who.choices[young].synonyms`. */
  where: string;
}

export function qualify(scriptId: string, ref: string): { namespace: string; key: string } {
  const colon = ref.indexOf(':');
  return colon < 0 ? { namespace: scriptId, key: ref } : { namespace: ref.slice(0, colon), key: ref.slice(colon + 1) };
}

export function keyUses(script: Script): KeyUse[] {
  const uses: KeyUse[] = [];
  const use = (ref: string | undefined, role: KeyRole, where: string, kind: 'text' | 'list' = 'text') => {
    if (ref !== undefined) uses.push({ ...qualify(script.id, ref), kind, role, where });
  };
  use(script.title, 'title', 'title');
  for (const [id, step] of Object.entries(script.steps)) stepKeys(step, `steps.${id}`, use);
  return uses;
}

type Use = (ref: string | undefined, role: KeyRole, where: string, kind?: 'text' | 'list') => void;

function stepKeys(step: Step, at: string, use: Use): void {
  switch (step.type) {
    case 'say':
      step.messages.forEach((key, i) => use(key, 'message', `${at}.messages[${i}]`));
      step.links?.forEach((link, i) => use(link.title, 'link', `${at}.links[${i}].title`));
      return;
    case 'ask':
      use(step.prompt, 'prompt', `${at}.prompt`);
      for (const choice of step.choices) {
        use(choice.title, 'choice', `${at}.choices[${choice.id}].title`);
        use(choice.synonyms, 'synonyms', `${at}.choices[${choice.id}].synonyms`, 'list');
        use(choice.inside, 'synonyms', `${at}.choices[${choice.id}].inside`, 'list');
      }
      return;
    case 'quiz':
      use(step.intro, 'message', `${at}.intro`);
      for (const question of step.questions) {
        const q = `${at}.questions[${question.id}]`;
        use(question.prompt, 'prompt', `${q}.prompt`);
        for (const answer of question.answers) {
          use(answer.title, 'choice', `${q}.answers[${answer.id}].title`);
          use(answer.feedback, 'feedback', `${q}.answers[${answer.id}].feedback`);
        }
      }
      step.bands.forEach((band, i) => use(band.feedback, 'feedback', `${at}.bands[${i}].feedback`));
      return;
    case 'end':
      use(step.message, 'message', `${at}.message`);
      return;
    default:
      return;
  }
}
