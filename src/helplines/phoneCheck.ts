/**
 * Checks a phone number against the country it is listed for, with the full libphonenumber metadata (the
 * default "min" metadata only checks lengths). Short codes (112, 116 111, 147, 3018 …) are not in that
 * metadata and cannot be dialled from abroad, so they are accepted as `dial` alone, 2 to 6 digits; a full
 * number must carry its E.164 form and the two must agree, so a typo in one of them is caught.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';

export interface PhoneProblem {
  /** `dial` or `e164`: the key inside the phone object that needs fixing. */
  key: 'dial' | 'e164';
  message: string;
}

export function phoneProblem(phone: { dial: string; e164?: string }, country: string): PhoneProblem | undefined {
  const cc = country as CountryCode;
  const digits = phone.dial.replace(/[\s-]/g, '');
  if (phone.e164 !== undefined) return fullNumberProblem(phone.dial, phone.e164, cc);
  if (digits.startsWith('+')) {
    return { key: 'e164', message: `is missing: an international number needs its E.164 form, e.g. "e164": "${digits}"` };
  }
  const parsed = parsePhoneNumberFromString(phone.dial, cc);
  if (parsed?.isValid()) {
    return { key: 'e164', message: `is missing: "${phone.dial}" is a full phone number in ${country}, add "e164": "${parsed.number}"` };
  }
  if (digits.length < 2 || digits.length > 6) {
    return {
      key: 'dial',
      message: `"${phone.dial}" is neither a valid phone number in ${country} nor a short code (2 to 6 digits): check the digits against the source`
    };
  }
  return undefined;
}

function fullNumberProblem(dial: string, e164: string, country: CountryCode): PhoneProblem | undefined {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed?.isValid()) {
    return { key: 'e164', message: `"${e164}" is not a valid phone number: check the digits against the source` };
  }
  const foreign = parsed.country !== undefined && parsed.country !== country;
  if (foreign && !dial.trim().startsWith('+')) {
    return {
      key: 'dial',
      message: `is a number in ${parsed.country}, so callers in ${country} must dial it in international form: write "${parsed.formatInternational()}"`
    };
  }
  const dialled = parsePhoneNumberFromString(dial, country);
  if (dialled?.number !== e164) {
    return {
      key: 'dial',
      message: `"${dial}" and e164 "${e164}" are not the same number (dialled from ${country}, "${dial}" is ${dialled?.number ?? 'not a phone number'}): correct whichever is wrong`
    };
  }
  return undefined;
}
