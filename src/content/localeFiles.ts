/**
 * Reads `locales/<lang>/**.json` into i18next resources. A file's path below its language folder is its
 * namespace: `locales/fr/youth/sextortion.json` is namespace `youth/sextortion` in French.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { listJson } from './listJson';

export type Resources = Record<string, Record<string, Record<string, unknown>>>;

export async function readLocaleFiles(localesDir: string): Promise<Resources> {
  const resources: Resources = {};
  const languages = (await readdir(localesDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && /^[a-z]{2}$/.test(e.name))
    .map((e) => e.name)
    .sort();
  for (const lang of languages) {
    const langDir = path.join(localesDir, lang);
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of await listJson(langDir)) {
      const ns = path.relative(langDir, file).replace(/\\/g, '/').replace(/\.json$/, '');
      try {
        namespaces[ns] = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      } catch (cause) {
        throw new Error(`locales/${lang}/${ns}.json is not valid JSON: fix the syntax error it reports.`, { cause });
      }
    }
    resources[lang] = namespaces;
  }
  return resources;
}
