/**
 * What the coverage report flags for reviewers (docs/helplines-review.md): every verified value whose last
 * check is more than 12 months before the day of the run, and every country without a verified emergency
 * number. A value nobody has looked at for a year may have changed – numbers move, hours change – and Beacon
 * keeps showing it, so it must be checked again. Needs-check values are not flagged: users never see them.
 */
import type { HelplineDirectory } from '../src/helplines/directory';
import { hasEmergencyNumber } from '../src/helplines/emergencyRoute';
import type { Provenance } from '../src/helplines/schema';

export interface StaleValue {
  code: string;
  /** "police-192" for the service's own provenance, "plavi-telefon.hours" for one field's. */
  value: string;
  checkedAt: string;
}

/** The day 12 months before `now` (YYYY-MM-DD): a value checked before it is stale. */
export function staleBefore(now: Date): string {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()));
  // 29 February one year back does not exist: Date.UTC rolls it over to 1 March, which is what we want.
  return cutoff.toISOString().slice(0, 10);
}

/** Verified values last checked more than 12 months before `now`, oldest first. */
export function staleValues(directory: HelplineDirectory, now: Date): StaleValue[] {
  const cutoff = staleBefore(now);
  const stale: StaleValue[] = [];
  const add = (code: string, value: string, p: Provenance | undefined) => {
    if (p?.status === 'verified' && p.checkedAt < cutoff) stale.push({ code, value, checkedAt: p.checkedAt });
  };
  for (const code of directory.countries()) {
    for (const service of directory.reviewFile(code)?.services ?? []) {
      if (service.provenance.status !== 'verified') continue;
      add(code, service.id, service.provenance);
      for (const [field, p] of Object.entries(service.fieldProvenance ?? {})) add(code, `${service.id}.${field}`, p);
    }
  }
  return stale.sort((a, b) => a.checkedAt.localeCompare(b.checkedAt) || a.code.localeCompare(b.code));
}

/** Countries in which no verified emergency number can be given (a police number alone does not count). */
export function countriesWithoutEmergency(directory: HelplineDirectory): string[] {
  return directory.countries().filter((code) => {
    const view = directory.get(code);
    return view === undefined || !hasEmergencyNumber(view);
  });
}

export function formatFlags(directory: HelplineDirectory, now: Date): string[] {
  const stale = staleValues(directory, now);
  const missing = countriesWithoutEmergency(directory);
  const cutoff = staleBefore(now);
  const lines = stale.map((s) => `STALE  ${s.code} ${s.value}: last checked ${s.checkedAt}, more than 12 months ago – check it against its source again`);
  lines.push(`${stale.length} verified value(s) last checked before ${cutoff}`);
  for (const code of missing) {
    const file = directory.reviewFile(code);
    const waiting = (file?.services ?? []).filter((s) => s.type === 'emergency' && s.provenance.status === 'needs-check').map((s) => `${s.id}: ${s.provenance.note ?? 'needs-check'}`);
    const leads = (file?.leads ?? []).filter((l) => l.type === 'emergency' || l.type === 'police').map((l) => l.note);
    const why = [...waiting, ...leads].join(' / ') || 'no service or lead recorded';
    lines.push(`NO EMERGENCY NUMBER  ${code}: ${why}`);
  }
  const total = directory.countries().length;
  lines.push(`${total - missing.length} of ${total} countries with a verified emergency number`);
  return lines;
}
