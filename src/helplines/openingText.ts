/**
 * "open now", "open now, until 20:00", "closed now — opens Monday at 14:00": a service's opening status in the
 * words of the user's language and the wall-clock time of the service's country. The status itself comes from
 * `openingStatus` (correct on daylight-saving days and past midnight); this file only words it. Weekday names
 * come from Intl in the user's language, so translators need not list them.
 */
import { localWeekMinute, openingStatus } from './openingHours';
import type { Hours } from './schema';
import { WEEKDAYS, type Weekday } from './vocabulary';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** 2024-01-01 was a Monday: a fixed week from which Intl names the days. */
const A_MONDAY = Date.UTC(2024, 0, 1, 12);

export function weekdayName(weekday: Weekday, language: string): string {
  const date = new Date(A_MONDAY + WEEKDAYS.indexOf(weekday) * 86_400_000);
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

export function openingText(hours: Hours, timeZone: string, now: Date, language: string, t: Translate): string {
  if (hours.always) return t('helplines:service.always');
  const status = openingStatus(hours, timeZone, now);
  if (status.open) return status.closesAt ? t('helplines:service.openUntil', { time: status.closesAt }) : t('helplines:service.openNow');
  const { weekday, time } = status.opensAt;
  const minute = localWeekMinute(now, timeZone);
  const today = Math.floor(minute / 1440) === WEEKDAYS.indexOf(weekday) && time > clock(minute);
  return today ? t('helplines:service.opensToday', { time }) : t('helplines:service.opensOn', { day: weekdayName(weekday, language), time });
}

function clock(minute: number): string {
  const m = minute % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
