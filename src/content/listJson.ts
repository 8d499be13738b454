/**
 * Every content `.json` file below a folder, sorted so that load order never depends on the file system.
 * Generated JSON Schemas (`*.schema.json`) are tools for editors, not content.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export async function listJson(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listJson(full)));
    else if (entry.name.endsWith('.json') && !entry.name.endsWith('.schema.json')) out.push(full);
  }
  return out.sort();
}
