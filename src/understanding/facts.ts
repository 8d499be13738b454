/**
 * Profile facts said in passing, read from any message: who is typing, their age (and so their age band), the
 * country they are in and the language they ask for. Each fact has its own reader (ageFact.ts, audienceFact.ts,
 * countryFact.ts, languageFact.ts) with its phrases in `locales/<lang>/understanding.json`; a fact is only given
 * when the message makes it clear, so an empty object means "nothing said", never "unknown".
 */
import type { Translator } from '../content/translator';
import { AgeFact, type AgeReading } from './ageFact';
import { ADULT_AGE, AudienceFact, type Audience } from './audienceFact';
import { CountryFact } from './countryFact';
import { LanguageFact } from './languageFact';
import { UnderstandingLists } from './lists';

export interface Facts {
  audience?: Audience;
  ageBand?: 'under13' | '13to17';
  age?: number;
  /** ISO 3166 alpha-2, one of the covered countries (src/helplines/members.ts). */
  country?: string;
  /** A shipped language code. */
  language?: string;
}

/** The age under which the young person's lessons use their `_under13` wording. */
export const TEEN_AGE = 13;

export class FactReader {
  private readonly age: AgeFact;
  private readonly audience: AudienceFact;
  private readonly country: CountryFact;
  private readonly language: LanguageFact;

  constructor(translator: Translator) {
    const lists = new UnderstandingLists(translator);
    this.age = new AgeFact(lists);
    this.audience = new AudienceFact(lists);
    this.country = new CountryFact(lists);
    this.language = new LanguageFact(lists);
  }

  /** The facts `text` states, in `language` (a shipped language code); only the ones found are set. */
  /** `roles`: also read a role said on its own ("uncle", "papa ici"), for when the audience is unknown or asked. */
  read(text: string, language: string, roles = true): Facts {
    const facts: Facts = {};
    const age = this.age.read(text, language) ?? this.age.school(text, language);
    if (age) Object.assign(facts, { age: age.age }, bandOf(age));
    else {
      const band = this.age.band(text, language);
      if (band) facts.ageBand = band;
    }
    const audience = this.audience.read(text, language, age, roles);
    if (audience) facts.audience = audience;
    // An age group said as the whole answer ("13-17") is the speaker's own: a young person.
    else if (facts.ageBand && !age) facts.audience = 'young_person';
    const country = this.country.read(text, language);
    if (country) facts.country = country;
    const asked = this.language.read(text, language);
    if (asked) facts.language = asked;
    return facts;
  }
}

function bandOf(age: AgeReading): Pick<Facts, 'ageBand'> {
  if (age.age < TEEN_AGE) return { ageBand: 'under13' };
  if (age.age < ADULT_AGE) return { ageBand: '13to17' };
  return {};
}

export type { Audience };
