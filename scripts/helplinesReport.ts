/**
 * Coverage report of the helpline directory, for the people who keep it: per country, which kinds of service
 * users can be given (verified), which they cannot, how many values wait for a check, and how old the oldest
 * check is; then the flags of helplinesFlags.ts (values not checked for 12 months, countries without a verified
 * emergency number) and the count "N of 47 countries with a verified emergency number". Run after a build with
 * `node dist/scripts/helplinesReport.js [dir]` (npm run helplines:report). Exits 1, listing the problems, when
 * the data does not validate.
 */
import { loadDirectory, type HelplineDirectory } from '../src/helplines/directory';
import type { CountryFile } from '../src/helplines/schema';
import { HelplineDataError } from '../src/helplines/validation';
import { formatFlags } from './helplinesFlags';
import { SERVICE_TYPES, type ServiceType } from '../src/helplines/vocabulary';

export interface CountryCoverage {
  code: string;
  verified: ServiceType[];
  missing: ServiceType[];
  /** Unverified services, unverified values of verified services, and leads. */
  needsCheck: number;
  oldestCheck: string;
}

export function countryCoverage(directory: HelplineDirectory, code: string): CountryCoverage {
  const file = directory.reviewFile(code) as CountryFile;
  const missing = directory.missingTypes(code, SERVICE_TYPES);
  const checks = file.services.flatMap((s) => [s.provenance, ...(s.provenance.status === 'verified' ? Object.values(s.fieldProvenance ?? {}) : [])]);
  const needsCheck = checks.filter((p) => p?.status === 'needs-check').length + (file.leads?.length ?? 0);
  const dates = [...checks.map((p) => p?.checkedAt), ...(file.leads ?? []).map((l) => l.checkedAt)].filter((d): d is string => !!d);
  return { code, verified: SERVICE_TYPES.filter((t) => !missing.includes(t)), missing, needsCheck, oldestCheck: dates.sort()[0] ?? '-' };
}

export function formatReport(rows: CountryCoverage[]): string[] {
  const lines = rows.map(
    (r) => `${r.code}  verified: ${r.verified.join(', ') || '-'} | missing: ${r.missing.join(', ') || '-'} | needs-check: ${r.needsCheck} | oldest check: ${r.oldestCheck}`
  );
  const countriesWith = (type: ServiceType) => rows.filter((r) => r.verified.includes(type)).length;
  const urgent = rows.filter((r) => r.verified.includes('emergency') || r.verified.includes('police')).length;
  const perType = SERVICE_TYPES.map((t) => `${t} ${countriesWith(t)}`).join(', ');
  const needsCheck = rows.reduce((sum, r) => sum + r.needsCheck, 0);
  const oldest = rows.map((r) => r.oldestCheck).sort()[0] ?? '-';
  lines.push(
    `TOTAL  ${rows.length} countries | verified, countries per type: ${perType} | an emergency or police number: ${urgent} | needs-check: ${needsCheck} | oldest check: ${oldest}`
  );
  return lines;
}

/** `now` is the day of the run, from which staleness is counted; tests fix it. */
export async function main(args: string[] = process.argv.slice(2), out: (line: string) => void = console.log, now: Date = new Date()): Promise<number> {
  const dir = args[0] ?? 'data/helplines';
  try {
    const directory = await loadDirectory(dir);
    formatReport(directory.countries().map((code) => countryCoverage(directory, code))).forEach((line) => out(line));
    formatFlags(directory, now).forEach((line) => out(line));
    return 0;
  } catch (error) {
    if (!(error instanceof HelplineDataError)) throw error;
    out(error.message);
    return 1;
  }
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    }
  );
}
