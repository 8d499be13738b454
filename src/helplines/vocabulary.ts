/**
 * The closed word lists of the helpline directory. They live apart from the zod schema so that the directory,
 * the opening-hours logic and the report can share them without pulling in validation code.
 */

/** What a service is for. A service has one `type` and may also serve as others (`alsoServesAs`). */
export const SERVICE_TYPES = [
  'emergency',
  'police',
  'child_helpline',
  'online_safety_helpline',
  'csam_hotline',
  'parent_line',
  'prevention_line',
  'image_removal'
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/**
 * Which emergency service a number of type "emergency" reaches, where a country has separate numbers
 * (Serbia: ambulance 194, fire 193). A general number such as 112 has no kind: it reaches all of them.
 */
export const EMERGENCY_KINDS = ['ambulance', 'fire'] as const;
export type EmergencyKind = (typeof EMERGENCY_KINDS)[number];

/** Who a service invites, from its own description (see data/helplines/README.md). */
export const AUDIENCES = ['young_person', 'parent', 'other_adult', 'professional'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const STATUSES = ['verified', 'needs-check'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * The fields of a service that carry a fact and so may have their own provenance in `fieldProvenance`.
 * `id`, `type` and `name` are covered by the service's own `provenance`: if the service is not verified,
 * nothing about it is shown.
 */
export const FACT_FIELDS = [
  'alsoServesAs',
  'phone',
  'sms',
  'whatsapp',
  'chatUrl',
  'webUrl',
  'reportUrl',
  'languages',
  'audiences',
  'free',
  'hours'
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

/** The fields through which someone can reach a service; a service needs at least one. */
export const CONTACT_FIELDS = ['phone', 'sms', 'whatsapp', 'chatUrl', 'webUrl', 'reportUrl'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
