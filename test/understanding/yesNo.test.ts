/**
 * Yes and no as people type them, per language: the whole message, or its first words before a new part
 * ("yeah but…", "no im fine"); and sentences that only start like an answer ("no one helps me", "si je lui dis",
 * "no sé qué hacer"), which are not answers.
 */
import path from 'node:path';
import { Translator } from '../../src/content/translator';
import { YesNoReader } from '../../src/understanding/yesNo';

let reader: YesNoReader;

beforeAll(async () => {
  reader = new YesNoReader(await Translator.load(path.join(__dirname, '..', '..', 'locales')));
});

type Case = [text: string, answer: 'yes' | 'no' | undefined];

const CASES: Record<string, Case[]> = {
  en: [
    ['yes', 'yes'], ['Yeah', 'yes'], ['yep', 'yes'], ['ya', 'yes'], ['sure', 'yes'], ['ok', 'yes'], ['of course!', 'yes'],
    ['yesss', 'yes'], ['YES PLEASE', 'yes'], ['yeah but what if he finds out', 'yes'], ['ok, thanks', 'yes'], ['ok cool', 'yes'],
    ['nope', 'no'], ['nah', 'no'], ['not really', 'no'], ['no thanks', 'no'], ['no im fine', 'no'], ["no, i'm fine", 'no'],
    ['noooo', 'no'], ['no. he stopped', 'no'], ['no but my friend is', 'no'],
    ['no one helps me', undefined], ['no idea', undefined], ['ok so a guy messaged me', undefined], ['nobody', undefined],
    ['someone wants my pics', undefined], ['note', undefined], ['yes and no', undefined], ['', undefined]
  ],
  fr: [
    ['oui', 'yes'], ['ouais', 'yes'], ['oui oui', 'yes'], ['mouais', 'yes'], ["d'accord", 'yes'], ['ok', 'yes'], ['carrément', 'yes'],
    ['ouais mais il va le savoir', 'yes'], ['si', 'yes'],
    ['non', 'no'], ['nan', 'no'], ['non merci', 'no'], ['pas vraiment', 'no'], ['non ça va', 'no'], ['nope', 'no'], ['non, il a arrêté', 'no'],
    ['si je lui dis il va se fâcher', undefined], ['non plus', undefined], ['oui et non', undefined], ['ouvrir', undefined]
  ],
  de: [
    ['ja', 'yes'], ['jo', 'yes'], ['jap', 'yes'], ['klar', 'yes'], ['jaaa', 'yes'], ['ja aber nur kurz', 'yes'], ['na klar', 'yes'],
    ['nein', 'no'], ['nö', 'no'], ['nee', 'no'], ['nein danke', 'no'], ['eher nicht', 'no'], ['nein, alles gut', 'no'],
    ['ne frage', undefined], ['ja und nein', undefined], ['nie wieder', undefined], ['jemand schreibt mir', undefined]
  ],
  es: [
    ['sí', 'yes'], ['si', 'yes'], ['sip', 'yes'], ['claro', 'yes'], ['vale', 'yes'], ['dale', 'yes'], ['sí, pero tengo miedo', 'yes'],
    ['no', 'no'], ['nop', 'no'], ['no gracias', 'no'], ['qué va', 'no'], ['para nada', 'no'], ['no, estoy bien', 'no'],
    ['no sé', undefined], ['no estoy bien', undefined], ['no estoy bien la verdad', undefined], ['no sé qué hacer', undefined], ['no me deja en paz', undefined], ['si me pasa algo', undefined], ['sí y no', undefined]
  ],
  it: [
    ['sì', 'yes'], ['si', 'yes'], ['certo', 'yes'], ['va bene', 'yes'], ['ok', 'yes'], ['sisi', 'yes'], ['sì ma ho paura', 'yes'],
    ['no', 'no'], ['no grazie', 'no'], ['per niente', 'no'], ['nono', 'no'], ['no, sto bene', 'no'], ['macché', 'no'],
    ['non so', undefined], ['si chiama marco', undefined], ['sì e no', undefined], ['nessuno mi aiuta', undefined]
  ]
};

describe.each(Object.keys(CASES))('yes and no in %s', (language) => {
  it.each(CASES[language]!)('reads %j as %s', (text, answer) => {
    expect(reader.read(text, language)).toBe(answer);
  });
});

it('reads English answers in another language too', () => {
  expect(reader.read('yeah', 'de')).toBe('yes');
  expect(reader.read('nope', 'it')).toBe('no');
});
