/**
 * The number given to someone in danger. Every country has a verified emergency number, or this file names the
 * country and why not; a number that costs money or is only for matters that are not urgent is never given as
 * the emergency route, whether the data marks it or not; and a country without a working general number gets
 * its police and ambulance numbers together.
 */
import path from 'node:path';
import { countriesWithoutEmergency } from '../../scripts/helplinesFlags';
import { HelplineDirectory, loadDirectory } from '../../src/helplines/directory';
import { emergencyRoute } from '../../src/helplines/emergencyRoute';
import type { CountryFile, Service } from '../../src/helplines/schema';
import { parseCountryFile } from '../../src/helplines/validation';
import { HelplineDataError } from '../../src/helplines/validation';
import { checked } from './fixtures';

const dataDir = path.join(__dirname, '..', '..', 'data', 'helplines');

/**
 * Countries in which no verified emergency number can be given, and why. Empty today: a country added here
 * must say what is missing and what would close the gap (see docs/helplines-review.md).
 */
const WITHOUT_EMERGENCY_NUMBER: Record<string, string> = {};

let directory: HelplineDirectory;
beforeAll(async () => {
  directory = await loadDirectory(dataDir);
});

const routeOf = (code: string) => emergencyRoute(directory.get(code)!).map((s) => s.phone?.dial);

describe('every country has a verified emergency number', () => {
  it('or is named here with the reason', () => {
    expect(countriesWithoutEmergency(directory)).toEqual(Object.keys(WITHOUT_EMERGENCY_NUMBER));
  });

  it('Armenia: 911 and the police on 102, while 112 waits, not shown, until its launch is confirmed', () => {
    expect(routeOf('AM')).toEqual(['911']);
    const raw = directory.reviewFile('AM')!.services.find((s) => s.phone?.dial === '112');
    expect(raw?.provenance.status).toBe('needs-check');
    expect(JSON.stringify(directory.get('AM'))).not.toMatch(/"112"/);
    expect(directory.get('AM')!.services.map((s) => s.phone?.dial)).toContain('102');
  });

  it('Serbia: police 192 and ambulance 194, because Serbia has no working 112', () => {
    expect(routeOf('RS')).toEqual(['192', '194']);
    expect(JSON.stringify(directory.get('RS'))).not.toMatch(/"112"/);
  });

  it('Bosnia and Herzegovina: police 122 and ambulance 124, and no 112 anywhere in what users can be given', () => {
    expect(routeOf('BA')).toEqual(['122', '124']);
    expect(JSON.stringify(directory.get('BA'))).not.toMatch(/"112"/);
  });
});

describe('what counts as a verified emergency number', () => {
  const service = (id: string, type: Service['type'], dial: string, extra: Partial<Service> = {}): Service => ({
    id, type, name: { local: dial, en: dial }, phone: { dial }, audiences: ['young_person', 'parent', 'other_adult', 'professional'], provenance: { ...checked }, ...extra
  });
  const country = (services: Service[]) => new HelplineDirectory([{ country: 'RS', timeZone: 'Europe/Belgrade', services }]);

  it('a police number alone is given in danger, but the country is still reported as without an emergency number', () => {
    const policeOnly = country([service('police', 'police', '192')]);
    expect(emergencyRoute(policeOnly.get('RS')!).map((s) => s.phone?.dial)).toEqual(['192']);
    expect(countriesWithoutEmergency(policeOnly)).toEqual(['RS']);
  });

  it('a general number comes alone; without one, police and ambulance together, and the fire brigade only when nothing else is there', () => {
    const all = [service('fire', 'emergency', '193', { emergencyKind: 'fire' }), service('ambulance', 'emergency', '194', { emergencyKind: 'ambulance' }), service('police', 'police', '192')];
    expect(emergencyRoute(country([...all, service('general', 'emergency', '112')]).get('RS')!).map((s) => s.phone?.dial)).toEqual(['112']);
    expect(emergencyRoute(country(all).get('RS')!).map((s) => s.phone?.dial)).toEqual(['192', '194']);
    expect(emergencyRoute(country(all.slice(0, 1)).get('RS')!).map((s) => s.phone?.dial)).toEqual(['193']);
    expect(countriesWithoutEmergency(country(all))).toEqual([]);
  });

  it('a general number that is not verified is not used', () => {
    const unverified = service('general', 'emergency', '112', { provenance: { status: 'needs-check', checkedAt: '2026-01-15' } });
    expect(emergencyRoute(country([unverified, service('police', 'police', '192')]).get('RS')!).map((s) => s.phone?.dial)).toEqual(['192']);
  });
});

describe('a paid or non-urgent number is never the emergency route', () => {
  it('in no country of the directory', () => {
    const paidOrNotUrgent = directory
      .countries()
      .flatMap((code) => emergencyRoute(directory.get(code)!).map((s) => ({ code, id: s.id, free: s.free, nonEmergency: s.nonEmergency })))
      .filter((s) => s.free === false || s.nonEmergency === true);
    expect(paidOrNotUrgent).toEqual([]);
  });

  it('the Netherlands: 112, never the paid police line 0900-8844, which is marked paid and not urgent', () => {
    expect(routeOf('NL')).toEqual(['112']);
    const politie = directory.get('NL')!.services.find((s) => s.phone?.dial === '0900-8844');
    expect(politie).toMatchObject({ free: false, nonEmergency: true });
    const urgent = directory.servicesFor('NL', { urgent: true }).map((s) => s.phone?.dial);
    expect(urgent[0]).toBe('112');
    // In danger it is not moved to the front with the emergency numbers: it keeps its place behind every helpline.
    expect(urgent.indexOf('0900-8844')).toBe(urgent.length - 1);
  });

  const police = (extra: Partial<Service>): Service => ({
    id: 'police-line', type: 'police', name: { local: 'Police', en: 'Police' }, phone: { dial: '0900-8844', e164: '+319008844' },
    audiences: ['young_person', 'parent', 'other_adult', 'professional'], provenance: { ...checked }, ...extra
  });
  const file = (services: Service[]): CountryFile => ({ country: 'NL', timeZone: 'Europe/Amsterdam', services });

  it('the data rules refuse a paid police number that is not marked as non-urgent', () => {
    expect(() => parseCountryFile(file([police({ free: false })]), 'NL.json')).toThrow(HelplineDataError);
    expect(() => parseCountryFile(file([police({ free: false })]), 'NL.json')).toThrow(/"nonEmergency": true/);
    expect(() => parseCountryFile(file([police({ free: false, nonEmergency: true }), { ...police({}), id: 'e', type: 'emergency', phone: { dial: '112' } }]), 'NL.json')).not.toThrow();
  });

  it('the data rules refuse "nonEmergency" on an emergency number and an emergency kind on a police number', () => {
    expect(() => parseCountryFile(file([{ ...police({ nonEmergency: true }), type: 'emergency', phone: { dial: '112' } }]), 'NL.json')).toThrow(/cannot be set on an emergency number/);
    expect(() => parseCountryFile(file([police({ emergencyKind: 'ambulance', phone: { dial: '192' } })]), 'NL.json')).toThrow(/only for a service of type "emergency"/);
  });

  it('and the route refuses such a number again, even if it got past the data rules', () => {
    // Built directly, as if the data rules had been bypassed: the only police line costs money.
    const paidOnly = new HelplineDirectory([file([police({ free: false })])]);
    expect(emergencyRoute(paidOnly.get('NL')!)).toEqual([]);
    const nonUrgent = new HelplineDirectory([file([police({ nonEmergency: true, phone: { dial: '17' } })])]);
    expect(emergencyRoute(nonUrgent.get('NL')!)).toEqual([]);
  });
});
