/**
 * Who is typing, when the message makes it clear: a young person, a parent or carer, or another adult (a teacher, a
 * social worker, a relative who does not bring the child up). The phrases are in `locales/<lang>/understanding.json`
 * under `audience.<who>.self` (the speaker says what they are: "I'm a mum", "je suis prof", "ich bin Schüler") and
 * `audience.<who>.relation` (who they speak of: "my son…" is a parent, "my mum…" and "my teacher…" are a young
 * person's words, "my pupils…" another adult's).
 *
 * Decided in this order, and only when it is clear (otherwise nothing):
 * 1. what the speaker says they are, when it names one audience;
 * 2. a role said on its own at the start of a short message ("uncle", "prof de collège");
 * 3. their own age: under 18 is a young person; 18 or more ("I'm 40") is a parent when they speak of their child,
 *    another adult otherwise;
 * 4. who they speak of, when that names one audience ("my daughter and my mum" names two: nothing).
 * Choices made for the lists: people who bring a child up are parents — step-, foster and grandparents, guardians
 * and carers ("the parent's lessons are written for them"); aunts, uncles, neighbours, family friends and
 * professionals are other adults. "My carer", "my guardian", "I'm in foster care" are a young person's words.
 */
import type { AgeReading } from './ageFact';
import type { UnderstandingLists } from './lists';
import { containsAny, startsWith, wordsOf } from './phrases';

export const AUDIENCES = ['young_person', 'parent', 'other_adult'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const ADULT_AGE = 18;

/** Words allowed after a role said at the start ("mamma di una bimba di 8 anni"): more is a sentence about someone. */
const ROLE_TAIL = 5;

export class AudienceFact {
  constructor(private readonly lists: UnderstandingLists) {}

  /** `roles`: read a role said on its own (only while the audience is unknown or asked: "teacher" at a child's menu is no answer). */
  read(text: string, language: string, age: AgeReading | undefined, roles = true): Audience | undefined {
    const words = wordsOf(text);
    const says = this.named(words, language, 'self');
    const speaksOf = this.named(words, language, 'relation');
    // "my son is in year 9", "ma fille est en 4e": a school year names the child spoken of, not the speaker.
    if (says.length === 1 && says[0] === 'young_person' && speaksOf.length === 1 && speaksOf[0] !== 'young_person') return speaksOf[0];
    if (says.length === 1) return says[0];
    if (says.length > 1) return undefined;
    const role = roles ? this.role(words, language) : undefined;
    if (role) return role;
    if (age?.firstPerson || (age && age.age < ADULT_AGE)) {
      if (age.age < ADULT_AGE) return 'young_person';
      return speaksOf.includes('parent') ? 'parent' : 'other_adult';
    }
    return speaksOf.length === 1 ? speaksOf[0] : undefined;
  }

  /**
   * A role said as the whole message (`audience.<who>.roles`): "uncle", "tonton", "papa ici", "zia" — the way people
   * answer "who is chatting?"; or a role ending in a link word (`audience.roleLinks`: "of", "de", "di", "von") and a
   * few words more: "prof de collège", "il papà di Marco", "mamma di una bimba di 8 anni".
   */
  private role(words: string[], language: string): Audience | undefined {
    const links = this.lists.patterns(language, 'audience.roleLinks').map((p) => p.join(' '));
    const found = AUDIENCES.filter((who) => {
      const hit = startsWith(words, this.lists.patterns(language, `audience.${who}.roles`));
      if (!hit) return false;
      if (hit.end === words.length) return true;
      return links.includes(words[hit.end - 1]!) && words.length - hit.end <= ROLE_TAIL;
    });
    return found.length === 1 ? found[0] : undefined;
  }

  private named(words: string[], language: string, kind: 'self' | 'relation'): Audience[] {
    return AUDIENCES.filter((who) => containsAny(words, this.lists.patterns(language, `audience.${who}.${kind}`)));
  }
}
