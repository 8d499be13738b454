/**
 * Opening status in words, with fixed clocks, in English and French: 24/7, open until, opens today, opens on a
 * weekday, hours past midnight, and the daylight-saving change days (29 March and 25 October 2026, EU).
 */
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { Translator } from '../../src/content/translator';
import { openingText, weekdayName } from '../../src/helplines/openingText';
import type { Hours } from '../../src/helplines/schema';

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
});

const say = (hours: Hours, zone: string, iso: string, language = 'en') =>
  openingText(hours, zone, new Date(iso), language, (key, values) => translator.t(language, key, values));
const everyDay = (open: string, close: string): Hours => ({
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ open, close }]]))
});
/** Weekdays 14:00–20:00 only, like many child helplines. */
const afternoons: Hours = { weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ open: '14:00', close: '20:00' }]])) };

describe('opening status in words', () => {
  it('says "open 24/7" for a line that never closes', () => {
    expect(say({ always: true }, 'Europe/Paris', '2026-03-10T13:30:00Z')).toBe('open 24/7');
    expect(say({ always: true }, 'Europe/Paris', '2026-03-10T13:30:00Z', 'fr')).toBe('ouvert 24 h/24, 7 j/7');
  });

  it('says until when it is open, in the country\'s time (Tuesday 15:30 in Berlin)', () => {
    expect(say(afternoons, 'Europe/Berlin', '2026-03-10T14:30:00Z')).toBe('open now, until 20:00');
  });

  it('says it opens today at 14:00 on a weekday morning', () => {
    expect(say(afternoons, 'Europe/Berlin', '2026-03-10T08:00:00Z')).toBe('closed now — opens today at 14:00');
    expect(say(afternoons, 'Europe/Berlin', '2026-03-10T08:00:00Z', 'fr')).toBe("fermé pour l'instant — ouvre aujourd'hui à 14:00");
  });

  it('names the weekday at the weekend: Saturday → Monday at 14:00', () => {
    expect(say(afternoons, 'Europe/Berlin', '2026-03-14T12:00:00Z')).toBe('closed now — opens Monday at 14:00');
    expect(say(afternoons, 'Europe/Berlin', '2026-03-14T12:00:00Z', 'fr')).toBe("fermé pour l'instant — ouvre lundi à 14:00");
  });

  it('after closing on Friday, the next opening is Monday, not "today"', () => {
    expect(say(afternoons, 'Europe/Berlin', '2026-03-13T19:30:00Z')).toBe('closed now — opens Monday at 14:00');
  });

  it('reads hours past midnight: 10:00–00:00 is open at 23:30 until 00:00, and closed at 00:30', () => {
    const lateLine = everyDay('10:00', '00:00');
    expect(say(lateLine, 'Europe/Brussels', '2026-03-10T22:30:00Z')).toBe('open now, until 00:00');
    expect(say(lateLine, 'Europe/Brussels', '2026-03-10T23:30:00Z')).toBe('closed now — opens today at 10:00');
  });

  it('is right on the day clocks go forward (29 March 2026): 09:00 local is 07:00 UTC', () => {
    const mornings = everyDay('09:00', '12:00');
    expect(say(mornings, 'Europe/Paris', '2026-03-29T06:30:00Z')).toBe('closed now — opens today at 09:00');
    expect(say(mornings, 'Europe/Paris', '2026-03-29T07:00:00Z')).toBe('open now, until 12:00');
  });

  it('is right on the day clocks go back (25 October 2026): 09:00 local is 08:00 UTC', () => {
    const mornings = everyDay('09:00', '12:00');
    expect(say(mornings, 'Europe/Paris', '2026-10-25T07:30:00Z')).toBe('closed now — opens today at 09:00');
    expect(say(mornings, 'Europe/Paris', '2026-10-25T08:00:00Z')).toBe('open now, until 12:00');
  });

  it('names weekdays in the user\'s language', () => {
    expect(weekdayName('wed', 'en')).toBe('Wednesday');
    expect(weekdayName('wed', 'fr')).toBe('mercredi');
  });
});
