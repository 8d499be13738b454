/**
 * Opening status with fixed clocks, in the service's local time: ordinary days, weekends, hours past midnight
 * and both daylight-saving change days of 2026 in the EU (29 March and 25 October, at 01:00 UTC).
 */
import { openingStatus } from '../../src/helplines/openingHours';
import type { Hours } from '../../src/helplines/schema';

const at = (iso: string) => new Date(iso);
const daily = (open: string, close: string) => ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].reduce((w, d) => ({ ...w, [d]: [{ open, close }] }), {});

/** Like the NSPCC Helpline: weekdays 08:00–22:00, weekends 09:00–18:00. */
const office: Hours = {
  weekly: {
    mon: [{ open: '08:00', close: '22:00' }], tue: [{ open: '08:00', close: '22:00' }], wed: [{ open: '08:00', close: '22:00' }],
    thu: [{ open: '08:00', close: '22:00' }], fri: [{ open: '08:00', close: '22:00' }],
    sat: [{ open: '09:00', close: '18:00' }], sun: [{ open: '09:00', close: '18:00' }]
  }
};

describe('openingStatus on ordinary days', () => {
  it('is open on a weekday morning in summer time and says when it closes', () => {
    // Wednesday 10 June 2026, 09:00 UTC = 10:00 BST
    expect(openingStatus(office, 'Europe/London', at('2026-06-10T09:00:00Z'))).toEqual({ open: true, closesAt: '22:00' });
  });

  it('is closed late on a weekday and opens the next morning', () => {
    expect(openingStatus(office, 'Europe/London', at('2026-06-10T21:30:00Z'))).toEqual({ open: false, opensAt: { weekday: 'thu', time: '08:00' } });
  });

  it('uses weekend hours on Saturday and Sunday, and Monday hours after Sunday', () => {
    expect(openingStatus(office, 'Europe/London', at('2026-06-13T07:30:00Z'))).toEqual({ open: false, opensAt: { weekday: 'sat', time: '09:00' } });
    expect(openingStatus(office, 'Europe/London', at('2026-06-14T12:00:00Z'))).toEqual({ open: true, closesAt: '18:00' });
    expect(openingStatus(office, 'Europe/London', at('2026-06-14T17:30:00Z'))).toEqual({ open: false, opensAt: { weekday: 'mon', time: '08:00' } });
  });

  it('reads the same UTC instant as different local times in winter and summer', () => {
    // 07:30 UTC is 07:30 GMT in January (closed) but 08:30 BST in July (open).
    expect(openingStatus(office, 'Europe/London', at('2026-01-15T07:30:00Z')).open).toBe(false);
    expect(openingStatus(office, 'Europe/London', at('2026-07-16T07:30:00Z')).open).toBe(true);
  });

  it('uses the service time zone, not the machine one', () => {
    // 06:30 UTC on a Wednesday is 09:30 in Istanbul (UTC+3 all year) but 07:30 in London.
    expect(openingStatus(office, 'Europe/Istanbul', at('2026-06-10T06:30:00Z')).open).toBe(true);
    expect(openingStatus(office, 'Europe/London', at('2026-01-14T06:30:00Z')).open).toBe(false);
  });

  it('is always open for { always: true }, with no closing time', () => {
    expect(openingStatus({ always: true }, 'Europe/Paris', at('2026-03-29T01:30:00Z'))).toEqual({ open: true });
  });

  it('handles two periods on one day', () => {
    const split: Hours = { weekly: { mon: [{ open: '10:00', close: '12:00' }, { open: '14:00', close: '20:00' }] } };
    // Monday 15 June 2026, 11:00 UTC = 13:00 CEST
    expect(openingStatus(split, 'Europe/Berlin', at('2026-06-15T11:00:00Z'))).toEqual({ open: false, opensAt: { weekday: 'mon', time: '14:00' } });
  });
});

describe('openingStatus past midnight', () => {
  const lateChat: Hours = { weekly: daily('10:00', '04:00') };

  it('stays open after midnight until the closing time', () => {
    // Tuesday 13 January 2026, 02:00 in Dublin (GMT)
    expect(openingStatus(lateChat, 'Europe/Dublin', at('2026-01-13T02:00:00Z'))).toEqual({ open: true, closesAt: '04:00' });
    expect(openingStatus(lateChat, 'Europe/Dublin', at('2026-01-13T05:00:00Z'))).toEqual({ open: false, opensAt: { weekday: 'tue', time: '10:00' } });
  });

  it('carries a Sunday night period over into Monday morning', () => {
    const sundayNight: Hours = { weekly: { sun: [{ open: '22:00', close: '02:00' }] } };
    // Monday 12 January 2026, 01:00 and 02:30 in Berlin (CET, UTC+1)
    expect(openingStatus(sundayNight, 'Europe/Berlin', at('2026-01-12T00:00:00Z'))).toEqual({ open: true, closesAt: '02:00' });
    expect(openingStatus(sundayNight, 'Europe/Berlin', at('2026-01-12T01:30:00Z'))).toEqual({ open: false, opensAt: { weekday: 'sun', time: '22:00' } });
  });

  it('joins back-to-back periods into one closing time, and a week of them into "always"', () => {
    const evening: Hours = { weekly: { mon: [{ open: '20:00', close: '00:00' }], tue: [{ open: '00:00', close: '02:00' }] } };
    expect(openingStatus(evening, 'Europe/Berlin', at('2026-01-12T20:00:00Z'))).toEqual({ open: true, closesAt: '02:00' });
    expect(openingStatus({ weekly: daily('00:00', '00:00') }, 'Europe/Berlin', at('2026-01-12T20:00:00Z'))).toEqual({ open: true });
  });
});

describe('openingStatus on the 2026 daylight-saving change days (Europe/Berlin)', () => {
  const earlySunday: Hours = { weekly: { sun: [{ open: '03:00', close: '05:00' }] } };

  it('29 March: 01:59 CET is before 03:00, and one minute later the clock already shows 03:00 CEST', () => {
    expect(openingStatus(earlySunday, 'Europe/Berlin', at('2026-03-29T00:59:00Z'))).toEqual({ open: false, opensAt: { weekday: 'sun', time: '03:00' } });
    expect(openingStatus(earlySunday, 'Europe/Berlin', at('2026-03-29T01:00:00Z'))).toEqual({ open: true, closesAt: '05:00' });
  });

  it('29 March: a Saturday-night period that ends at 02:30 is over when the clock jumps to 03:00', () => {
    const saturdayNight: Hours = { weekly: { sat: [{ open: '22:00', close: '02:30' }] } };
    expect(openingStatus(saturdayNight, 'Europe/Berlin', at('2026-03-29T00:30:00Z'))).toEqual({ open: true, closesAt: '02:30' });
    expect(openingStatus(saturdayNight, 'Europe/Berlin', at('2026-03-29T01:10:00Z'))).toEqual({ open: false, opensAt: { weekday: 'sat', time: '22:00' } });
  });

  it('25 October: the hour 02:00–03:00 happens twice and is open both times', () => {
    const twoToThree: Hours = { weekly: { sun: [{ open: '02:00', close: '03:00' }] } };
    expect(openingStatus(twoToThree, 'Europe/Berlin', at('2026-10-25T00:30:00Z'))).toEqual({ open: true, closesAt: '03:00' }); // 02:30 CEST
    expect(openingStatus(twoToThree, 'Europe/Berlin', at('2026-10-25T01:30:00Z'))).toEqual({ open: true, closesAt: '03:00' }); // 02:30 CET
    expect(openingStatus(twoToThree, 'Europe/Berlin', at('2026-10-25T02:00:00Z'))).toEqual({ open: false, opensAt: { weekday: 'sun', time: '02:00' } }); // 03:00 CET
  });

  it('25 October: 02:00 UTC is 03:00 local in winter time, not 04:00', () => {
    expect(openingStatus(earlySunday, 'Europe/Berlin', at('2026-10-25T02:00:00Z'))).toEqual({ open: true, closesAt: '05:00' });
    expect(openingStatus(earlySunday, 'Europe/Berlin', at('2026-10-25T01:59:00Z'))).toEqual({ open: false, opensAt: { weekday: 'sun', time: '03:00' } });
  });

  it('London changes at the same instant, one hour earlier on the clock', () => {
    const oneToTwo: Hours = { weekly: { sun: [{ open: '01:00', close: '02:00' }] } };
    // 29 March: 00:59 GMT, then 02:00 BST – the hour 01:00–02:00 does not exist that night.
    expect(openingStatus(oneToTwo, 'Europe/London', at('2026-03-29T00:59:00Z')).open).toBe(false);
    expect(openingStatus(oneToTwo, 'Europe/London', at('2026-03-29T01:00:00Z')).open).toBe(false);
    // 25 October: 01:30 BST and again 01:30 GMT.
    expect(openingStatus(oneToTwo, 'Europe/London', at('2026-10-25T00:30:00Z')).open).toBe(true);
    expect(openingStatus(oneToTwo, 'Europe/London', at('2026-10-25T01:30:00Z')).open).toBe(true);
  });
});
