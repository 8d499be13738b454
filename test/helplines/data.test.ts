/** Every country file in data/helplines validates, and together they cover exactly the 47 countries. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadDirectory } from '../../src/helplines/directory';
import { COVERED_COUNTRIES } from '../../src/helplines/members';
import { parseCountryFile } from '../../src/helplines/validation';

const dataDir = path.join(__dirname, '..', '..', 'data', 'helplines');
const files = readdirSync(dataDir).filter((name) => name.endsWith('.json')).sort();

describe('helpline data files', () => {
  it('has one file per covered country and no other', () => {
    expect(files).toEqual(COVERED_COUNTRIES.map((code) => `${code}.json`));
    expect(files).toHaveLength(47);
  });

  it.each(files)('%s is valid', (name) => {
    const file = path.join('data/helplines', name);
    const data = parseCountryFile(JSON.parse(readFileSync(path.join(dataDir, name), 'utf8')), file);
    expect(`${data.country}.json`).toBe(name);
  });

  it('loads as one directory', async () => {
    const directory = await loadDirectory(dataDir);
    expect(directory.countries()).toEqual([...COVERED_COUNTRIES]);
  });
});
