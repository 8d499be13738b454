/**
 * Lines an under-13 reader sees, where a translation once said the opposite of the English (content review
 * 2026-12, finding 12): the grooming warning sign is being asked to hide things *from* your family. French
 * "garder des secrets pour ta famille" (on your family's behalf) and Italian "tenere dei segreti con la tua
 * famiglia" (together with your family) turned the warning round.
 */
import { BotHarness } from '../support/botHarness';

const KEY = 'youth/grooming:how.2';

describe('the under-13 grooming warning sign in French and Italian', () => {
  let t: (language: string) => string;
  let teen: (language: string) => string;

  beforeAll(async () => {
    const { translator } = (await BotHarness.create()).bot;
    t = (language) => translator.t(language, KEY, { context: 'under13' });
    teen = (language) => translator.t(language, KEY);
  });

  it('French asks the child to notice being told to hide things from the family', () => {
    expect(t('fr')).toMatch(/cacher des choses à ta famille/);
    expect(t('fr')).not.toMatch(/secrets? pour ta famille/);
  });

  it('Italian asks the child to notice being told to hide things from the family', () => {
    expect(t('it')).toMatch(/nascondere delle cose alla tua famiglia/);
    expect(t('it')).not.toMatch(/segreti con la tua famiglia/);
  });

  it('is the under-13 wording, not the teen text', () => {
    for (const language of ['fr', 'it']) expect(t(language)).not.toBe(teen(language));
  });
});
