/**
 * Ukrainian typed in Latin letters reads as the Cyrillic in the lists, and apostrophes and the soft sign do not
 * split or change a word: what a child types on a Latin keyboard reaches the same words as Cyrillic typing.
 */
import { normalize } from '../../src/engine/normalize';
import { readableText } from '../../src/engine/transliterate';

const same = (typed: string, cyrillic: string) => normalize(readableText(typed, 'uk')) === normalize(cyrillic);

it.each([
  ['pryvit', 'привіт'],
  ['meni 14', 'мені 14'],
  ['dopomozhit', 'допоможіть'],
  ['vin kazhe shcho pryide zavtra', 'він каже що прийде завтра'],
  ['khochu pohovoryty z lyudynoyu', 'хочу поговорити з людиною'],
  ['tse normalno?', 'це нормально?'],
  ['moyi foto', 'мої фото'],
  ['dobryi den', 'добрий день'],
  ['Polshcha', 'Польща']
])('reads "%s" as "%s"', (typed, cyrillic) => {
  expect(same(typed, cyrillic)).toBe(true);
});

it('reads every apostrophe inside a Ukrainian word the same, and the same as no apostrophe', () => {
  const forms = ["м'ясо", 'м’ясо', 'мʼясо', 'мясо', "m'yaso", 'myaso'].map((t) => normalize(readableText(t, 'uk')));
  expect(new Set(forms).size).toBe(1);
  expect(normalize("пам'ять")).toBe(normalize(readableText('pamyat', 'uk')));
});

it('reads Russian letters typed in a Ukrainian message as the Ukrainian ones', () => {
  expect(normalize(readableText('ты знаешь', 'uk'))).toBe(normalize('ти знаеш'));
});

it('changes nothing for other languages, nor for Cyrillic that needs nothing', () => {
  expect(readableText('he is outside my door', 'en')).toBe('he is outside my door');
  expect(readableText('він під дверима', 'uk')).toBe('він під дверима');
  expect(normalize("i'm 14")).toBe('i m 14');
});
