/**
 * The countries the directory covers: the 46 member states of the Council of Europe and Tunisia, which is a
 * Party to the Lanzarote Convention without being a member. Russia left the Council of Europe in 2022 and is
 * not covered. The United Kingdom is "GB" (ISO 3166-1), never "UK".
 */
export const MEMBER_STATES = [
  'AD', 'AL', 'AM', 'AT', 'AZ', 'BA', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI',
  'FR', 'GB', 'GE', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MC', 'MD', 'ME',
  'MK', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'SM', 'TR', 'UA'
] as const;

/** Non-members that are Parties to the Lanzarote Convention and so are covered too. */
export const LANZAROTE_NON_MEMBERS = ['TN'] as const;

export const COVERED_COUNTRIES: readonly string[] = [...MEMBER_STATES, ...LANZAROTE_NON_MEMBERS].sort();

export function isCoveredCountry(code: string): boolean {
  return COVERED_COUNTRIES.includes(code);
}
