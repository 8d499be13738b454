/**
 * `examples`: every routable script has at least 12 different example phrases in every shipped language, under
 * the key `examples` of its namespace. The free-text router learns each script from these phrases alone
 * (createEngine.ts); with fewer, people who type their question in their own words land on the wrong topic or
 * on none. Phrases are counted after normalising (case, accents, punctuation), so near-copies count once.
 */
import { normalize } from '../../engine/normalize';
import { error, languageName, localeFile, scriptFile, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';

export const MIN_EXAMPLES = 12;

export function checkExamples(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const script of content.scripts.values()) {
    if (!script.routable) continue;
    for (const language of content.languages) {
      const texts = content.locales.get(language)?.get(script.id);
      if (!texts) continue; // a missing file is reported once, by missing-key (or parse when it is broken)
      const value = texts.get('examples');
      const phrases = Array.isArray(value) ? new Set(value.filter((v): v is string => typeof v === 'string').map(normalize).filter(Boolean)) : new Set<string>();
      if (phrases.size >= MIN_EXAMPLES) continue;
      const file = localeFile(language, script.id);
      problems.push(
        error(file, 'examples', 'examples',
          `${scriptFile(script.id)} is routable but ${file} has ${phrases.size} different "examples" (needs at least ${MIN_EXAMPLES}): ` +
            `add ${MIN_EXAMPLES - phrases.size} or more ${languageName(language)} phrases that people would type to reach this topic, or set "routable": false in the script.`)
      );
    }
  }
  return problems;
}
