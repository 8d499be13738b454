/**
 * One layer of the crisis check (`layeredDangerDetector.ts` combines them). Each layer says how likely a
 * message is immediate danger and how likely it is urgent, between 0 and 1, and which kind it saw; each is
 * measured on its own by `npm run eval:crisis`.
 */
import type { DangerKind } from './dangerReading';

export interface LayerReading {
  /** How likely the message is immediate danger. */
  emergency: number;
  /** How likely it is urgent without being immediate danger (sextortion, an image shared, pressure now). */
  urgent: number;
  kind?: DangerKind;
  /** The urgent kind it saw (sextortion, imageShared, pressure), when it says anything about urgency. */
  urgentKind?: DangerKind;
  /**
   * The layer does not trust this reading on its own: it counts only when another layer also sees danger (the
   * classifier on a message of a few words, where "i'm 14" or "non, pas maintenant" has too few n-grams to tell).
   */
  needsSupport?: boolean;
  /**
   * How much the cues this layer found (a hypothetical, a question about others, a joke, a game or film,
   * something past and over) lower the whole message, 1 when none: the decision applies it to the layers that
   * cannot see those cues themselves (the phrase lists), instead of a stop-list that would silence the message.
   */
  lowered?: number;
  /**
   * Like `lowered`, for a reading that found only an urgent danger (a threat to share pictures): applied to the
   * same layers unless another layer reads an emergency (`SEEN_ELSEWHERE` in `dangerDecision.ts`), since the
   * lists that found the threat may lack the words of a graver one ("he threatens to beat me up if…").
   */
  loweredUnlessSeen?: number;
}

export interface DangerLayer {
  readonly name: string;
  read(text: string, language: string): LayerReading;
}

export const QUIET: LayerReading = Object.freeze({ emergency: 0, urgent: 0 });

export const EMERGENCY_KINDS = ['meeting', 'present', 'threat', 'confined', 'selfHarm', 'childNow', 'other'] as const;
export const URGENT_KINDS = ['sextortion', 'imageShared', 'pressure'] as const;
