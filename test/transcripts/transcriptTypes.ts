/**
 * Case tables for transcript tests, written once and played in every shipped language.
 * A turn is `[user, bot]`: what the user does, and the keys of what the bot must say in that turn, in order
 * (other messages may come between them). Keys are `key` in the case's script namespace or `ns:key`.
 */
import type { Profile } from '../../src/bot/state';

export type UserInput =
  /** Start the case's script (the first turn). */
  | { start: true }
  /** Tap the choice `choiceId` of the ask step `stepId` (`script:stepId.choiceId` for another script). */
  | { choose: string }
  /** Answer the current quiz question with answer `answerId` of question `questionId` in quiz step `stepId`: "stepId.questionId.answerId". */
  | { answer: string }
  /** Type text given by a key (translated), e.g. `{ say: 'common:commands.menu' }` takes the first phrase of a list. */
  | { say: string }
  /** Type literal text (the same in every language). */
  | { text: string }
  /** Type what a user of that language would write, one text per shipped language ("i'm 14", "j'ai 14 ans"…). */
  | { typed: Record<string, string> };

export interface TranscriptCase {
  name: string;
  script: string;
  /**
   * What the user told Beacon before the case starts. The country is GB unless set here; set
   * `country: undefined` for a case in which the helplines step asks "which country are you in?".
   */
  profile?: Profile;
  /** The time of day the case plays at (ISO), for opening hours; the real clock when absent. */
  now?: string;
  /** Languages to play it in; all shipped languages when absent. */
  languages?: string[];
  turns: Array<[UserInput, string[]]>;
}
