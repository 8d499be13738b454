/**
 * DESIGN.md rule 8: no message text is kept. Reading a message splits it into words many times (facts, yes/no,
 * commands); the words are shared while the message is read, and none of them is left in memory afterwards.
 */
import path from 'node:path';
import { Translator } from '../../src/content/translator';
import { CommandRecognizer } from '../../src/engine/commands';
import type { CommandMeaning } from '../../src/understanding/commandMeaning';
import { FactReader } from '../../src/understanding/facts';
import { MessageReader } from '../../src/understanding/messageReader';
import { splitTextCount } from '../../src/understanding/phrases';
import { YesNoReader } from '../../src/understanding/yesNo';
import { ROOT_DIR } from '../../src/beacon';
import { NO_DANGER } from '../../src/safety/dangerReading';
import type { TextRouter } from '../../src/engine/textRouter';

it('keeps no word of a message once it has been read, and still reads its facts', async () => {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  const reader = new MessageReader({
    danger: { read: () => NO_DANGER },
    commands: new CommandRecognizer(translator),
    meaning: { classify: async () => undefined } as unknown as CommandMeaning,
    facts: new FactReader(translator),
    yesNo: new YesNoReader(translator),
    router: { route: async () => ({ kind: 'none' }) } as unknown as TextRouter
  });
  const reading = await reader.read({ text: "yeah i'm 14 and we live in belgium", language: 'en', prompt: { kind: 'none' }, allowedFor: () => new Set() });
  expect(reading.facts).toMatchObject({ ageBand: '13to17', country: 'BE' });
  expect(splitTextCount()).toBe(0);
});
