/**
 * What every store does to an item the same way: read the eTag a change carries, and turn the item into
 * JSON without it (the eTag is kept beside the value). One place, so the stores cannot drift apart.
 */

/** The eTag a change carries; a missing or empty one means "write unconditionally", as in MemoryStorage. */
export function eTagOf(item: unknown): unknown {
  return (item as { eTag?: unknown } | null)?.eTag;
}

/** The item as JSON without its eTag; a clear error names the bad key. */
export function toJson(key: string, item: unknown): string {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new Error(`Storage: the item "${key}" cannot be stored because it is not an object.`);
  }
  const value: Record<string, unknown> = { ...item };
  delete value.eTag;
  try {
    return JSON.stringify(value);
  } catch (cause) {
    throw new Error(`Storage: the item "${key}" cannot be stored because it is not serialisable as JSON.`, { cause });
  }
}
