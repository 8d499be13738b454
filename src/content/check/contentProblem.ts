/**
 * What every content rule returns: one problem, placed so that an author can find it (the file and the place in
 * it) and worded so that they can fix it without reading code (the message says what to change).
 */

export type Severity = 'error' | 'warning';

export interface ContentProblem {
  /** Relative to the repository: `dialogs/youth/grooming.json` or `locales/fr/youth/grooming.json`. */
  file: string;
  /** The place in the file: a step path (`steps.intro.next`), a key (`intro.1`), or `(file)`. */
  where: string;
  /** The rule's id, as listed in src/content/check/README.md. */
  rule: string;
  /** What is wrong and how to fix it, naming the file, the key or step, and the fix. */
  message: string;
  severity: Severity;
}

/** The source language: translators work from English, and English must have every key first. */
export const SOURCE_LANGUAGE = 'en';

/** Namespaces whose keys are used by code, not by one script (see README.md). */
export const CODE_NAMESPACES: ReadonlySet<string> = new Set(['common', 'widget', 'safety', 'handoff', 'helplines', 'understanding']);

export function scriptFile(id: string): string {
  return `dialogs/${id}.json`;
}

export function localeFile(language: string, namespace: string): string {
  return `locales/${language}/${namespace}.json`;
}

const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** "fr" → "French", for messages; an unknown code stays as it is. */
export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function error(file: string, where: string, rule: string, message: string): ContentProblem {
  return { file, where, rule, message, severity: 'error' };
}

export function warning(file: string, where: string, rule: string, message: string): ContentProblem {
  return { file, where, rule, message, severity: 'warning' };
}
