/**
 * Labelled messages, as the crisis classifier learns from them and the evaluation reads them: JSON arrays of
 * `{ text, level, kind? }` per language (`<lang>.json`, and `<lang>.*.json` for further files of the same
 * language). Checked with zod when read, so that a typo in a label is an error that names the file, not a
 * silently weaker model.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v4';
import { EMERGENCY_KINDS, URGENT_KINDS } from './dangerLayer';

const example = z.object({
  text: z.string().min(1),
  level: z.enum(['emergency', 'urgent', 'none']),
  kind: z.enum([...EMERGENCY_KINDS, ...URGENT_KINDS]).optional(),
  register: z.string().optional(),
  trap: z.unknown().optional()
});
export type DangerExample = z.infer<typeof example>;

/** The class a classifier learns for an example: its kind when it is danger, else "none". */
export function classOf(e: DangerExample): string {
  if (e.level === 'none') return 'none';
  if (e.kind && (e.level === 'emergency') === (EMERGENCY_KINDS as readonly string[]).includes(e.kind)) return e.kind;
  return e.level === 'emergency' ? 'other' : 'pressure';
}

export function readExampleFile(file: string): DangerExample[] {
  const parsed = z.array(example).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a list of labelled messages: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; ')}`, { cause: parsed.error });
  return parsed.data;
}

/** Every language's examples in `dir`: `en.json` and `en.extra.json` both count as English. */
export function readExamples(dir: string): Map<string, DangerExample[]> {
  const byLanguage = new Map<string, DangerExample[]>();
  if (!existsSync(dir)) return byLanguage;
  for (const file of readdirSync(dir).sort()) {
    const language = /^([a-z]{2})(\.[a-z0-9-]+)?\.json$/.exec(file)?.[1];
    if (!language) continue;
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), ...readExampleFile(path.join(dir, file))]);
  }
  return byLanguage;
}
