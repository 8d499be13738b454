/**
 * The number or numbers to give someone in danger (DESIGN.md rule 1). A general emergency number (112, 999,
 * 911) when the country has a verified one; otherwise the police and the ambulance numbers together, because
 * in a country without a working general number (Serbia: police 192, ambulance 194) a child in danger may need
 * either. A number that costs money or is only for matters that are not urgent (the Dutch police line
 * 0900-8844) is never part of it, whatever its type says: the data rules (crossChecks.ts) refuse such a number
 * without `nonEmergency`, and this filter refuses it again here, so neither can fail alone.
 */
import type { CountryView } from './directory';
import type { ShownService } from './shownService';

function servesAs(service: ShownService, type: 'emergency' | 'police'): boolean {
  return service.type === type || service.alsoServesAs.includes(type);
}

/** Whether a shown service may be the number to call in danger: callable, not paid, not a non-urgent line. */
export function canBeEmergencyRoute(service: ShownService): boolean {
  return service.phone !== undefined && service.free !== false && service.nonEmergency !== true && (servesAs(service, 'emergency') || servesAs(service, 'police'));
}

/** The services to give first in danger, best first; empty when the country has nothing verified to call. */
export function emergencyRoute(view: CountryView): ShownService[] {
  const candidates = view.services.filter(canBeEmergencyRoute);
  const general = candidates.find((s) => s.type === 'emergency' && s.emergencyKind === undefined);
  if (general) return [general];
  const police = candidates.find((s) => servesAs(s, 'police'));
  const ambulance = candidates.find((s) => s.emergencyKind === 'ambulance');
  const route = [police, ambulance].filter((s): s is ShownService => s !== undefined);
  return route.length > 0 ? route : candidates.slice(0, 1);
}

/**
 * Whether the country has a verified emergency number, not only a police number: what the coverage report
 * counts ("N of 47 countries with a verified emergency number").
 */
export function hasEmergencyNumber(view: CountryView): boolean {
  return emergencyRoute(view).some((s) => s.type === 'emergency');
}
