/**
 * The schema of one country file in `data/helplines/<CC>.json`, and the types the rest of the code uses.
 * Structure is checked here; rules that look across the file (phone numbers against the country, every
 * `fieldProvenance` key naming a field that is present, …) are in `crossChecks.ts` and run in the same parse.
 * The JSON Schema for editors is generated from this on demand (`helplinesJsonSchema`), never committed.
 */
import countries from 'i18n-iso-countries';
import { z } from 'zod/v4';
import { checkCountryFile } from './crossChecks';
import { httpsUrl, hoursSchema, leadSchema, phoneSchema, provenanceSchema, smsSchema } from './fieldSchemas';
import { AUDIENCES, EMERGENCY_KINDS, SERVICE_TYPES } from './vocabulary';

const text = z.string().trim().min(1, 'must not be empty');

const languageCode = z
  .string()
  .regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 language code in lower case, e.g. "en", "fr"')
  .refine((code) => new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code) !== undefined, {
    message: 'is not an ISO 639-1 language code'
  });

/** Per-field provenance, for a field whose source or status differs from the service's own. */
const fieldProvenanceSchema = z.strictObject({
  alsoServesAs: provenanceSchema.optional(),
  phone: provenanceSchema.optional(),
  sms: provenanceSchema.optional(),
  whatsapp: provenanceSchema.optional(),
  chatUrl: provenanceSchema.optional(),
  webUrl: provenanceSchema.optional(),
  reportUrl: provenanceSchema.optional(),
  languages: provenanceSchema.optional(),
  audiences: provenanceSchema.optional(),
  free: provenanceSchema.optional(),
  hours: provenanceSchema.optional()
});

export const serviceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "childline"'),
  type: z.enum(SERVICE_TYPES),
  alsoServesAs: z.array(z.enum(SERVICE_TYPES)).min(1).optional(),
  /** For an emergency number that reaches one service only (ambulance 194); absent for a general number like 112. */
  emergencyKind: z.enum(EMERGENCY_KINDS).optional(),
  /** A police line for matters that are not urgent (NL 0900-8844): never given as the number to call in danger. */
  nonEmergency: z.literal(true).optional(),
  name: z.strictObject({ local: text, en: text }),
  phone: phoneSchema.optional(),
  sms: smsSchema.optional(),
  whatsapp: phoneSchema.optional(),
  chatUrl: httpsUrl.optional(),
  webUrl: httpsUrl.optional(),
  reportUrl: httpsUrl.optional(),
  languages: z.array(languageCode).min(1).optional(),
  audiences: z.array(z.enum(AUDIENCES)).min(1, 'must name at least one audience'),
  free: z.boolean().optional(),
  hours: hoursSchema.optional(),
  provenance: provenanceSchema,
  fieldProvenance: fieldProvenanceSchema.optional()
});

/** The structure alone; `countryFileSchema` adds the cross-file checks. Exported for the JSON Schema. */
export const countryFileShape = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. "GB" (not "UK")')
    .refine((code) => countries.isValid(code), { message: 'is not an ISO 3166-1 alpha-2 country code' }),
  timeZone: z.string().refine(isIanaTimeZone, {
    message: 'must be an IANA time zone such as "Europe/Paris" (the zone the opening hours are given in)'
  }),
  services: z.array(serviceSchema),
  leads: z.array(leadSchema).optional()
});

/**
 * A country file with the cross-file rules. Those run only once the structure is valid: on a broken file
 * they would report follow-on errors (a field that failed its own check looks absent to them).
 */
export const countryFileSchema = countryFileShape.check((ctx) => {
  if (ctx.issues.length > 0) return;
  checkCountryFile(ctx.value, (path, message) => ctx.issues.push({ code: 'custom', path, message, input: ctx.value }));
});

export type CountryFile = z.infer<typeof countryFileShape>;
export type Service = CountryFile['services'][number];
export type Provenance = z.infer<typeof provenanceSchema>;
export type Phone = z.infer<typeof phoneSchema>;
export type Sms = z.infer<typeof smsSchema>;
export type Hours = z.infer<typeof hoursSchema>;
export type Lead = z.infer<typeof leadSchema>;

/** The JSON Schema of a country file, for editors (`"$schema"` support) and external tools. */
export function helplinesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(countryFileShape, { unrepresentable: 'any' }) as Record<string, unknown>;
}

function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]+\/[A-Za-z_]+(\/[A-Za-z_]+)?$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
