/**
 * Where the crisis check's labelled messages live (see test/safety/README.md): the training examples the
 * classifier learns from, and the validation and test parts written separately, which it never sees.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readExampleFile, type DangerExample } from './dangerExamples';

export const TRAINING_DIR = 'data/crisis';
export const SETS_DIR = 'test/safety/sets';

/** One part ("validation" or "test") of every language that has it, by language. */
export function readSets(dir: string, part: 'validation' | 'test'): Map<string, DangerExample[]> {
  const sets = new Map<string, DangerExample[]>();
  if (!existsSync(dir)) return sets;
  for (const language of readdirSync(dir).sort()) {
    const file = path.join(dir, language, `${part}.json`);
    if (existsSync(file)) sets.set(language, readExampleFile(file));
  }
  return sets;
}
