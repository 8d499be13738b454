/**
 * The author preview (scripts/chat.ts) plays the real bot with choices as numbers, as on SMS. Expected texts come
 * from the locale files, so the tests follow the content as authors change its wording.
 */
import path from 'node:path';
import { Translator } from '../../src/content/translator';
import { parseChatArgs, runChat } from '../../scripts/chat';

const ROOT = path.join(__dirname, '..', '..');
let translator: Translator;
beforeAll(async () => {
  translator = await Translator.load(path.join(ROOT, 'locales'));
});

/** Fails unless every expected text starts one of the messages, in this order. */
function expectInOrder(messages: string[], expected: string[]): void {
  let from = 0;
  for (const text of expected) {
    const at = messages.findIndex((m, i) => i >= from && m.startsWith(text));
    if (at < 0) throw new Error(`Expected a message starting with ${JSON.stringify(text)} after message ${from} in:\n${messages.join('\n---\n')}`);
    from = at + 1;
  }
}

describe('the author preview', () => {
  it('walks from the welcome through "who is chatting" to the parent menu and a topic, by numbers, in French', async () => {
    const fr = (key: string) => translator.t('fr', key);
    const messages = await runChat(['2', '1'], { language: 'fr', logLevel: 'silent' });
    expectInOrder(messages, [
      fr('welcome.bot'),
      `${fr('start:who.prompt')}\n\n1. ${fr('start:who.young')}\n2. ${fr('start:who.parent')}\n3. ${fr('start:who.other')}\n\n${fr('engine.numberedHint')}`,
      `${fr('menu/parent:prompt')}\n\n1. ${fr('parent/warning-signs:title')}\n2. ${fr('parent/talking:title')}`,
      fr('parent/warning-signs:intro.1')
    ]);
  });

  it('skips "who is chatting" when the audience is preset, and starts the script asked for', async () => {
    const en = (key: string) => translator.t('en', key);
    const menu = await runChat([], { audience: 'parent', logLevel: 'silent' });
    expectInOrder(menu, [en('welcome.bot'), en('menu/parent:prompt')]);
    expect(menu.some((m) => m.startsWith(en('start:who.prompt')))).toBe(false);

    const helplines = await runChat(['France', '1'], { language: 'fr', script: 'core/helplines', logLevel: 'silent' });
    const emergencyFirstWords = translator.t('fr', 'helplines:urgent.emergency').split('**')[0]!;
    expectInOrder(helplines, [
      translator.t('fr', 'welcome.bot'),
      translator.t('fr', 'helplines:country.europe'),
      translator.t('fr', 'helplines:country.prompt'),
      'France —',
      translator.t('fr', 'core/helplines:danger.prompt'),
      emergencyFirstWords
    ]);
  });

  it('refuses a language or script that does not exist, naming what does', async () => {
    await expect(runChat([], { language: 'xx', logLevel: 'silent' })).rejects.toThrow(/--lang xx: Beacon ships ([a-z]{2}, )*en/);
    await expect(runChat([], { script: 'youth/nothing', logLevel: 'silent' })).rejects.toThrow('there is no dialogs/youth/nothing.json');
  });

  it('reads --age as a young person, and refuses an age for a parent', () => {
    expect(parseChatArgs(['--lang', 'FR', '--age', 'under13'])).toMatchObject({ language: 'fr', audience: 'young_person', ageBand: 'under13' });
    expect(() => parseChatArgs(['--audience', 'parent', '--age', 'under13'])).toThrow('--age is for --audience young_person');
    expect(() => parseChatArgs(['--audience', 'teacher'])).toThrow('--audience teacher: use one of young_person, parent, other_adult');
  });
});
