/**
 * `meta`: every script says who owns it, who reviewed it, what it rests on, who it is for, and for every shipped
 * language whether a native speaker reviewed the text (DESIGN rule 9: facts carry sources). The script schema
 * already requires the fields; this rule adds what the schema cannot know (the shipped languages) and refuses
 * blank names.
 */
import { error, languageName, scriptFile, warning, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';

export function checkMeta(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const script of content.scripts.values()) {
    const file = scriptFile(script.id);
    const { meta } = script;
    for (const field of ['owner', 'reviewedBy'] as const) {
      if (!meta[field].trim()) problems.push(error(file, `meta.${field}`, 'meta', `${file}: meta.${field} is blank: name the ${field === 'owner' ? 'person or team who owns this script' : 'reviewer, or say who it awaits review by'}.`));
    }
    if (meta.sources.length === 0) problems.push(error(file, 'meta.sources', 'meta', `${file}: meta.sources is empty: list at least one source (title and https:// address) for what the script says.`));
    if (meta.audience.length === 0) problems.push(error(file, 'meta.audience', 'meta', `${file}: meta.audience is empty: say who the script is for (young_person, parent, other_adult or all).`));
    for (const language of content.languages) {
      if (meta.translations[language] !== undefined) continue;
      problems.push(
        error(file, 'meta.translations', 'meta',
          `${file}: meta.translations has no entry for ${languageName(language)}, a shipped language: add "${language}": "needs-review" (or "reviewed" once a native speaker has reviewed it).`)
      );
    }
    for (const language of Object.keys(meta.translations)) {
      if (content.languages.includes(language)) continue;
      problems.push(warning(file, `meta.translations.${language}`, 'meta', `${file}: meta.translations names "${language}", which is not a shipped language (no locales/${language}/): remove the entry or add the language.`));
    }
  }
  return problems;
}
