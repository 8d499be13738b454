/**
 * Who is typing, when the message makes it clear: a young person, a parent or carer, or another adult (a teacher, a
 * social worker, a relative who does not bring the child up). The phrases are in `locales/<lang>/understanding.json`
 * under `audience.<who>.self` (the speaker says what they are: "I'm a mum", "je suis prof", "ich bin Schüler") and
 * `audience.<who>.relation` (who they speak of: "my son…" is a parent, "my mum…" and "my teacher…" are a young
 * person's words, "my pupils…" another adult's).
 *
 * Decided in this order, and only when it is clear (otherwise nothing):
 * 1. what the speaker says they are, when it names one audience;
 * 2. their own age: under 18 is a young person; 18 or more ("I'm 40") is a parent when they speak of their child,
 *    another adult otherwise;
 * 3. who they speak of, when that names one audience ("my daughter and my mum" names two: nothing).
 * Choices made for the lists: people who bring a child up are parents — step-, foster and grandparents, guardians
 * and carers ("the parent's lessons are written for them"); aunts, uncles, neighbours, family friends and
 * professionals are other adults. "My carer", "my guardian", "I'm in foster care" are a young person's words.
 */
import type { AgeReading } from './ageFact';
import type { UnderstandingLists } from './lists';
import { containsAny, wordsOf } from './phrases';

export const AUDIENCES = ['young_person', 'parent', 'other_adult'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const ADULT_AGE = 18;

export class AudienceFact {
  constructor(private readonly lists: UnderstandingLists) {}

  read(text: string, language: string, age: AgeReading | undefined): Audience | undefined {
    const words = wordsOf(text);
    const says = this.named(words, language, 'self');
    if (says.length === 1) return says[0];
    if (says.length > 1) return undefined;
    const speaksOf = this.named(words, language, 'relation');
    if (age?.firstPerson || (age && age.age < ADULT_AGE)) {
      if (age.age < ADULT_AGE) return 'young_person';
      return speaksOf.includes('parent') ? 'parent' : 'other_adult';
    }
    return speaksOf.length === 1 ? speaksOf[0] : undefined;
  }

  private named(words: string[], language: string, kind: 'self' | 'relation'): Audience[] {
    return AUDIENCES.filter((who) => containsAny(words, this.lists.patterns(language, `audience.${who}.${kind}`)));
  }
}
