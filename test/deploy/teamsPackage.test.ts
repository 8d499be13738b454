/**
 * `npm run teams:package`: the Teams app package is a valid ZIP (read back here entry by entry, CRC-checked) with
 * the manifest filled in for this bot and the two icons; the app id is stable for a bot; mistakes stop the build
 * with messages that name the field.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { buildTeamsPackage, teamsAppIdFor, TeamsPackageError } from '../../scripts/teamsPackage';
import { ROOT_DIR } from '../../src/beacon';

const BOT_ID = '8c1f5d7e-1111-4222-8333-444455556666';
const TEAMS_DIR = path.join(ROOT_DIR, 'deploymentTemplates', 'teams');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'beacon-teams-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The entries of a ZIP, found through its central directory, each inflated and checked against its CRC. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const [crc, compressedSize, nameLength, extraLength, commentLength] = [zip.readUInt32LE(at + 16), zip.readUInt32LE(at + 20), zip.readUInt16LE(at + 28), zip.readUInt16LE(at + 30), zip.readUInt16LE(at + 32)];
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressedSize));
    expect(crc32(data)).toBe(crc);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('the Teams app package', () => {
  it('holds the filled-in manifest and both icons', async () => {
    const outFile = path.join(dir, 'beacon-teams.zip');
    await buildTeamsPackage({ botId: BOT_ID, domain: 'https://beacon-helpline.azurewebsites.net/', privacyUrl: 'https://helpline.example/privacy', outFile });
    const entries = readZip(await readFile(outFile));
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({
      manifestVersion: '1.22',
      id: teamsAppIdFor(BOT_ID),
      developer: { websiteUrl: 'https://beacon-helpline.azurewebsites.net/', privacyUrl: 'https://helpline.example/privacy' },
      bots: [{ botId: BOT_ID, scopes: ['personal', 'team'], supportsFiles: false }],
      validDomains: ['beacon-helpline.azurewebsites.net']
    });
    expect(entries.get('color.png')).toEqual(await readFile(path.join(TEAMS_DIR, 'color.png')));
  });

  it('gives a bot the same Teams app id every time, a valid GUID, and the same bytes for the same input', async () => {
    expect(teamsAppIdFor(BOT_ID)).toBe(teamsAppIdFor(BOT_ID.toUpperCase()));
    expect(teamsAppIdFor(BOT_ID)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(teamsAppIdFor(BOT_ID)).not.toBe(teamsAppIdFor('00000000-1111-4222-8333-444455556666'));
    const a = path.join(dir, 'a.zip');
    const b = path.join(dir, 'b.zip');
    await buildTeamsPackage({ botId: BOT_ID, domain: 'beacon.example.org', outFile: a });
    await buildTeamsPackage({ botId: BOT_ID, domain: 'beacon.example.org', outFile: b });
    expect(await readFile(a)).toEqual(await readFile(b));
  });

  it('refuses a bot id that is not a GUID and a developer URL that is not https, naming both', async () => {
    const attempt = buildTeamsPackage({ botId: 'my-bot', domain: 'beacon.example.org', privacyUrl: 'http://helpline.example/privacy', outFile: path.join(dir, 'x.zip') });
    await expect(attempt).rejects.toThrow(TeamsPackageError);
    const error = (await attempt.catch((e: unknown) => e)) as TeamsPackageError;
    expect(error.problems).toEqual([
      'developer.privacyUrl must be an https:// address',
      "bots[0].botId must be the bot's Microsoft App ID (a GUID)"
    ]);
  });

  it('refuses icons of the wrong size', async () => {
    const source = await mkdtemp(path.join(dir, 'src-'));
    await copyFile(path.join(TEAMS_DIR, 'manifest.json'), path.join(source, 'manifest.json'));
    await copyFile(path.join(TEAMS_DIR, 'color.png'), path.join(source, 'color.png'));
    await copyFile(path.join(TEAMS_DIR, 'color.png'), path.join(source, 'outline.png'));
    await expect(buildTeamsPackage({ botId: BOT_ID, domain: 'beacon.example.org', sourceDir: source, outFile: path.join(dir, 'y.zip') })).rejects.toThrow(
      /outline\.png must be a 32×32 PNG/
    );
  });
});
