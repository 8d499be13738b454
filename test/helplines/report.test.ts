/**
 * The coverage report prints one line per country and a total, flags verified values not checked for 12 months
 * (counted from the day of the run, fixed here) and countries without a verified emergency number, counts the
 * countries that have one, and fails loudly on invalid data.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { staleBefore, staleValues } from '../../scripts/helplinesFlags';
import { countryCoverage, main } from '../../scripts/helplinesReport';
import { HelplineDirectory } from '../../src/helplines/directory';
import type { Service } from '../../src/helplines/schema';
import { checked, fixtureFile } from './fixtures';

const dataDir = path.join(__dirname, '..', '..', 'data', 'helplines');
/** The day of the run for the real-data tests: staleness is counted from it, never from the machine's clock. */
const RUN_DAY = new Date('2026-12-02T09:00:00Z');

describe('helplines report', () => {
  it('prints a line per country and a total for the real data', async () => {
    const lines: string[] = [];
    expect(await main([dataDir], (l) => lines.push(l), RUN_DAY)).toBe(0);
    expect(lines[0]).toMatch(/^AD {2}verified: .* \| missing: .* \| needs-check: \d+ \| oldest check: \d{4}-\d{2}-\d{2}$/);
    expect(lines[47]).toMatch(/^TOTAL {2}47 countries \| verified, countries per type: emergency \d+, police \d+, child_helpline \d+/);
  });

  it('ends with the number of countries with a verified emergency number, one flag for each country without', async () => {
    const lines: string[] = [];
    await main([dataDir], (l) => lines.push(l), RUN_DAY);
    const without = lines.filter((l) => l.startsWith('NO EMERGENCY NUMBER  '));
    expect(lines[lines.length - 1]).toBe(`${47 - without.length} of 47 countries with a verified emergency number`);
  });

  it('flags every verified value of the real data once it is more than 12 months old', async () => {
    const lines: string[] = [];
    await main([dataDir], (l) => lines.push(l), new Date('2030-01-01T00:00:00Z'));
    const stale = lines.filter((l) => l.startsWith('STALE  '));
    expect(stale.length).toBeGreaterThan(47);
    expect(stale).toContainEqual(expect.stringMatching(/^STALE {2}RS ambulance-194: last checked \d{4}-\d{2}-\d{2}, more than 12 months ago/));
    expect(lines).toContain(`${stale.length} verified value(s) last checked before 2029-01-01`);
  });

  it('flags a verified value checked more than 12 months before the run, and neither a newer one nor a needs-check one', () => {
    const file = fixtureFile();
    const [emergency, kids, , parents] = file.services as [Service, Service, Service, Service];
    emergency.provenance = { ...checked, checkedAt: '2025-12-03' };
    kids.provenance = { ...checked, checkedAt: '2025-12-01' };
    kids.fieldProvenance!.hours = { status: 'needs-check', checkedAt: '2020-01-01' };
    parents.fieldProvenance = { phone: { ...checked, checkedAt: '2025-12-02' }, audiences: { ...checked, checkedAt: '2024-06-30' } };
    parents.provenance = { ...checked, checkedAt: '2026-11-30' };
    const stale = staleValues(new HelplineDirectory([file]), RUN_DAY);
    expect(stale).toEqual([
      { code: 'GB', value: 'parents.audiences', checkedAt: '2024-06-30' },
      { code: 'GB', value: 'kids-line', checkedAt: '2025-12-01' }
    ]);
  });

  it('counts 12 months back to the same day, and from 29 February to 1 March', () => {
    expect(staleBefore(new Date('2026-12-02T23:59:00Z'))).toBe('2025-12-02');
    expect(staleBefore(new Date('2028-02-29T12:00:00Z'))).toBe('2027-03-01');
  });

  it('counts unverified services, unverified values and leads as needs-check', () => {
    const directory = new HelplineDirectory([fixtureFile()]);
    expect(countryCoverage(directory, 'GB')).toEqual({
      code: 'GB',
      verified: ['emergency', 'police', 'child_helpline', 'parent_line'],
      missing: ['online_safety_helpline', 'csam_hotline', 'prevention_line', 'image_removal'],
      needsCheck: 5,
      oldestCheck: '2026-01-15'
    });
  });

  it('fails with the list of problems when the data is not valid', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'helplines-report-'));
    await writeFile(path.join(dir, 'GB.json'), JSON.stringify(fixtureFile()));
    const lines: string[] = [];
    expect(await main([dir], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toContain(`${path.join(dir, 'FR.json')}: is missing`);
  });
});
