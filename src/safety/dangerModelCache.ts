/**
 * The trained danger classifier kept on disk beside the router's model (`src/engine/routerCache.ts`), so that a
 * restart with the same examples loads it instead of training. The file name is a hash of the examples and the
 * settings; a cache that cannot be read or written is ignored and the classifier trains. It holds weights
 * learnt from examples written by authors, never anything a user typed.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const file = (dir: string, key: string) => path.join(dir, `danger-${key}.bin`);

export function readWeights(dir: string | undefined, key: string): Float32Array | undefined {
  if (!dir) return undefined;
  try {
    const bytes = readFileSync(file(dir, key));
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  } catch {
    return undefined;
  }
}

/** Atomically (a temporary file renamed), so that a crash never leaves half a model to load. */
export function writeWeights(dir: string | undefined, key: string, weights: Float32Array): void {
  if (!dir) return;
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file(dir, key)}.${process.pid}.tmp`;
    writeFileSync(temporary, new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength));
    renameSync(temporary, file(dir, key));
  } catch {
    // A read-only or full disk only costs the next start-up its training time.
  }
}
