/**
 * Texts are looked up once and remembered (a turn asks for the same ones many times): what a user reads must
 * still follow the language and the values of each call, and a list changed by one caller stays whole for the next.
 */
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { Translator } from '../../src/content/translator';

let translator: Translator;
beforeAll(async () => {
  translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
});

it('fills each call with its own values, in its own language, after the text was remembered', () => {
  const first = translator.t('en', 'engine.routedFrom', { topic: 'Sextortion' });
  const second = translator.t('en', 'engine.routedFrom', { topic: 'Grooming' });
  expect(first).toContain('Sextortion');
  expect(second).toContain('Grooming');
  expect(second).not.toContain('Sextortion');
  expect(translator.t('en', 'engine.routedFrom', { topic: 'Sextortion' })).toBe(first);
  expect(translator.t('fr', 'engine.routedFrom', { topic: 'Sextortion' })).not.toBe(first);
});

it('gives every caller the whole list, even after one caller changed its copy', () => {
  const list = translator.list('en', 'safety:crisis.phrases');
  expect(list.length).toBeGreaterThan(1);
  list.splice(0, list.length);
  expect(translator.list('en', 'safety:crisis.phrases').length).toBeGreaterThan(1);
});
