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

/** Every urgent script. */
export const URGENT_SCRIPTS: ReadonlySet<string> = new Set(Object.values(BY_KIND));

/**
 * Kinds whose urgent steps come before a lesson the router picked that is not one they come from: what to do about
 * a threat to share, a picture already out, or someone pressing for pictures now cannot wait for a lesson on
 * something else ("my online friend wants a photo in my underwear" is not first a question about the law).
 */
const STEPS_FIRST: ReadonlySet<DangerKind> = new Set(['sextortion', 'imageShared', 'pressure']);

/** The kinds whose lessons answer an unsure danger reading better than the emergency check: images and threats to share them. */
const IMAGE_KINDS: readonly DangerKind[] = ['sextortion', 'imageShared'];

/** The lessons an urgent script's first steps are taken from: the scripts its messages belong to ("youth/sextortion"). */
export function lessonsOf(scriptId: string, scripts: ScriptLibrary): Set<string> {
  const lessons = new Set<string>();
  if (!scripts.has(scriptId)) return lessons;
  for (const step of Object.values(scripts.get(scriptId).steps)) {
    if (step.type !== 'say') continue;
    for (const key of step.messages) {
      const at = key.indexOf(':');
      if (at > 0 && scripts.has(key.slice(0, at))) lessons.add(key.slice(0, at));
    }
  }
  return lessons;
}

/**
 * The lessons that open with the first steps for a threat to share a picture, or a picture already out
 * ("youth/sextortion", "youth/nudes"): an unsure danger reading of a message the router sends to one of them is that
 * urgent worry, not a guess at an emergency.
 */
export function imageLessons(scripts: ScriptLibrary): ReadonlySet<string> {
  const lessons = new Set<string>();
  for (const kind of IMAGE_KINDS) for (const lesson of lessonsOf(BY_KIND[kind]!, scripts)) lessons.add(lesson);
  return lessons;
}

/** For an urgent reading of a kind whose steps come first, the lessons its steps come from; otherwise undefined. */
export function urgentLessons(reading: Reading, scripts: ScriptLibrary): ReadonlySet<string> | undefined {
  const kind = reading.danger.kind;
  if (!kind || !STEPS_FIRST.has(kind) || !BY_KIND[kind]) return undefined;
  return lessonsOf(BY_KIND[kind], scripts);
}

export function urgentScript(reading: Reading, scripts: ScriptLibrary): string {
  const byKind = reading.danger.kind ? BY_KIND[reading.danger.kind] : undefined;
  if (byKind && scripts.has(byKind)) return byKind;
  if (reading.topic.kind === 'match') return reading.topic.scriptId;
  return DEFAULT_URGENT;
}
