/**
 * The handoff part of the environment, validated by `config.ts` with the rest: who this deployment's workers
 * serve (countries, languages, hours) and how long a shared conversation is kept. Kept here, beside the code
 * that uses it, so `config.ts` stays a list; `process.env` is still read in `config.ts` only.
 */
import { z } from 'zod/v4';
import type { Hours } from '../helplines/schema';
import { WEEKDAYS, type Weekday } from '../helplines/vocabulary';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const count = (min: number, max: number, fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));

/** "*" (everyone) or a comma-separated list, e.g. "BE,FR" or "en,fr". */
const list = (item: RegExp, what: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('*')
      .transform((v) => (v.trim() === '*' ? ('*' as const) : v.split(',').map((s) => s.trim()).filter(Boolean)))
      .refine((v) => v === '*' || v.every((s) => item.test(s)), { message: `must be "*" or a comma-separated list of ${what}` })
  );

export const handoffConfigShape = {
  HANDOFF_MODE: z.preprocess(emptyToUndefined, z.enum(['console', 'protocol']).default('console')),
  HANDOFF_COUNTRIES: list(/^[A-Z]{2}$/, 'ISO country codes in capitals like "BE,FR"'),
  HANDOFF_LANGUAGES: list(/^[a-z]{2}$/, 'language codes like "en,fr"'),
  HANDOFF_HOURS: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default('always')
      .refine((v) => parseHours(v) !== undefined, { message: 'must be "always" or day ranges with times like "mon-fri 09:00-17:00, sat 10:00-14:00"' })
  ),
  HANDOFF_TIMEZONE: z.preprocess(
    emptyToUndefined,
    z.string().default('UTC').refine(isTimeZone, { message: 'must be an IANA time zone like "Europe/Brussels"' })
  ),
  HANDOFF_RETENTION_DAYS: count(0, 3650, 0),
  HANDOFF_AVERAGE_CHAT_MINUTES: count(1, 240, 15),
  HANDOFF_POSITION_UPDATE_SECONDS: count(1, 3600, 30),
  HANDOFF_LEFT_GRACE_SECONDS: count(5, 3600, 90),
  HANDOFF_CATEGORY_LIMIT: count(1, 10, 3),
  HANDOFF_MAX_CHATS_PER_WORKER: count(1, 20, 3),
  HANDOFF_PREVIOUS_CONTACT_DAYS: count(0, 365, 30),
  CONSOLE_IDLE_MINUTES: count(1, 24 * 60, 30),
  CONSOLE_MAX_FAILED_LOGINS: count(1, 100, 5),
  CONSOLE_LOCKOUT_MINUTES: count(1, 24 * 60, 15)
};

export interface HandoffSettings {
  mode: 'console' | 'protocol';
  countries: '*' | string[];
  languages: '*' | string[];
  hours: Hours;
  timeZone: string;
  retentionDays: number;
  averageChatMinutes: number;
  positionUpdateSeconds: number;
  /** A user whose page closed and did not come back within this many seconds has left (default 90). */
  leftGraceSeconds?: number;
  /** How many contact categories a worker may choose at wrap-up (default 3). */
  categoryLimit?: number;
  /** How many chats one worker may hold at once (default 3); an accept beyond it is refused. */
  maxChatsPerWorker?: number;
  /** Days a user's earlier requests for a person are remembered, as a keyed hash only (default 30; 0: never). */
  previousContactDays?: number;
}

export function handoffSettings(config: {
  HANDOFF_MODE: 'console' | 'protocol';
  HANDOFF_COUNTRIES: '*' | string[];
  HANDOFF_LANGUAGES: '*' | string[];
  HANDOFF_HOURS: string;
  HANDOFF_TIMEZONE: string;
  HANDOFF_RETENTION_DAYS: number;
  HANDOFF_AVERAGE_CHAT_MINUTES: number;
  HANDOFF_POSITION_UPDATE_SECONDS: number;
  HANDOFF_LEFT_GRACE_SECONDS?: number;
  HANDOFF_CATEGORY_LIMIT?: number;
  HANDOFF_MAX_CHATS_PER_WORKER?: number;
  HANDOFF_PREVIOUS_CONTACT_DAYS?: number;
}): HandoffSettings {
  return {
    mode: config.HANDOFF_MODE,
    countries: config.HANDOFF_COUNTRIES,
    languages: config.HANDOFF_LANGUAGES,
    hours: parseHours(config.HANDOFF_HOURS) ?? { always: true },
    timeZone: config.HANDOFF_TIMEZONE,
    retentionDays: config.HANDOFF_RETENTION_DAYS,
    averageChatMinutes: config.HANDOFF_AVERAGE_CHAT_MINUTES,
    positionUpdateSeconds: config.HANDOFF_POSITION_UPDATE_SECONDS,
    leftGraceSeconds: config.HANDOFF_LEFT_GRACE_SECONDS ?? 90,
    categoryLimit: config.HANDOFF_CATEGORY_LIMIT ?? 3,
    maxChatsPerWorker: config.HANDOFF_MAX_CHATS_PER_WORKER ?? 3,
    previousContactDays: config.HANDOFF_PREVIOUS_CONTACT_DAYS ?? 30
  };
}

const PART = /^(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?\s+([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** "always", or "mon-fri 09:00-17:00, sat 10:00-14:00" → the directory's Hours shape; undefined when invalid. */
export function parseHours(text: string): Hours | undefined {
  if (text.trim().toLowerCase() === 'always') return { always: true };
  const weekly: Partial<Record<Weekday, { open: string; close: string }[]>> = {};
  for (const part of text.split(',').map((p) => p.trim().toLowerCase())) {
    const m = PART.exec(part);
    if (!m) return undefined;
    const from = WEEKDAYS.indexOf(m[1] as Weekday);
    const to = m[2] ? WEEKDAYS.indexOf(m[2] as Weekday) : from;
    if (to < from) return undefined;
    for (let d = from; d <= to; d++) (weekly[WEEKDAYS[d]!] ??= []).push({ open: `${m[3]}:${m[4]}`, close: `${m[5]}:${m[6]}` });
  }
  return Object.keys(weekly).length > 0 ? ({ weekly } as Hours) : undefined;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
