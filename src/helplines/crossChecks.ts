/**
 * Rules that need the whole country file: phone numbers are checked against the file's country, a service
 * can be reached somehow, a CSAM hotline has somewhere to report, every `fieldProvenance` entry describes a
 * field that is there, every country says something about its emergency number – a service, or a lead
 * admitting that no source confirmed one – so an author cannot silently forget it, and a number that costs money
 * or is not for emergencies can never be taken for the emergency route (see emergencyRoute.ts).
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
  const emergencyServices = file.services.filter((s) => (servesAs(s, 'emergency') || servesAs(s, 'police')) && !s.nonEmergency);
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
  checkEmergencyFlags(service, at, add);
  for (const field of ['phone', 'sms', 'whatsapp'] as const) {
    const phone = service[field];
    const problem = phone && phoneProblem(phone, country);
    if (problem) add([...at, field, problem.key], problem.message);
  }
  checkFieldProvenance(service, at, add);
}

/** The flags that keep a paid or non-urgent line out of the emergency route. */
function checkEmergencyFlags(service: Service, at: Path, add: Report): void {
  if (service.emergencyKind !== undefined && service.type !== 'emergency') {
    add([...at, 'emergencyKind'], `is only for a service of type "emergency" (this one is "${service.type}"): remove it`);
  }
  if (service.nonEmergency && servesAs(service, 'emergency')) {
    add([...at, 'nonEmergency'], 'cannot be set on an emergency number: a line that is not for emergencies is of type "police" (or another type), never "emergency"');
  }
  const urgentType = servesAs(service, 'emergency') || servesAs(service, 'police');
  if (urgentType && service.free === false && !service.nonEmergency) {
    add(
      [...at, 'free'],
      'is false: a number that costs money is never the number to call in danger. If it is a line for matters that are not urgent, add "nonEmergency": true; if it is an emergency number, check the source (emergency numbers are free)'
    );
  }
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
