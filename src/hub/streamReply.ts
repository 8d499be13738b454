/**
 * Reads the raw replies of Redis stream commands (RESP2 arrays, as `sendCommand` returns them) into entries:
 * XREAD / XREADGROUP give `[[stream, [[id, [field, value, …]], …]]]` (or null when nothing came), XRANGE,
 * XREVRANGE and XAUTOCLAIM's second element give `[[id, [field, value, …]], …]`. An entry whose fields are gone
 * (trimmed while pending) comes back with no fields.
 */
export interface StreamEntry {
  id: string;
  fields: Record<string, string>;
}

export function entriesOf(reply: unknown, range = false): StreamEntry[] {
  if (!Array.isArray(reply)) return [];
  const raw = range ? reply : reply.flatMap((stream: unknown) => (Array.isArray(stream) && Array.isArray(stream[1]) ? stream[1] : []));
  return raw.filter(Array.isArray).map(([id, list]: unknown[]) => ({ id: String(id), fields: fieldsOf(list) }));
}

function fieldsOf(list: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!Array.isArray(list)) return fields;
  for (let i = 0; i + 1 < list.length; i += 2) fields[String(list[i])] = String(list[i + 1]);
  return fields;
}
