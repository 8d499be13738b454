/**
 * The schema rejects what would mislead a child – a wrong number, an insecure link, a value with no source –
 * and its messages name the field and say how to fix it.
 */
import { helplinesJsonSchema } from '../../src/helplines/schema';
import { HelplineDataError, parseCountryFile } from '../../src/helplines/validation';
import { fixtureFile } from './fixtures';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The problems reported for the fixture after `breakIt` has changed it. */
function problemsAfter(breakIt: (file: Mutable) => void): string[] {
  const file = structuredClone(fixtureFile()) as Mutable;
  breakIt(file);
  try {
    parseCountryFile(file, 'GB.json');
  } catch (error) {
    if (error instanceof HelplineDataError) return error.problems;
    throw error;
  }
  return [];
}

describe('country file schema', () => {
  it('accepts the fixture', () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });

  it.each<[string, (f: Mutable) => void, string]>([
    ['an E.164 number that is not a valid number', (f) => (f.services[1].phone.e164 = '+44800111'),
      'GB.json: services[1] (id "kids-line").phone.e164: "+44800111" is not a valid phone number'],
    ['a dialled number that disagrees with its E.164 form', (f) => (f.services[1].phone.dial = '0800 1112'),
      'GB.json: services[1] (id "kids-line").phone.dial: "0800 1112" and e164 "+448001111" are not the same number'],
    ['a full number without its E.164 form', (f) => delete f.services[1].phone.e164,
      'GB.json: services[1] (id "kids-line").phone.e164: is missing: "0800 1111" is a full phone number in GB, add "e164": "+448001111"'],
    ['a number that is neither valid nor a short code', (f) => (f.services[0].phone = { dial: '1234567' }),
      'GB.json: services[0] (id "emergency").phone.dial: "1234567" is neither a valid phone number in GB nor a short code'],
    ['a foreign number not written in international form', (f) => (f.services[3].phone = { dial: '01 522 4300', e164: '+35315224300' }),
      'GB.json: services[3] (id "parents").phone.dial: is a number in IE, so callers in GB must dial it in international form'],
    ['an http:// address', (f) => (f.services[1].webUrl = 'http://unconfirmed.example.org'),
      'GB.json: services[1] (id "kids-line").webUrl: must be a full https:// address'],
    ['a bare domain', (f) => (f.services[4].reportUrl = 'hotline.example.org'),
      'GB.json: services[4] (id "hotline").reportUrl: must be a full https:// address'],
    ['a verified value without a source', (f) => delete f.services[0].provenance.source,
      'GB.json: services[0] (id "emergency").provenance.source: is required when status is "verified"'],
    ['a source that is not https', (f) => (f.services[0].provenance.source = 'http://example.org/source'),
      'GB.json: services[0] (id "emergency").provenance.source: must be a full https:// address'],
    ['a check date that is not a date', (f) => (f.services[0].provenance.checkedAt = '2026-02-30'),
      'GB.json: services[0] (id "emergency").provenance.checkedAt: must be the day the value was last checked against its source, as YYYY-MM-DD'],
    ['a check date in the future', (f) => (f.services[0].provenance.checkedAt = '2999-01-01'),
      'GB.json: services[0] (id "emergency").provenance.checkedAt: is in the future'],
    ['a misspelt key', (f) => (f.services[0].phne = f.services[0].phone),
      'GB.json: services[0] (id "emergency"): has unknown key(s) "phne"'],
    ['a missing audience list', (f) => delete f.services[3].audiences,
      'GB.json: services[3] (id "parents").audiences: is required'],
    ['a CSAM hotline with nowhere to report', (f) => {
      delete f.services[4].reportUrl;
      delete f.services[4].fieldProvenance;
      f.services[4].webUrl = 'https://hotline.example.org';
    }, 'GB.json: services[4] (id "hotline").reportUrl: is required for a CSAM hotline'],
    ['a service nobody can reach', (f) => {
      delete f.services[3].phone;
    }, 'GB.json: services[3] (id "parents"): service "parents" has no way to reach it'],
    ['provenance for a field that is not there', (f) => (f.services[3].fieldProvenance = { hours: f.services[0].provenance }),
      'GB.json: services[3] (id "parents").fieldProvenance.hours: describes "hours", which this service does not have'],
    ['a verified value inside an unverified service', (f) => (f.services[2].fieldProvenance = { phone: f.services[0].provenance }),
      'GB.json: services[2] (id "unconfirmed-line").fieldProvenance.phone.status: cannot be "verified" while the service itself is "needs-check"'],
    ['a time that is not HH:MM', (f) => (f.services[1].hours.weekly.mon[0].close = '24:00'),
      'GB.json: services[1] (id "kids-line").hours.weekly.mon[0].close: must be a 24-hour local time "HH:MM"'],
    ['hours that are both always and weekly', (f) => (f.services[1].hours.always = true),
      'GB.json: services[1] (id "kids-line").hours: must have exactly one of "always": true or "weekly"'],
    ['a duplicate id', (f) => (f.services[3].id = 'kids-line'),
      'GB.json: services[3] (id "kids-line").id: "kids-line" is used twice in this file'],
    ['"UK" instead of "GB"', (f) => (f.country = 'UK'),
      'GB.json: country: is not an ISO 3166-1 alpha-2 country code'],
    ['an invented time zone', (f) => (f.timeZone = 'Europe/Atlantis'),
      'GB.json: timeZone: must be an IANA time zone such as "Europe/Paris"'],
    ['a language that is not ISO 639-1', (f) => (f.services[1].languages = ['xx']),
      'GB.json: services[1] (id "kids-line").languages[0]: is not an ISO 639-1 language code'],
    ['no word about emergency numbers', (f) => (f.services = f.services.filter((s: Mutable) => s.type !== 'emergency')),
      'GB.json: services: has no emergency number: add a service of type "emergency"']
  ])('rejects %s, naming the field', (_what, breakIt, expected) => {
    expect(problemsAfter(breakIt)).toContainEqual(expect.stringContaining(expected));
  });

  it('accepts short codes, and an emergency lead where no number is confirmed', () => {
    expect(problemsAfter((f) => (f.services[3].phone = { dial: '116 111' }))).toEqual([]);
    expect(
      problemsAfter((f) => {
        f.services = f.services.filter((s: Mutable) => s.type !== 'emergency');
        f.leads.push({ type: 'emergency', note: 'No source confirmed the emergency number.', checkedAt: '2026-01-15' });
      })
    ).toEqual([]);
  });
});

describe('helplinesJsonSchema', () => {
  it('describes a country file for editors, with the closed word lists', () => {
    const schema = helplinesJsonSchema() as { properties: Record<string, any>; required: string[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(schema.required).toEqual(expect.arrayContaining(['country', 'timeZone', 'services']));
    const service = schema.properties.services.items;
    expect(service.properties.type.enum).toContain('csam_hotline');
    expect(service.properties.provenance.properties.status.enum).toEqual(['verified', 'needs-check']);
    expect(service.additionalProperties).toBe(false);
  });
});
