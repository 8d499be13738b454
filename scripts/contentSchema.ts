/**
 * `npm run content:schema`: writes the JSON Schema of a script (generated from the zod schema in
 * src/content/scriptSchema.ts) to dialogs/script.schema.json, so that editors complete and check scripts that
 * start with `"$schema": "./script.schema.json"` (or `"../script.schema.json"` one folder down). The file is
 * generated, so it is not committed; the script loader skips `*.schema.json`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { scriptJsonSchema } from '../src/content/scriptSchema';

const ROOT_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

export const SCHEMA_FILE = path.join(ROOT_DIR, 'dialogs', 'script.schema.json');

export async function writeScriptSchema(file: string = SCHEMA_FILE): Promise<void> {
  await writeFile(file, `${JSON.stringify(scriptJsonSchema(), null, 2)}\n`, 'utf8');
}

if (require.main === module) {
  writeScriptSchema().then(
    () => console.log(`Wrote ${path.relative(ROOT_DIR, SCHEMA_FILE)}.`),
    (error: unknown) => {
      console.error('Could not write the script schema:', error);
      process.exitCode = 1;
    }
  );
}
