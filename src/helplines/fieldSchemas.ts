/**
 * The building blocks of a country file: provenance, https addresses, phone numbers, opening hours and leads.
 * Each message says what is wrong and how to fix it, because the people who edit these files are researchers
 * and helpline staff, not developers. Checks that need the whole file (a phone number against the country,
 * a field's provenance against the field) are in `crossChecks.ts`.
 */
import { z } from 'zod/v4';
import { SERVICE_TYPES, STATUSES, WEEKDAYS } from './vocabulary';

const text = z.string().trim().min(1, 'must not be empty');

export const httpsUrl = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: 'must be a full https:// address (for example "https://www.example.org/report"); an http:// address or a bare domain is not accepted – check that the site answers on https, then write the https:// form, or mark the value "needs-check"'
});

const sourceDate = z
  .string()
  .regex(
    /^(c\.)?\d{4}(-\d{2}(-\d{2})?)?$|^undated$/,
    'must be the date the source shows: "2024", "2024-05", "2024-05-17", "c.2021" or "undated"'
  );

/**
 * Where a value comes from and whether a person confirmed it. `verified` needs a source; `needs-check` may
 * have one (a lead for the person who will check it). A `needs-check` value is never shown to users.
 */
export const provenanceSchema = z
  .strictObject({
    status: z.enum(STATUSES, { error: 'must be "verified" or "needs-check"' }),
    source: httpsUrl.optional(),
    sourceDate: sourceDate.optional(),
    checkedAt: z.iso.date({ error: 'must be the day the value was last checked against its source, as YYYY-MM-DD' }),
    note: text.optional()
  })
  .superRefine((p, ctx) => {
    if (p.status === 'verified' && !p.source) {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'is required when status is "verified": add the https:// address of the page that confirms the value, or set status to "needs-check"'
      });
    }
    if (p.checkedAt > new Date().toISOString().slice(0, 10)) {
      ctx.addIssue({ code: 'custom', path: ['checkedAt'], message: 'is in the future: use the day the value was checked' });
    }
  });

/**
 * A number as people dial it inside the country (`dial`, e.g. "116 111" or "0800 1111") plus, for full numbers,
 * its international E.164 form. Short codes such as 112, 116 111 or 147 cannot be dialled from abroad and have
 * no E.164 form, so they have `dial` only; `crossChecks.ts` makes sure a full number is never left without one.
 */
export const phoneSchema = z.strictObject({
  dial: z
    .string()
    .regex(/^\+?[0-9][0-9 -]*[0-9]$/, 'must be digits as dialled, with optional spaces or hyphens, e.g. "116 111" or "0800 1111"'),
  e164: z
    .string()
    .regex(/^\+[1-9][0-9]{6,14}$/, 'must be the E.164 form: "+", country code and number, no spaces, e.g. "+448001111"')
    .optional()
});

/** An SMS line: a phone number plus the keyword to text, if the service asks for one (e.g. "Talk" to 50101). */
export const smsSchema = phoneSchema.extend({ keyword: text.optional() });

const time = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a 24-hour local time "HH:MM" from "00:00" to "23:59" (write midnight as "00:00")');

/** One opening period; a `close` at or before `open` means the period runs past midnight into the next day. */
export const slotSchema = z.strictObject({ open: time, close: time });

export const weeklySchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(slotSchema).optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<z.ZodArray<typeof slotSchema>>
  >
);

/**
 * Opening hours in the country's local time: `{ "always": true }` or a `weekly` schedule (a day that is
 * missing or empty is closed). `holidayNote` says what the source says about public holidays.
 */
export const hoursSchema = z
  .strictObject({ always: z.literal(true).optional(), weekly: weeklySchema.optional(), holidayNote: text.optional() })
  .superRefine((h, ctx) => {
    if ((h.always === true) === (h.weekly !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'must have exactly one of "always": true or "weekly": { "mon": [{ "open": "09:00", "close": "17:00" }], … }'
      });
    } else if (h.weekly && Object.values(h.weekly).every((slots) => !slots?.length)) {
      ctx.addIssue({ code: 'custom', path: ['weekly'], message: 'has no open period: add one, or leave "hours" out if they are not known' });
    }
  });

/**
 * Something the research found but could not confirm well enough to list as a service (a line whose number
 * was not captured, a number nobody has confirmed). Leads are never shown to users; they are the to-do list.
 */
export const leadSchema = z.strictObject({
  type: z.enum(SERVICE_TYPES),
  note: text,
  source: httpsUrl.optional(),
  sourceDate: sourceDate.optional(),
  checkedAt: z.iso.date({ error: 'must be the day this lead was recorded, as YYYY-MM-DD' })
});
