/**
 * Rules that need the whole country file: phone numbers are checked against the file's country, a service
 * can be reached somehow, a CSAM hotline has somewhere to report, every `fieldProvenance` entry describes a
 * field that is there, and every country says something about its emergency number – a service, or a lead
 * admitting that no source confirmed one – so an author cannot silently forget it.
 */
import { phoneProblem } from './phoneCheck';
import type { CountryFile, Service } from './schema';
import { CONTACT_FIELDS, FACT_FIELDS } from './vocabulary';

type Path = (string | number)[];
/** Receives each problem found: where it is in the file, and what to do. */
export type Report = (path: Path, message: string) => void;

export function servesAs(service: Pick<Service, 'type' | 'alsoServesAs'>, type: Service['type']): boolean {
  return service.type === type || (service.alsoServesAs ?? []).includes(type);
}

export function checkCountryFile(file: CountryFile, add: Report): void {
  const seen = new Set<string>();
  file.services.forEach((service, i) => {
    const at: Path = ['services', i];
    if (seen.has(service.id)) add([...at, 'id'], `"${service.id}" is used twice in this file: give each service its own id`);
    seen.add(service.id);
    checkService(service, file.country, at, add);
  });
  const emergencyServices = file.services.filter((s) => servesAs(s, 'emergency') || servesAs(s, 'police'));
  const emergencyLeads = (file.leads ?? []).filter((l) => l.type === 'emergency' || l.type === 'police');
  if (emergencyServices.length === 0 && emergencyLeads.length === 0) {
    add(
      ['services'],
      'has no emergency number: add a service of type "emergency" (e.g. 112) with its source, or, if no source confirms one, a lead of type "emergency" that says so'
    );
  }
}

function checkService(service: Service, country: string, at: Path, add: Report): void {
  if (!CONTACT_FIELDS.some((field) => service[field] !== undefined)) {
    add(at, `service "${service.id}" has no way to reach it: add phone, sms, whatsapp, chatUrl, webUrl or reportUrl, or move it to "leads"`);
  }
  if (servesAs(service, 'csam_hotline') && service.reportUrl === undefined) {
    add([...at, 'reportUrl'], 'is required for a CSAM hotline: add the https:// address where reports are made, or move the hotline to "leads"');
  }
  if ((service.type === 'emergency' || service.type === 'police') && !service.phone && !service.sms) {
    add([...at, 'phone'], `is required for a service of type "${service.type}"`);
  }
  if (service.alsoServesAs?.includes(service.type)) {
    add([...at, 'alsoServesAs'], `repeats the service's own type "${service.type}": remove it`);
  }
  for (const field of ['phone', 'sms', 'whatsapp'] as const) {
    const phone = service[field];
    const problem = phone && phoneProblem(phone, country);
    if (problem) add([...at, field, problem.key], problem.message);
  }
  checkFieldProvenance(service, at, add);
}

function checkFieldProvenance(service: Service, at: Path, add: Report): void {
  for (const [field, provenance] of Object.entries(service.fieldProvenance ?? {})) {
    const path = [...at, 'fieldProvenance', field];
    if (!FACT_FIELDS.includes(field as (typeof FACT_FIELDS)[number]) || service[field as keyof Service] === undefined) {
      add(path, `describes "${field}", which this service does not have: remove the entry or add the field`);
    } else if (service.provenance.status === 'needs-check' && provenance?.status === 'verified') {
      add([...path, 'status'], 'cannot be "verified" while the service itself is "needs-check": verify the service first');
    }
  }
}
