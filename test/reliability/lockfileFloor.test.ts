/**
 * Beacon owns its dependency tree (botbuilder 4.23.3 gets no more releases and pins old transitive packages):
 * `overrides` in package.json lift the packages with published fixes, and this test holds the lockfile to them.
 * No installed version may be below the floor of its major line — the overrides' own floors, and for packages
 * installed in several majors (where one override cannot fit every parent) a floor per major — and none may be
 * one of the versions published by a hijacked maintainer account (September 2025).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { overrides: Record<string, string> };
const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };

/** Fixed versions per major line, for packages the tree holds in more than one major (advisory in the comment). */
const FLOORS_PER_MAJOR: Record<string, string[]> = {
  ws: ['7.5.10', '8.17.1'], // CVE-2024-37890, a request with many headers crashes the server
  'form-data': ['2.5.4', '3.0.4', '4.0.4'], // CVE-2025-7783, predictable multipart boundary
  semver: ['5.7.2', '6.3.1', '7.5.2'], // CVE-2022-25883, ReDoS
  'brace-expansion': ['1.1.12', '2.0.2'], // CVE-2025-5889, ReDoS
  'path-to-regexp': ['0.1.12', '3.3.0', '6.3.0', '8.0.0'], // CVE-2024-45296, CVE-2024-52798, ReDoS
  cookie: ['0.7.0'], // CVE-2024-47764, out-of-bounds characters in cookie names
  'cross-spawn': ['7.0.5'], // CVE-2024-21538, ReDoS
  nanoid: ['3.3.8'], // CVE-2024-55565, non-integer sizes
  xml2js: ['0.5.0'], // CVE-2023-0842, prototype pollution
  'sanitize-html': ['2.12.1'], // CVE-2024-21501, file enumeration
  postcss: ['8.4.31'], // CVE-2023-44270, line-return parsing
  'node-fetch': ['2.6.7'] // CVE-2022-0235, cookie leak on redirect
};

/** Versions published from hijacked accounts (the "debug"/"chalk" compromise): never installed. */
const COMPROMISED: Record<string, string[]> = {
  debug: ['4.4.2'], chalk: ['5.6.1'], 'ansi-styles': ['6.2.2'], 'supports-color': ['10.2.1'], 'strip-ansi': ['7.1.1'],
  'ansi-regex': ['6.2.1'], 'wrap-ansi': ['9.0.1'], 'color-convert': ['3.1.1'], 'color-name': ['2.0.1'], 'is-arrayish': ['0.3.3'],
  'slice-ansi': ['7.1.1'], 'error-ex': ['1.3.3'], 'simple-swizzle': ['0.2.3'], 'has-ansi': ['6.0.1'], 'chalk-template': ['1.1.1'],
  'supports-hyperlinks': ['4.1.1'], backslash: ['0.2.1'], color: ['5.0.1'], 'color-string': ['2.1.1']
};

type Version = [number, number, number];
const parse = (v: string): Version => {
  const [major = 0, minor = 0, patch = 0] = v.replace(/^[^\d]*/, '').split(/[.+-]/).map(Number);
  return [major, minor, patch];
};
const below = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Every installed version of every package, by name (a name's path ends at its last node_modules/). */
function installed(): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const [where, entry] of Object.entries(lock.packages)) {
    const name = where.split('node_modules/').pop();
    if (!where.includes('node_modules/') || !name || !entry.version) continue;
    byName.set(name, [...(byName.get(name) ?? []), entry.version]);
  }
  return byName;
}

/** The floors an override sets: its lowest allowed version ("^1.12.0", "~9.0.2", ">=4.0.1", "4.23.3"). */
function overrideFloors(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(pkg.overrides).filter(([, range]) => typeof range === 'string').map(([name, range]) => [name, [range.replace(/^[\^~>=\s]+/, '')]]));
}

/** The installed versions below the floor of their major line; a major older than every floor is below too. */
function belowFloor(floors: Record<string, string[]>, versions: Map<string, string[]>): string[] {
  return Object.entries(floors).flatMap(([name, list]) =>
    (versions.get(name) ?? []).filter((version) => {
      const v = parse(version);
      const same = list.map(parse).find((floor) => floor[0] === v[0]);
      if (same) return below(v, same) < 0;
      return list.map(parse).every((floor) => floor[0] > v[0]);
    }).map((version) => `${name}@${version}`));
}

describe('the lockfile', () => {
  const versions = installed();

  it('overrides the transitive packages with known fixes, each to a fixed version', () => {
    for (const name of ['axios', 'jsonwebtoken', 'jws', 'follow-redirects', '@babel/runtime', 'node-forge', 'tar-fs']) expect(pkg.overrides[name]).toMatch(/^\^\d+\.\d+\.\d+$/);
  });

  it('holds no version below an override or a fixed version of its major line', () => {
    expect(belowFloor({ ...overrideFloors(), ...FLOORS_PER_MAJOR }, versions)).toEqual([]);
  });

  it('holds none of the versions published from hijacked accounts', () => {
    const found = Object.entries(COMPROMISED).flatMap(([name, bad]) => (versions.get(name) ?? []).filter((v) => bad.includes(v)).map((v) => `${name}@${v}`));
    expect(found).toEqual([]);
  });

  it('would notice a version below its floor (the check itself)', () => {
    const fake = new Map([['axios', ['1.7.9', '1.12.0']], ['ws', ['6.2.2', '7.5.9', '8.18.0']]]);
    expect(belowFloor({ axios: ['1.12.0'], ws: ['7.5.10', '8.17.1'] }, fake)).toEqual(['axios@1.7.9', 'ws@6.2.2', 'ws@7.5.9']);
  });
});
