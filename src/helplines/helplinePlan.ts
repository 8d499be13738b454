/**
 * Which kinds of service a helplines step shows, best first (issue 5, "escalation step"). This is the
 * conversation's promise to each person, so it is written out per case rather than derived: a young person
 * gets someone to talk to and the online-safety specialists; images online need the hotline and image removal;
 * a parent needs the parents' line, where to report and the police; an adult worried about their own thoughts
 * needs the prevention line. The emergency number is added by the responder, first when urgent, last otherwise.
 */
import type { Audience, HelplineTopic, HelplineUrgency } from '../content/scriptSchema';
import type { ServiceType } from './vocabulary';

/** The line to talk to for each audience; an unknown audience is treated as a young person (the safer guess). */
function talkLine(audience: Audience | undefined): ServiceType {
  return audience === 'parent' || audience === 'other_adult' ? 'parent_line' : 'child_helpline';
}

export function wantedTypes(urgency: HelplineUrgency, topic: HelplineTopic, audience: Audience | undefined): ServiceType[] {
  if (urgency === 'emergency') return [];
  if (urgency === 'urgent') return [talkLine(audience)];
  if (topic === 'prevention') return ['prevention_line'];
  if (topic === 'images') return ['csam_hotline', 'image_removal', talkLine(audience)];
  if (audience === 'parent' || audience === 'other_adult') return ['parent_line', 'csam_hotline', 'police'];
  if (audience === 'young_person') return ['child_helpline', 'online_safety_helpline'];
  return ['child_helpline', 'online_safety_helpline', 'parent_line'];
}

/** At most this many services of one kind (Belgium has a Dutch and a French child helpline: both fit). */
export const PER_TYPE = 2;
