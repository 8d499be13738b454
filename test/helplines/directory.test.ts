/**
 * The directory hands users verified values only. A "needs-check" value never leaves it – not flagged, not
 * hidden in a field: it is absent, and only its field name is listed as withheld.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HelplineDirectory, loadDirectory } from '../../src/helplines/directory';
import { HelplineDataError } from '../../src/helplines/validation';
import { FACT_FIELDS } from '../../src/helplines/vocabulary';
import { fixtureFile } from './fixtures';

const directory = new HelplineDirectory([fixtureFile()]);

describe('what the directory shows', () => {
  it('leaves out a service that is not verified, and a hotline whose report address is not', () => {
    const ids = directory.get('GB')?.services.map((s) => s.id);
    expect(ids).toEqual(['emergency', 'kids-line', 'parents']);
  });

  it('leaves out unverified values of a verified service and names them as withheld', () => {
    const kids = directory.get('gb')?.services.find((s) => s.id === 'kids-line');
    expect(kids?.phone).toEqual({ dial: '0800 1111', e164: '+448001111' });
    expect(kids && 'hours' in kids).toBe(false);
    expect(kids && 'webUrl' in kids).toBe(false);
    expect(kids?.withheld).toEqual(['webUrl', 'hours']);
    expect(kids?.sources).toEqual(['https://example.org/source']);
  });

  it('never lets an unverified value out, whichever way the caller asks', () => {
    const everything = JSON.stringify([directory.get('GB'), directory.servicesFor('GB'), directory.servicesFor('GB', { urgent: true })]);
    expect(everything).not.toContain('unconfirmed.example.org');
    expect(everything).not.toContain('hotline.example.org');
    expect(everything).not.toContain('0808 800 5000');
    expect(everything).not.toContain('"09:00"');
  });

  it('hands out frozen objects, so a caller cannot patch a value in', () => {
    const kids = directory.get('GB')?.services[1] as unknown as Record<string, unknown>;
    expect(() => {
      kids.hours = { always: true };
    }).toThrow(TypeError);
    expect(Object.isFrozen(kids.phone)).toBe(true);
  });

  it('says which wanted kinds of service have nothing verified', () => {
    expect(directory.missingTypes('GB', ['emergency', 'police', 'child_helpline', 'csam_hotline', 'prevention_line'])).toEqual([
      'csam_hotline',
      'prevention_line'
    ]);
    expect(directory.missingTypes('XX', ['emergency'])).toEqual(['emergency']);
  });
});

describe('servicesFor', () => {
  it('puts the emergency number first when the turn is urgent, for every audience', () => {
    expect(directory.servicesFor('GB', { urgent: true, audience: 'young_person', topic: 'talk' }).map((s) => s.id)).toEqual(['emergency', 'kids-line']);
    expect(directory.servicesFor('GB', { urgent: true, audience: 'parent', topic: 'talk' }).map((s) => s.id)).toEqual(['emergency', 'parents']);
  });

  it('leaves emergency numbers out of a calm request, and filters by audience', () => {
    expect(directory.servicesFor('GB', { topic: 'talk', audience: 'young_person' }).map((s) => s.id)).toEqual(['kids-line']);
    expect(directory.servicesFor('GB', { topic: 'prevention', audience: 'young_person' })).toEqual([]);
  });

  it('returns nothing for a country that is not in the directory', () => {
    expect(directory.servicesFor('US', { urgent: true })).toEqual([]);
    expect(directory.get('US')).toBeUndefined();
  });
});

describe('the real data', () => {
  it('shows exactly the verified values of each service, in every country', async () => {
    const real = await loadDirectory(path.join(__dirname, '..', '..', 'data', 'helplines'));
    let withheld = 0;
    for (const code of real.countries()) {
      const shownById = new Map((real.get(code)?.services ?? []).map((s) => [s.id, s as unknown as Record<string, unknown>]));
      for (const service of real.reviewFile(code)?.services ?? []) {
        const shown = shownById.get(service.id);
        if (service.provenance.status !== 'verified') {
          expect(`${code} ${service.id}: ${shown ? 'shown' : 'not shown'}`).toBe(`${code} ${service.id}: not shown`);
          continue;
        }
        if (!shown) continue;
        for (const field of FACT_FIELDS) {
          if (service[field] === undefined) continue;
          const status = (service.fieldProvenance?.[field] ?? service.provenance).status;
          const label = `${code} ${service.id}.${field} (${status})`;
          if (status === 'verified') expect([label, shown[field]]).toEqual([label, service[field]]);
          else expect([label, shown[field]]).not.toEqual([label, service[field]]);
          if (status !== 'verified') withheld += 1;
        }
      }
    }
    expect(withheld).toBeGreaterThan(20);
  });

  it('gives every country something for an urgent turn, or admits it has nothing verified', async () => {
    const real = await loadDirectory(path.join(__dirname, '..', '..', 'data', 'helplines'));
    for (const code of real.countries()) {
      const urgent = real.servicesFor(code, { urgent: true }).filter((s) => ['emergency', 'police'].includes(s.type) || s.alsoServesAs.includes('emergency'));
      const leads = real.reviewFile(code)?.leads?.filter((l) => l.type === 'emergency' || l.type === 'police') ?? [];
      expect(`${code}: ${urgent.length > 0 || leads.length > 0}`).toBe(`${code}: true`);
    }
  });
});

describe('loadDirectory', () => {
  async function dirWith(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'helplines-'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return dir;
  }

  it('says which folder cannot be read', async () => {
    await expect(loadDirectory(path.join(os.tmpdir(), 'no-such-helplines-dir'))).rejects.toThrow(/no-such-helplines-dir: cannot be read \(ENOENT\)/);
  });

  it('loads a valid directory and ignores files that are not JSON', async () => {
    const dir = await dirWith({ 'GB.json': JSON.stringify(fixtureFile()), 'README.md': '# notes' });
    expect((await loadDirectory(dir, { expected: ['GB'] })).countries()).toEqual(['GB']);
  });

  it('reports every problem at once, each naming the file, the place and the fix', async () => {
    const misnamed = { ...fixtureFile(), country: 'FR', timeZone: 'Europe/Paris' };
    misnamed.services = misnamed.services.filter((s) => !s.phone?.e164);
    const dir = await dirWith({ 'BE.json': JSON.stringify(misnamed), 'DE.json': '{ "country": ', 'US.json': JSON.stringify({ ...fixtureFile(), country: 'US' }) });
    const error = await loadDirectory(dir, { expected: ['BE', 'DE', 'GB'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HelplineDataError);
    const problems = (error as HelplineDataError).problems.join('\n');
    expect(problems).toContain(`${path.join(dir, 'BE.json')}: country: is "FR" but the file is named BE.json: rename the file or correct the code`);
    expect(problems).toContain(`${path.join(dir, 'DE.json')}: (top level): is not valid JSON`);
    expect(problems).toContain(`${path.join(dir, 'US.json')}: services[1] (id "kids-line").phone.dial:`);
    expect(problems).toContain(`${path.join(dir, 'GB.json')}: is missing: add a file for GB`);
  });
});
