/**
 * Fail safe (DESIGN.md rule 10): a helpline directory that cannot be loaded does not stop the bot, and a lookup
 * that throws does not end the turn. The user still gets "112 in most of Europe" and is asked for the country;
 * the error is logged without anything the user typed.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { assembleBot, type BotParts } from '../../src/assembleBot';
import { ROOT_DIR } from '../../src/beacon';
import { Translator } from '../../src/content/translator';
import type { HelplineDirectory } from '../../src/helplines/directory';
import { DirectoryResponder } from '../../src/helplines/directoryResponder';
import { createLogger } from '../../src/logging/logger';
import { MemoryStorage } from '../../src/storage/memoryStorage';

function captureLogs(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  return { lines, logger: createLogger('info', stream) };
}

async function brokenDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'beacon-helplines-'));
  await writeFile(path.join(dir, 'GB.json'), '{ "country": "GB", ');
  return dir;
}

/** One conversation on `parts`, turn by turn, returning the texts of each turn's replies. */
function conversation(parts: BotParts, locale = 'en') {
  const adapter = new TestAdapter(async () => undefined);
  adapter.use(parts.middleware);
  let n = 0;
  const turn = async (activity: Partial<Activity>, logic: (c: TurnContext) => Promise<void>) => {
    await adapter.processActivity({ type: 'message', id: `m${++n}`, locale, channelId: 'test', from: { id: 'u', name: 'u' }, ...activity }, logic);
    return adapter.activeQueue.splice(0).map((a) => a.text ?? '');
  };
  return {
    start: (script: string) => turn({ text: '' }, async (c) => {
      (await parts.state.conversationData.get(c, {})).greeted = true;
      await parts.engine.startScript(c, script);
      await parts.state.save(c);
    }),
    send: (text: string) => turn({ text }, (c) => parts.bot.run(c))
  };
}

describe('a helpline directory that cannot be loaded', () => {
  it('does not stop the bot; users get 112 and are asked for their country; the log names the problem, not the user', async () => {
    const { lines, logger } = captureLogs();
    const parts = await assembleBot({ rootDir: ROOT_DIR, storage: new MemoryStorage(), defaultLocale: 'en', logger, helplinesDir: await brokenDir() });
    expect(lines.join('')).toMatch(/"event":"helplines_not_loaded"/);
    expect(lines.join('')).toMatch(/GB\.json/);

    const chat = conversation(parts);
    const asked = await chat.start('core/helplines');
    expect(asked).toEqual(expect.arrayContaining([expect.stringMatching(/116 111.*call 112/), expect.stringMatching(/Which country are you in/)]));
    const answer = await chat.send('France');
    expect(answer[0]).toBe(parts.translator.t('en', 'error.emergency'));
    expect(answer[1]).toBe(parts.translator.t('en', 'helplines:unavailable'));
    expect(lines.join('')).toMatch(/"event":"helplines_failed"/);
    expect(lines.join('')).not.toMatch(/France/);
  });
});

describe('a lookup that throws', () => {
  it('gives the generic emergency line instead of failing the turn', async () => {
    const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
    const { lines, logger } = captureLogs();
    const throwing = { get: () => { throw new Error('disk gone'); } } as unknown as HelplineDirectory;
    const responder = new DirectoryResponder({ translator, directory: throwing, clock: () => new Date(), logger });
    const sent: string[] = [];
    const context = {
      activity: { channelId: 'test', conversation: { id: 'c1' }, text: 'something private' },
      sendActivities: async (activities: Partial<Activity>[]) => (sent.push(...activities.map((a) => a.text ?? '')), [])
    } as unknown as TurnContext;
    await responder.show(context, { urgency: 'urgent', topic: 'general' }, { country: 'FR' }, 'fr');
    expect(sent).toEqual([translator.t('fr', 'error.emergency'), translator.t('fr', 'helplines:unavailable')]);
    expect(lines.join('')).toMatch(/disk gone/);
    expect(lines.join('')).not.toMatch(/something private/);
  });
});
