/**
 * Reads `dialogs/` and `locales/` for the checker. Unlike the bot's loaders it never stops at the first broken
 * file: every file that cannot be read becomes a `parse` problem, and the other rules still run on the rest, so an
 * author sees everything that is wrong in one run.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readScripts } from '../scriptLibrary';
import { stepSchema, type Script } from '../scriptSchema';
import { error, localeFile, SOURCE_LANGUAGE, type ContentProblem } from './contentProblem';
import { flatten, isGroup, type FlatNamespace, type LocaleTable } from './localeKeys';
import { listJson } from '../listJson';

export interface CheckedContent {
  scripts: ReadonlyMap<string, Script>;
  /** Ids of scripts that exist but did not parse: other rules neither check them nor call them missing. */
  brokenScripts: ReadonlySet<string>;
  locales: LocaleTable;
  /** `lang/namespace` of locale files that exist but did not parse. */
  brokenLocales: ReadonlySet<string>;
  /** The shipped languages, English first. */
  languages: readonly string[];
}

export async function loadContent(dialogsDir: string, localesDir: string, only?: readonly string[]): Promise<{ content: CheckedContent; problems: ContentProblem[] }> {
  const { scripts, problems: scriptProblems } = await readScripts(dialogsDir);
  const problems: ContentProblem[] = scriptProblems.map((p) =>
    error(p.file, p.where, 'parse', `${p.file} at ${p.where}: ${p.message}${hint(p.where, p.message)} (the script is not loaded until this is fixed).`)
  );
  const brokenScripts = new Set(scriptProblems.map((p) => p.file.replace(/^dialogs\//, '').replace(/\.json$/, '')));

  const folders = (await readdir(localesDir, { withFileTypes: true })).filter((e) => e.isDirectory() && /^[a-z]{2}$/.test(e.name)).map((e) => e.name);
  const languages = [...new Set([SOURCE_LANGUAGE, ...(only ?? folders)])].sort((a, b) => (a === SOURCE_LANGUAGE ? -1 : b === SOURCE_LANGUAGE ? 1 : a.localeCompare(b)));
  const locales = new Map<string, Map<string, FlatNamespace>>();
  const brokenLocales = new Set<string>();
  for (const language of languages) {
    const namespaces = new Map<string, FlatNamespace>();
    locales.set(language, namespaces);
    if (!folders.includes(language)) {
      const why = language === SOURCE_LANGUAGE ? 'English is the source language and must exist' : `${language} is a shipped language`;
      problems.push(error(`locales/${language}/`, '(folder)', 'parse', `locales/${language}/ does not exist: ${why}; create it with one JSON file per namespace.`));
      continue;
    }
    const langDir = path.join(localesDir, language);
    for (const file of await listJson(langDir)) {
      const namespace = path.relative(langDir, file).replace(/\\/g, '/').replace(/\.json$/, '');
      const shown = localeFile(language, namespace);
      try {
        const json: unknown = JSON.parse(await readFile(file, 'utf8'));
        if (!isGroup(json)) throw new Error('the file must hold one JSON object of keys');
        namespaces.set(namespace, flatten(json));
      } catch (cause) {
        brokenLocales.add(`${language}/${namespace}`);
        problems.push(error(shown, '(file)', 'parse', `${shown} cannot be read (${(cause as Error).message}): fix the JSON syntax.`));
      }
    }
  }
  return { content: { scripts, brokenScripts, locales, brokenLocales, languages }, problems };
}

const STEP_TYPES = stepSchema.options.map((o) => o.shape.type.value).join(', ');

/** zod says only "Invalid input" for an unknown step type: name the ones there are. */
function hint(where: string, message: string): string {
  return /^steps\.[^.]+\.type$/.test(where) && message === 'Invalid input' ? `: a step's type must be one of ${STEP_TYPES}` : '';
}

/** A rule reads the whole content and returns its problems; it never throws on bad content. */
export type ContentRule = (content: CheckedContent) => ContentProblem[];
