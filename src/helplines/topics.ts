/**
 * What a user may be looking for, mapped to the kinds of service that help, best first. The dialogs ask
 * by topic; the directory answers with services in this order. Emergency and police come first only when
 * the turn is urgent (DESIGN.md rule 1), whatever the topic.
 */
import type { ServiceType } from './vocabulary';

export const TOPICS = {
  /** Someone to talk to now. */
  talk: ['child_helpline', 'online_safety_helpline', 'parent_line'],
  /** Grooming, sextortion, pressure online: specialist advice first. */
  online_harm: ['online_safety_helpline', 'child_helpline', 'parent_line', 'csam_hotline', 'image_removal'],
  /** Reporting abuse material or asking for images to be removed. */
  report_content: ['csam_hotline', 'image_removal', 'online_safety_helpline', 'police'],
  /** Worried about one's own (or someone else's) sexual thoughts about children. */
  prevention: ['prevention_line', 'parent_line']
} as const satisfies Record<string, readonly ServiceType[]>;

export type Topic = keyof typeof TOPICS;

/** The order used when no topic is given. */
export const DEFAULT_ORDER: readonly ServiceType[] = [
  'child_helpline',
  'online_safety_helpline',
  'parent_line',
  'csam_hotline',
  'image_removal',
  'prevention_line',
  'emergency',
  'police'
];

export const URGENT_FIRST: readonly ServiceType[] = ['emergency', 'police'];
