/** The HANDOFF_* and CONSOLE_* variables: defaults that let a new install work, and clear errors for bad values. */
import { ConfigError, loadConfig } from '../../src/config';
import { handoffSettings, parseHours } from '../../src/handoff/handoffConfig';

describe('handoff configuration', () => {
  it('defaults to the console, for everyone, always, deleting shared conversations at the end', () => {
    const settings = handoffSettings(loadConfig({}));
    expect(settings).toMatchObject({ mode: 'console', countries: '*', languages: '*', hours: { always: true }, retentionDays: 0, positionUpdateSeconds: 30 });
  });

  it('lets a worker hold 3 chats at once and remembers earlier requests for 30 days unless told otherwise', () => {
    expect(handoffSettings(loadConfig({}))).toMatchObject({ maxChatsPerWorker: 3, previousContactDays: 30 });
    expect(handoffSettings(loadConfig({ HANDOFF_MAX_CHATS_PER_WORKER: '1', HANDOFF_PREVIOUS_CONTACT_DAYS: '0' })))
      .toMatchObject({ maxChatsPerWorker: 1, previousContactDays: 0 });
  });

  it('reads lists of countries and languages, and day ranges with times', () => {
    const settings = handoffSettings(loadConfig({ HANDOFF_COUNTRIES: 'BE, FR', HANDOFF_LANGUAGES: 'fr', HANDOFF_HOURS: 'mon-wed 09:00-17:00, sat 10:00-14:00' }));
    expect(settings.countries).toEqual(['BE', 'FR']);
    expect(settings.languages).toEqual(['fr']);
    expect(parseHours('mon-wed 09:00-17:00, sat 10:00-14:00')).toEqual({
      weekly: { mon: [{ open: '09:00', close: '17:00' }], tue: [{ open: '09:00', close: '17:00' }], wed: [{ open: '09:00', close: '17:00' }], sat: [{ open: '10:00', close: '14:00' }] }
    });
  });

  it('names the variable and gives an example for a bad value', () => {
    for (const [name, value] of [['HANDOFF_HOURS', 'weekdays 9-5'], ['HANDOFF_COUNTRIES', 'be'], ['HANDOFF_TIMEZONE', 'Mars/Olympus'], ['HANDOFF_MODE', 'email'], ['HANDOFF_MAX_CHATS_PER_WORKER', '0'], ['HANDOFF_MAX_CHATS_PER_WORKER', 'three'], ['HANDOFF_PREVIOUS_CONTACT_DAYS', '400']]) {
      expect(() => loadConfig({ [name!]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [name!]: value })).toThrow(new RegExp(`${name} .*for example ${name}=`));
    }
  });
});
