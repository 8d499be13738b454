/**
 * Is a service open now, and until when (or from when)? Opening hours are data in the country's wall-clock
 * time, so the question is answered in wall-clock time too: `now` is turned into a local weekday and time
 * with Intl (the platform's time-zone database), and compared with the schedule. No offset arithmetic is
 * done, so daylight-saving days need no special case: at 03:00 on the day clocks go forward, Intl already
 * says 03:00, and during the hour that happens twice in autumn both passes are read as the clock shows them.
 * `closesAt` and `opensAt` are wall-clock times too – what the user's own clock will show.
 */
import type { Hours } from './schema';
import { WEEKDAYS, type Weekday } from './vocabulary';

export type OpeningStatus =
  | { open: true; closesAt?: string }
  | { open: false; opensAt: { weekday: Weekday; time: string } };

const DAY = 24 * 60;
const WEEK = 7 * DAY;

/** Minutes since Monday 00:00 local time, for an instant in a time zone. */
export function localWeekMinute(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = WEEKDAYS.indexOf(part('weekday').toLowerCase().slice(0, 3) as Weekday);
  if (day < 0) throw new RangeError(`Cannot read the local weekday for ${timeZone}`);
  return day * DAY + Number(part('hour')) * 60 + Number(part('minute'));
}

/** The weekly schedule as [start, end) minute ranges from Monday 00:00; `end` may pass the week's end. */
function periods(hours: Hours): [number, number][] {
  const out: [number, number][] = [];
  WEEKDAYS.forEach((weekday, day) => {
    for (const slot of hours.weekly?.[weekday] ?? []) {
      const open = toMinutes(slot.open);
      const close = toMinutes(slot.close);
      const start = day * DAY + open;
      out.push([start, start + (close > open ? close - open : close - open + DAY)]);
    }
  });
  return out.sort((a, b) => a[0] - b[0]);
}

export function openingStatus(hours: Hours, timeZone: string, now: Date): OpeningStatus {
  if (hours.always) return { open: true };
  const week = periods(hours);
  if (week.length === 0) throw new RangeError('The opening hours have no open period');
  // Two copies of the week, so periods that run over Sunday midnight and times early on Monday line up.
  const twoWeeks = [...week, ...week.map(([s, e]): [number, number] => [s + WEEK, e + WEEK])];
  const minute = localWeekMinute(now, timeZone);
  for (const t of [minute, minute + WEEK]) {
    const current = twoWeeks.find(([s, e]) => s <= t && t < e);
    if (current) return openUntil(twoWeeks, current[1], t);
  }
  const next = twoWeeks.map(([s]) => s).find((s) => s > minute) ?? (week[0]?.[0] ?? 0) + WEEK;
  return { open: false, opensAt: { weekday: WEEKDAYS[Math.floor(next / DAY) % 7] as Weekday, time: toClock(next) } };
}

/** Follows back-to-back or overlapping periods to the real closing time; none if open all week round. */
function openUntil(sorted: [number, number][], end: number, from: number): OpeningStatus {
  let until = end;
  for (const [s, e] of sorted) {
    if (s <= until && e > until) until = e;
    if (until - from >= WEEK) return { open: true };
  }
  return { open: true, closesAt: toClock(until) };
}

function toMinutes(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function toClock(minute: number): string {
  const m = ((minute % DAY) + DAY) % DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
