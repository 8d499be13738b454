/**
 * Triage: the topic and risk a request for a person arrives with. A "talk to a person" from inside a lesson is
 * about that lesson (a child on the sextortion path who asks for a person is a sextortion contact, not
 * "talking to someone"); a checker that found warning signs makes it a grooming contact; a crisis reading
 * anywhere in the conversation makes it urgent. Kept apart from the queue so that a transport change (Redis)
 * leaves it alone.
 */
import type { Risk } from './handoffTypes';

/** The lessons whose topic a handoff takes over when the handoff step itself says only "general". */
const LESSON_TOPICS: Record<string, string> = {
  'youth/sextortion': 'sextortion',
  'parent/sextortion-ai': 'sextortion',
  'core/urgent-sextortion': 'sextortion',
  'youth/nudes': 'images',
  'youth/removal': 'images',
  'youth/ai-deepfakes': 'images',
  'core/urgent-image': 'images',
  'youth/grooming': 'grooming',
  'parent/warning-signs': 'grooming',
  'core/urgent-pressure': 'grooming',
  'youth/something-happened': 'abuse',
  'parent/disclosure': 'abuse',
  'adult/worried-about-myself': 'prevention',
  'parent/talking': 'parenting',
  'parent/games-vr': 'parenting',
  'parent/reporting': 'parenting'
};

const HIGH_RISK_TOPICS = new Set(['abuse', 'sextortion', 'grooming', 'images']);

export interface TriageInput {
  /** The handoff step's own topic ("general" for the plain "talk to a person"). */
  requested: string;
  /** The lessons the user went through, oldest first (script ids). */
  lessons: string[];
  /** A crisis reading in this conversation (this message or an earlier one). */
  crisis: boolean;
  /** A checker in this conversation ended with warning signs. */
  warningSigns: boolean;
}

export function triage(input: TriageInput): { topic: string; risk: Risk } {
  let topic = input.requested;
  if (topic === 'general') {
    const lesson = [...input.lessons].reverse().find((id) => LESSON_TOPICS[id]);
    if (lesson) topic = LESSON_TOPICS[lesson]!;
    else if (input.warningSigns) topic = 'grooming';
  }
  const risk: Risk = input.crisis ? 'urgent' : HIGH_RISK_TOPICS.has(topic) || input.warningSigns ? 'high' : 'normal';
  return { topic, risk };
}
