/**
 * Pseudo-localisation: a translator sees every text from `locales/` accented, longer and between marks, with its
 * placeholders, links and addresses intact, and typing still matched against the real words.
 */
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { CLOSE_MARK, OPEN_MARK, pseudoLocalize } from '../../src/content/pseudoLocale';
import { Translator } from '../../src/content/translator';

const LOCALES = path.resolve(__dirname, '../../locales');

describe('pseudoLocalize', () => {
  it('accents every letter, marks both ends and makes the text longer', () => {
    const out = pseudoLocalize('Talk to a person');
    expect(out.startsWith(OPEN_MARK)).toBe(true);
    expect(out.endsWith(CLOSE_MARK)).toBe(true);
    expect(out).not.toMatch(/[A-Za-z]/);
    expect(out.length).toBeGreaterThan('Talk to a person'.length * 1.3);
  });

  it('keeps placeholders, nesting, addresses and link targets as they are', () => {
    const out = pseudoLocalize('Call {{number}} or see [the site](https://example.org/help) and $t(common:more), mail mailto:help@example.org');
    expect(out).toContain('{{number}}');
    expect(out).toContain('](https://example.org/help)');
    expect(out).toContain('$t(common:more)');
    expect(out).toContain('mailto:help@example.org');
  });

  it('leaves digits and empty texts alone', () => {
    expect(pseudoLocalize('116 111')).toBe(`${OPEN_MARK}116 111${CLOSE_MARK}`);
    expect(pseudoLocalize('')).toBe('');
  });
});

describe('a translator loaded in pseudo mode', () => {
  it('pseudo-localises every single text of every language and keeps the lists users are matched against', async () => {
    const plain = await Translator.load(LOCALES);
    const pseudo = await Translator.load(LOCALES, { pseudo: true });
    for (const language of plain.languages) {
      const greeting = pseudo.t(language, 'widget:quickExit');
      expect(greeting.startsWith(OPEN_MARK)).toBe(true);
      expect(greeting).not.toBe(plain.t(language, 'widget:quickExit'));
      expect(plain.list(language, 'common:commands.menu').length).toBeGreaterThan(0);
      expect(pseudo.list(language, 'common:commands.menu')).toEqual(plain.list(language, 'common:commands.menu'));
    }
  });

  it('is refused in production', () => {
    expect(() => loadConfig({ BEACON_ENV: 'production', CONTENT_PSEUDO: 'on', MicrosoftAppId: '00000000-0000-0000-0000-000000000000', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000000' }))
      .toThrow(/CONTENT_PSEUDO must be off when BEACON_ENV=production/);
    expect(loadConfig({ CONTENT_PSEUDO: 'on' }).CONTENT_PSEUDO).toBe(true);
  });
});
