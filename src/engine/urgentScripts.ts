/**
 * Urgent is not the same as emergency (issue: a sextortion threat, a nude already shared, a groomer pressing
 * now): the first practical steps come at once, then the helpline and a person. Each kind has a short script
 * in `dialogs/core/urgent-*.json`; another kind opens the topic the message asked about.
 */
import type { ScriptLibrary } from '../content/scriptLibrary';
import type { DangerKind } from '../safety/dangerReading';
import type { Reading } from '../understanding/reading';

const BY_KIND: Partial<Record<DangerKind, string>> = {
  sextortion: 'core/urgent-sextortion',
  imageShared: 'core/urgent-image',
  pressure: 'core/urgent-pressure'
};
const DEFAULT_URGENT = 'core/urgent-pressure';

export function urgentScript(reading: Reading, scripts: ScriptLibrary): string {
  const byKind = reading.danger.kind ? BY_KIND[reading.danger.kind] : undefined;
  if (byKind && scripts.has(byKind)) return byKind;
  if (reading.topic.kind === 'match') return reading.topic.scriptId;
  return DEFAULT_URGENT;
}
