/**
 * botbuilder and restify print to the console on their own (`console.error(err)` with a stack trace when a
 * turn fails, `console.warn` on a bad request). Those lines are not JSON, and the errors they print can quote
 * a connector URL with a raw conversation id (reliability review D5, D10). The process's console is routed
 * into the JSON log instead: one line per call, the first line of the message only (a stack trace holds no
 * more than the log needs), ids in URLs replaced by their hash. Installed once by `main.ts`; tests keep
 * jest's console.
 */
import { format } from 'node:util';
import type { Logger } from 'pino';
import { hashId } from './logger';

const MAX_MESSAGE_CHARS = 300;
const LEVELS = { log: 'info', info: 'info', debug: 'debug', trace: 'debug', warn: 'warn', error: 'error' } as const;

/** Ids in Bot Framework URLs (`/conversations/<id>`, `/activities/<id>`, `/users/<id>`) replaced by hashes. */
export function scrubIds(message: string): string {
  return message.replace(/\/(conversations|activities|users|members)\/([^/\s"'?#)]+)/g, (_all, kind: string, id: string) => `/${kind}/#${hashId(decodeURIComponent(safe(id)))}`);
}

/** The first line, without ids, short enough for a log line. */
export function logLine(args: readonly unknown[]): string {
  const first = args[0] instanceof Error ? `${args[0].name}: ${args[0].message}` : format(...args);
  return scrubIds(first.split('\n')[0] ?? '').slice(0, MAX_MESSAGE_CHARS);
}

export function captureConsole(logger: Logger): void {
  for (const [method, level] of Object.entries(LEVELS) as [keyof typeof LEVELS, (typeof LEVELS)[keyof typeof LEVELS]][]) {
    console[method] = (...args: unknown[]) => logger[level]({ event: 'library_console', method }, logLine(args));
  }
}

function safe(id: string): string {
  try {
    decodeURIComponent(id);
    return id;
  } catch {
    return encodeURIComponent(id);
  }
}
