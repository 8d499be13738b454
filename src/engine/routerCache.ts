/**
 * A trained router model kept on disk, so that a restart with the same examples loads it in ~0.1 s instead of
 * training for ~1 s (start-up to ready is measured by `npm run bench`). The file name is a hash of everything
 * that shapes the model — the cleaned examples, the classifier settings and the NLP.js version — so changed
 * content simply trains anew. It holds example phrases written by authors, never anything a user typed.
 * A cache that cannot be read or written is ignored: the router then trains, as it would without one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function modelKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}

function modelFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, `router-${key}.json`);
}

export function readModel(cacheDir: string | undefined, key: string): string | undefined {
  if (!cacheDir) return undefined;
  try {
    return readFileSync(modelFile(cacheDir, key), 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes atomically (a temporary file renamed), so a crash never leaves half a model to load. */
export function writeModel(cacheDir: string | undefined, key: string, data: string): void {
  if (!cacheDir) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const file = modelFile(cacheDir, key);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk only costs the next start-up its training time.
  }
}
