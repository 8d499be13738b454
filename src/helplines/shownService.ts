/**
 * The only shape in which a service leaves the directory for users: every value in it is verified. A value
 * whose provenance is "needs-check" is not copied at all – only its field name is listed in `withheld`, so the
 * bot can say honestly "opening hours not confirmed" and can never show the unconfirmed value by accident.
 * A service is not shown at all when it is unverified, when nobody knows whom it is for, or when nothing
 * verified is left to reach it by.
 */
import type { Hours, Phone, Provenance, Service, Sms } from './schema';
import { CONTACT_FIELDS, FACT_FIELDS, type Audience, type EmergencyKind, type FactField, type ServiceType } from './vocabulary';

export interface ShownService {
  readonly id: string;
  readonly type: ServiceType;
  readonly alsoServesAs: readonly ServiceType[];
  /** Which emergency service a separate emergency number reaches (ambulance 194); absent for 112. */
  readonly emergencyKind?: EmergencyKind;
  /** A police line for matters that are not urgent: never the number to call in danger. */
  readonly nonEmergency?: true;
  readonly name: { readonly local: string; readonly en: string };
  readonly phone?: Phone;
  readonly sms?: Sms;
  readonly whatsapp?: Phone;
  readonly chatUrl?: string;
  readonly webUrl?: string;
  readonly reportUrl?: string;
  readonly languages?: readonly string[];
  readonly audiences: readonly Audience[];
  readonly free?: boolean;
  readonly hours?: Hours;
  /** The oldest check date among the values shown: what the bot means by "last checked". */
  readonly checkedAt: string;
  /** The pages the shown values come from. */
  readonly sources: readonly string[];
  /** Fields that exist in the data but are not verified; their values are not included. */
  readonly withheld: readonly FactField[];
}

export function showService(service: Service): ShownService | undefined {
  if (service.provenance.status !== 'verified') return undefined;
  const shown: Record<string, unknown> = { id: service.id, type: service.type, name: service.name, alsoServesAs: [] };
  // Like the type, these describe what the service is, under the service's own provenance.
  if (service.emergencyKind) shown.emergencyKind = service.emergencyKind;
  if (service.nonEmergency) shown.nonEmergency = true;
  const used: Provenance[] = [service.provenance];
  const withheld: FactField[] = [];
  for (const field of FACT_FIELDS) {
    if (service[field] === undefined) continue;
    const provenance = service.fieldProvenance?.[field] ?? service.provenance;
    if (provenance.status === 'verified') {
      shown[field] = service[field];
      used.push(provenance);
    } else {
      withheld.push(field);
    }
  }
  if (withheld.includes('audiences') || !CONTACT_FIELDS.some((f) => shown[f] !== undefined)) return undefined;
  if (shown.reportUrl === undefined) {
    if (service.type === 'csam_hotline') return undefined;
    shown.alsoServesAs = (shown.alsoServesAs as ServiceType[]).filter((t) => t !== 'csam_hotline');
  }
  shown.checkedAt = used.map((p) => p.checkedAt).sort()[0];
  shown.sources = [...new Set(used.map((p) => p.source).filter((s): s is string => s !== undefined))];
  shown.withheld = withheld;
  return deepFreeze(structuredClone(shown)) as unknown as ShownService;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
