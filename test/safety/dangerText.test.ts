/**
 * How the crisis check reads a message: case, accents, leetspeak, letters repeated for emphasis, text-speak,
 * typos in long words only, and false friends cut out without joining what was on either side.
 */
import { dangerWords, normalizeForDanger, parseSpellings, sameWord, withoutFalseFriends } from '../../src/safety/dangerText';
import { WordIndex } from '../../src/safety/wordIndex';

describe('reading a message for the crisis check', () => {
  it('ignores case, accents and punctuation, and undoes leetspeak inside words only', () => {
    expect(normalizeForDanger('K1LL mys3lf!!')).toBe('kill myself');
    expect(normalizeForDanger('Menacée, AIDEZ-moi')).toBe('menacee aidez moi');
    expect(normalizeForDanger('call 112 or 116 111')).toBe('call 112 or 116 111');
  });

  it('squeezes letters repeated for emphasis', () => {
    expect(normalizeForDanger('im scareddddd')).toBe('im scaredd');
    expect(sameWord('scaredd', 'scared')).toBe(true);
  });

  it('spells out text-speak from the lists', () => {
    const spellings = parseSpellings(['im = i m', 'g = j ai', '2nite = tonight']);
    expect(dangerWords('Im scared', spellings)).toEqual(['i', 'm', 'scared']);
    expect(dangerWords('g peur', spellings)).toEqual(['j', 'ai', 'peur']);
    expect(dangerWords('meet me 2nite', spellings)).toEqual(['meet', 'me', 'tonight']);
  });

  it('allows a typo in long words, never in short ones', () => {
    expect(sameWord('sucide', 'suicide')).toBe(true);
    expect(sameWord('threatning', 'threatening')).toBe(true);
    expect(sameWord('tue', 'tuer')).toBe(false);
    expect(sameWord('aide', 'aidez')).toBe(false);
    expect(sameWord('dancer', 'danger')).toBe(true); // why the lists avoid one-word phrases that a typo reaches
  });

  it('cuts out false friends and leaves a barrier, so no phrase spans the gap', () => {
    const words = withoutFalseFriends(['what', 'if', 'someone', 'threatens', 'to', 'share', 'my', 'photos'], ['if someone threatens']);
    expect(words).toEqual(['what', '|', 'to', 'share', 'my', 'photos']);
  });

  it('finds the phrase words a typed word may stand for, as sameWord does', () => {
    const index = new WordIndex(['suicide', 'scared', 'tuer', 'threatening', 'danger']);
    expect([...index.matches('sucide')]).toEqual(['suicide']);
    expect([...index.matches('scaredd')]).toEqual(['scared']);
    expect([...index.matches('threatnin')]).toEqual(['threatening']);
    expect([...index.matches('tue')]).toEqual([]);
  });
});
