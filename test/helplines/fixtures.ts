/** Small, made-up country files for tests. The numbers and addresses are placeholders, not real services. */
import type { CountryFile } from '../../src/helplines/schema';

export const checked = { status: 'verified', source: 'https://example.org/source', sourceDate: '2025', checkedAt: '2026-01-15' } as const;
export const unchecked = { status: 'needs-check', checkedAt: '2026-01-15', note: 'Only an old source; confirm.' } as const;

/** A GB file with one service of each situation the directory must handle. */
export function fixtureFile(): CountryFile {
  return {
    country: 'GB',
    timeZone: 'Europe/London',
    services: [
      { id: 'emergency', type: 'emergency', alsoServesAs: ['police'], name: { local: '999', en: 'Emergency' }, phone: { dial: '999' },
        audiences: ['young_person', 'parent', 'other_adult', 'professional'], provenance: { ...checked } },
      { id: 'kids-line', type: 'child_helpline', name: { local: 'Kids line', en: 'Kids line' }, phone: { dial: '0800 1111', e164: '+448001111' },
        webUrl: 'https://unconfirmed.example.org', audiences: ['young_person'], free: true,
        hours: { weekly: { mon: [{ open: '09:00', close: '17:00' }] } }, provenance: { ...checked },
        fieldProvenance: { hours: { ...unchecked }, webUrl: { ...unchecked } } },
      { id: 'unconfirmed-line', type: 'child_helpline', name: { local: 'Old line', en: 'Old line' }, phone: { dial: '0808 800 5000', e164: '+448088005000' },
        audiences: ['young_person'], provenance: { ...unchecked } },
      { id: 'parents', type: 'parent_line', name: { local: 'Parents', en: 'Parents' }, phone: { dial: '0808 1000 900', e164: '+448081000900' },
        audiences: ['parent'], provenance: { ...checked } },
      { id: 'hotline', type: 'csam_hotline', name: { local: 'Hotline', en: 'Hotline' }, reportUrl: 'https://hotline.example.org/report',
        audiences: ['young_person', 'parent', 'other_adult', 'professional'], provenance: { ...checked }, fieldProvenance: { reportUrl: { ...unchecked } } }
    ],
    leads: [{ type: 'prevention_line', note: 'A prevention line exists; number not captured.', checkedAt: '2026-01-15' }]
  };
}
