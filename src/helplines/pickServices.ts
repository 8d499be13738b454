/**
 * Picks, for each wanted kind of service, the country's verified services of that kind: those whose main type
 * it is before those that also serve as it, those meant for the user's audience first, at most `perType`, and
 * never one already shown (the German child helpline is also the online-safety helpline: it is shown once, and
 * the online-safety helpline is not reported as missing). A kind with no verified service at all is `missing`.
 */
import type { CountryView } from './directory';
import type { ShownService } from './shownService';
import type { Audience, ServiceType } from './vocabulary';

export interface PickOptions {
  audience?: Audience;
  perType: number;
  /** Ids already shown elsewhere (the emergency number). */
  exclude: readonly string[];
}

export function pickServices(view: CountryView, wanted: readonly ServiceType[], options: PickOptions): { shown: ShownService[]; missing: ServiceType[] } {
  const shown: ShownService[] = [];
  const missing: ServiceType[] = [];
  const used = new Set(options.exclude);
  for (const type of wanted) {
    const candidates = view.services
      .map((service, index) => ({ service, index, score: score(service, type, options.audience) }))
      .filter((c) => c.score !== undefined)
      .sort((a, b) => a.score! - b.score! || a.index - b.index);
    if (candidates.length === 0) missing.push(type);
    for (const { service } of candidates.filter((c) => !used.has(c.service.id)).slice(0, options.perType)) {
      shown.push(service);
      used.add(service.id);
    }
  }
  return { shown, missing };
}

/** Lower is better; undefined when the service is not of this kind at all. */
function score(service: ShownService, type: ServiceType, audience: Audience | undefined): number | undefined {
  const kind = service.type === type ? 0 : service.alsoServesAs.includes(type) ? 2 : undefined;
  if (kind === undefined) return undefined;
  return kind + (audience !== undefined && !service.audiences.includes(audience) ? 1 : 0);
}
