/**
 * Turns a country file into checked data, or into messages a content author can act on: each names the
 * file, the place inside it (with the service id, since "services[7]" alone is hard to find) and the fix.
 */
import type { z } from 'zod/v4';
import { countryFileSchema, type CountryFile } from './schema';

/** Raised when helpline data is invalid; `problems` has one line per problem, each naming file and path. */
export class HelplineDataError extends Error {
  constructor(
    readonly problems: string[],
    options?: { cause?: unknown }
  ) {
    super(`The helpline directory is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
    this.name = 'HelplineDataError';
  }
}

/** Validates one parsed JSON file. `file` is only used in messages (e.g. "data/helplines/GB.json"). */
export function parseCountryFile(raw: unknown, file: string): CountryFile {
  const result = countryFileSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new HelplineDataError(describeIssues(result.error.issues, raw, file), { cause: result.error });
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], raw: unknown, file: string): string[] {
  return issues.map((issue) => `${file}: ${formatPath(issue.path, raw)}: ${withFix(issue)}`);
}

function formatPath(path: readonly PropertyKey[], raw: unknown): string {
  if (path.length === 0) return '(top level)';
  let out = '';
  let node: unknown = raw;
  for (const key of path) {
    node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      const id = typeof node === 'object' && node !== null ? (node as { id?: unknown }).id : undefined;
      out += `[${key}]${typeof id === 'string' ? ` (id "${id}")` : ''}`;
    } else {
      out += `${out ? '.' : ''}${String(key)}`;
    }
  }
  return out;
}

function withFix(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return `has unknown key(s) ${keys}: remove them or fix the spelling (the field reference is in data/helplines/README.md)`;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    return `is required (expected ${issue.expected}): add it`;
  }
  return issue.message;
}
