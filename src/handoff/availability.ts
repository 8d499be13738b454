/**
 * Can this deployment's workers take this user now? They serve some countries and languages during some
 * hours (HANDOFF_* in the environment). When they cannot, the user is told why, honestly, and gets the numbers.
 * A user whose country is unknown is let through: the worker can still help or point them on.
 */
import { openingStatus } from '../helplines/openingHours';
import type { Weekday } from '../helplines/vocabulary';
import type { HandoffSettings } from './handoffConfig';

export type Availability =
  | { ok: true }
  | { ok: false; reason: 'country' | 'language' }
  | { ok: false; reason: 'hours'; opensAt: { weekday: Weekday; time: string } };

export function availability(settings: HandoffSettings, who: { country?: string; language: string }, now: Date): Availability {
  if (settings.languages !== '*' && !settings.languages.includes(who.language)) return { ok: false, reason: 'language' };
  if (who.country && settings.countries !== '*' && !settings.countries.includes(who.country.toUpperCase())) {
    return { ok: false, reason: 'country' };
  }
  const status = openingStatus(settings.hours, settings.timeZone, now);
  return status.open ? { ok: true } : { ok: false, reason: 'hours', opensAt: status.opensAt };
}
