/**
 * Loads every script in `dialogs/`. A file's path is its id and its i18n namespace
 * (`dialogs/youth/grooming.json` → `youth/grooming`). Problems name the file, the place in it, and the fix.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { scriptSchema, type Script } from './scriptSchema';
import { listJson } from './listJson';

export interface ScriptProblem {
  file: string;
  where: string;
  message: string;
}

export class ScriptLibrary {
  constructor(readonly scripts: ReadonlyMap<string, Script>) {}

  get(id: string): Script {
    const script = this.scripts.get(id);
    if (!script) throw new Error(`No script "${id}" in dialogs/: add dialogs/${id}.json or fix the reference.`);
    return script;
  }

  has(id: string): boolean {
    return this.scripts.has(id);
  }

  /** Loads all scripts; throws one error listing every problem when any file is invalid. */
  static async load(dialogsDir: string): Promise<ScriptLibrary> {
    const { scripts, problems } = await readScripts(dialogsDir);
    if (problems.length > 0) {
      throw new Error(`dialogs/ has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file} ${p.where}: ${p.message}`).join('\n')}`);
    }
    return new ScriptLibrary(scripts);
  }
}

/** Reads and parses every script, collecting problems instead of stopping at the first. */
export async function readScripts(dialogsDir: string): Promise<{ scripts: Map<string, Script>; problems: ScriptProblem[] }> {
  const scripts = new Map<string, Script>();
  const problems: ScriptProblem[] = [];
  for (const file of await listJson(dialogsDir)) {
    const id = path.relative(dialogsDir, file).replace(/\\/g, '/').replace(/\.json$/, '');
    const shown = `dialogs/${id}.json`;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push({ file: shown, where: '(file)', message: `is not valid JSON (${(error as Error).message}); fix the syntax.` });
      continue;
    }
    const parsed = scriptSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file: shown, where: issue.path.join('.') || '(root)', message: issue.message });
      }
      continue;
    }
    scripts.set(id, { ...parsed.data, id });
  }
  return { scripts, problems };
}
