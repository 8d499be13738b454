/**
 * What helplines record about a contact, as ids (the words are in `locales/<lang>/handoff.json`): Child
 * Helpline International's contact categories — the top level, with subcategories for online harm and the
 * mental-health ones a crisis brings — and the call types, data and non-data.
 *
 * Source: the generic Aselo form definitions (`form-definitions/as/v1`, whose README says they "reflect the
 * current CHI data frameworks"), as summarised in the December 2026 worker-features research. Status:
 * needs-check — not yet compared with CHI's own Glossary of Child Helpline Terms; "testing" as a call type is
 * Beacon's addition (helplines asked for it in the review), not in that list. A helpline that reports other
 * categories changes this list and its words, never the counts already kept.
 */
export const CATEGORY_SOURCE = { source: 'Aselo form-definitions/as/v1 (CHI data framework), via worker-features research 2026-12', status: 'needs-check' } as const;

export const CONTACT_CATEGORIES: Record<string, readonly string[]> = {
  violence: ['onlineSexualAbuse', 'cyberbullying', 'sexualViolence', 'bullying', 'physical', 'emotional', 'neglect', 'unspecified'],
  mentalHealth: ['suicidal', 'selfHarm', 'emotionalDistress', 'traumaticDistress', 'unspecified'],
  missingChildren: [],
  physicalHealth: [],
  accessToServices: [],
  discrimination: [],
  family: [],
  peers: [],
  education: [],
  sexuality: [],
  other: []
};

export const DATA_CALL_TYPES = ['childAboutSelf', 'aboutAChild'] as const;
export const NON_DATA_CALL_TYPES = ['silent', 'hangUp', 'testing', 'abusive', 'thankYou', 'questions', 'emergency'] as const;
export const CALL_TYPES: readonly string[] = [...DATA_CALL_TYPES, ...NON_DATA_CALL_TYPES];

/** "violence" or "violence/cyberbullying": a category the list has. */
export function isCategory(id: string): boolean {
  const [top, sub, ...rest] = id.split('/');
  if (!top || rest.length > 0 || !Object.hasOwn(CONTACT_CATEGORIES, top)) return false;
  return sub === undefined || CONTACT_CATEGORIES[top]!.includes(sub);
}

/** Every category id, top level first then its subcategories, as the wrap-up form lists them. */
export function categoryIds(): string[] {
  return Object.entries(CONTACT_CATEGORIES).flatMap(([top, subs]) => [top, ...subs.map((s) => `${top}/${s}`)]);
}
