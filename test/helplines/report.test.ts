/** The coverage report prints one line per country and a total, and fails loudly on invalid data. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { countryCoverage, main } from '../../scripts/helplinesReport';
import { HelplineDirectory } from '../../src/helplines/directory';
import { fixtureFile } from './fixtures';

describe('helplines report', () => {
  it('prints a line per country and a total for the real data', async () => {
    const lines: string[] = [];
    expect(await main([path.join(__dirname, '..', '..', 'data', 'helplines')], (l) => lines.push(l))).toBe(0);
    expect(lines).toHaveLength(48);
    expect(lines[0]).toMatch(/^AD {2}verified: .* \| missing: .* \| needs-check: \d+ \| oldest check: \d{4}-\d{2}-\d{2}$/);
    expect(lines[47]).toMatch(/^TOTAL {2}47 countries \| verified, countries per type: emergency \d+, police \d+, child_helpline \d+/);
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
