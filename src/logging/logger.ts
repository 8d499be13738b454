/**
 * Structured JSON logs (pino). Beacon never logs what a user typed: log ids as hashes, positions and errors.
 * `hashId` turns a conversation or user id into a short, stable, non-reversible tag for correlating log lines.
 */
import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'beacon' },
      // Belt and braces: if an activity ever reaches a log call, its text and attachments are removed.
      redact: { paths: ['text', '*.text', 'activity.text', 'attachments', '*.attachments', 'value', '*.value'], remove: true }
    },
    destination
  );
}

/** A short SHA-256 tag of an id; the same id always gives the same tag. */
export function hashId(id: string | undefined): string {
  if (!id) return 'none';
  return createHash('sha256').update(id).digest('hex').slice(0, 16);
}
