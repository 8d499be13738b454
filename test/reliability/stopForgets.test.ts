/**
 * "stop", in any of its words in any language, ends the conversation and deletes what the store held for it
 * and for the user (position, facts such as the age group, recent message ids), and the answer says so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunningBeacon } from '../../src/beacon';
import { tempDataDir } from '../handoff/consoleClient';
import { expectRepliesActivity, postActivity, startTestBeacon } from '../support/testBeacon';

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'nl', 'pl'];
const stopWords = (language: string): string[] =>
  (JSON.parse(readFileSync(path.join(__dirname, '../../locales', language, 'common.json'), 'utf8')) as { commands: { stop: string[] } }).commands.stop;

describe('"stop"', () => {
  let beacon: RunningBeacon;
  beforeAll(async () => {
    beacon = await startTestBeacon({ STORAGE: 'sqlite', DATA_DIR: tempDataDir() });
  });
  afterAll(async () => {
    await beacon.close();
  });

  const cases = LANGUAGES.flatMap((language) => stopWords(language).map((word) => [language, word] as const));

  const deletes = async (language: string, word: string) => {
    const conversation = { id: `conv-stop-${language}-${Buffer.from(word).toString('hex')}` };
    const from = { id: `user-stop-${language}-${Buffer.from(word).toString('hex')}`, role: 'user' };
    const keys = [`test/conversations/${conversation.id}/`, `test/users/${from.id}/`];
    await postActivity(beacon.url, expectRepliesActivity('hi', { locale: language, conversation, from }));
    expect(Object.keys(await beacon.storage.read(keys))).toEqual(keys);

    const { replies } = await postActivity(beacon.url, expectRepliesActivity(word, { locale: language, conversation, from }));
    expect(replies.map((r) => r.text)).toContain(beacon.translator.t(language, 'engine.stop'));
    expect(await beacon.storage.read(keys)).toEqual({});
  };
  it.each(cases)('in %s, "%s" deletes the conversation and the user from the store and says so', deletes);

  it('lets the user start again afterwards, greeted as new', async () => {
    const conversation = { id: 'conv-stop-again' };
    await postActivity(beacon.url, expectRepliesActivity('hi', { conversation }));
    await postActivity(beacon.url, expectRepliesActivity('stop', { conversation }));
    const { replies } = await postActivity(beacon.url, expectRepliesActivity('menu', { conversation }));
    expect(replies.map((r) => r.text ?? '').join(' ')).toMatch(/chatbot, not a person/);
  });
});
