/**
 * Models trained by the build (`npm run build` runs `scripts/trainModels.ts`), shipped beside the compiled code
 * in `dist/models/`, so that even the first start on an empty `DATA_DIR` loads the router, the command meanings
 * and the crisis model instead of training them (seconds of CPU; `npm run bench`, start-up to ready). They are
 * files of the model caches (`routerCache.ts`, `src/safety/dangerModelCache.ts`), named by the hash of what
 * shaped them, so content changed after the build simply trains anew. A model holds what was learnt from
 * examples written by authors, never anything a user typed.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';

/** `dist/models` beside `dist/src`; under ts-jest (`src/`) a folder that does not exist, so tests train. */
export const SHIPPED_MODELS_DIR = path.resolve(__dirname, '..', '..', 'models');

/**
 * Copies the shipped models that `cacheDir` lacks into it (the cache beside the data, which the bot reads and
 * writes). Returns how many it copied. A failure only costs this start the training time.
 */
export function seedModelCache(cacheDir: string, shippedDir = SHIPPED_MODELS_DIR): number {
  if (!existsSync(shippedDir)) return 0;
  let copied = 0;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const present = new Set(readdirSync(cacheDir));
    for (const name of readdirSync(shippedDir)) {
      if (present.has(name) || !/^(router|danger)-[0-9a-f]+\.(json|bin)$/.test(name)) continue;
      // A temporary file renamed, so a crash never leaves half a model to load.
      const temporary = path.join(cacheDir, `${name}.${process.pid}.tmp`);
      copyFileSync(path.join(shippedDir, name), temporary);
      renameSync(temporary, path.join(cacheDir, name));
      copied += 1;
    }
  } catch {
    // A read-only or full disk: the bot trains what it does not find.
  }
  return copied;
}
