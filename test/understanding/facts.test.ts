/**
 * Facts said in passing, per language: the speaker's age and age band, who is typing, the country they are in and
 * the language they ask for — and the false friends that must give nothing (another person's age, a time, a count,
 * an emergency number, a country someone else is from, a nationality).
 */
import path from 'node:path';
import { Translator } from '../../src/content/translator';
import { FactReader, type Facts } from '../../src/understanding/facts';

let reader: FactReader;

beforeAll(async () => {
  reader = new FactReader(await Translator.load(path.join(__dirname, '..', '..', 'locales')));
});

const young = (age: number): Facts => ({ age, ageBand: age < 13 ? 'under13' : '13to17', audience: 'young_person' });

type Case = [text: string, facts: Facts];

const CASES: Record<string, Case[]> = {
  en: [
    ['im 12', young(12)],
    ["i'm 14", young(14)],
    ['14', young(14)],
    ['14 yo', young(14)],
    ['14yo girl here', young(14)],
    ["i'm fourteen and a guy keeps messaging me", young(14)],
    ['I am 13 years old.', young(13)],
    ['my daughter is 12', { audience: 'parent' }],
    ['my son is 12 and he got a weird message', { audience: 'parent' }],
    ["i'm 40 and my son is 12", { age: 40, audience: 'parent' }],
    ["I'm 19", { age: 19, audience: 'other_adult' }],
    ['call 112', {}],
    ['112', {}],
    ['he wants to meet at 18h', {}],
    ['he sent me 2 pics', {}],
    ['2 pics', {}],
    ['im there now', {}],
    ["I'm a mum", { audience: 'parent' }],
    ["I'm her dad", { audience: 'parent' }],
    ['as a parent what should i do', { audience: 'parent' }],
    ["i'm a foster carer", { audience: 'parent' }],
    ["I'm a grandparent", { audience: 'parent' }],
    ['as a teacher i am worried about a pupil', { audience: 'other_adult' }],
    ['i work at a school', { audience: 'other_adult' }],
    ["i'm a social worker", { audience: 'other_adult' }],
    ['my mum keeps reading my messages', { audience: 'young_person' }],
    ['my teacher said i should ask', { audience: 'young_person' }],
    ["i'm in foster care", { audience: 'young_person' }],
    ["i'm a teen", { audience: 'young_person' }],
    ['im in year 8', { audience: 'young_person' }],
    ['my mum and my son', {}],
    ['im a teatcher', { audience: 'other_adult' }],
    ['my doughter got a message', { audience: 'parent' }],
    ['14yrs', young(14)],
    ['Im 12!!', young(12)],
    ['im 13 nearly 14', young(13)],
    ['I live in Belgium', { country: 'BE' }],
    ['from germany', { country: 'DE' }],
    ['in the uk', { country: 'GB' }],
    ["I'm in France right now", { country: 'FR' }],
    ['we live in bosnia and herzegovina', { country: 'BA' }],
    ['i live in turkey', { country: 'TR' }],
    ['a guy from germany keeps messaging me', {}],
    ['french fries', {}],
    ['turkey sandwich please', {}],
    ['georgia is my best friend', {}],
    ['i live in texas', {}],
    ["i'm from italy but i live in spain", {}],
    ['can we speak French', { language: 'fr' }],
    ['in english please', { language: 'en' }],
    ['do you speak deutsch', { language: 'de' }],
    ["i don't speak english", {}],
    ["i'm french", {}],
    ['my french teacher is weird', {}],
    ['i live in germany', { country: 'DE' }]
  ],
  fr: [
    ["j'ai 15 ans", young(15)],
    ['jai 12 ans', young(12)],
    ["j'ai quatorze ans", young(14)],
    ["j'ai dix-sept ans et demi", young(17)],
    ['12 ans', young(12)],
    ["J'ai 13 ans, un mec m'écrit", young(13)],
    ['ma fille a 12 ans', { audience: 'parent' }],
    ["j'ai 2 photos de lui", {}],
    ['rdv à 18h', {}],
    ['appelle le 112', {}],
    ["j'ai 40 ans et mon fils a 12 ans", { age: 40, audience: 'parent' }],
    ['je suis prof', { audience: 'other_adult' }],
    ['je suis proffesseur', { audience: 'other_adult' }],
    ['je suis enseignante en collège', { audience: 'other_adult' }],
    ['je suis une maman inquiète', { audience: 'parent' }],
    ['mon fils joue à fortnite', { audience: 'parent' }],
    ['ma mère lit mes messages', { audience: 'young_person' }],
    ['je suis en 4ème', { audience: 'young_person' }],
    ["j'habite en Belgique", { country: 'BE' }],
    ['en Suisse', { country: 'CH' }],
    ['je suis au Royaume-Uni', { country: 'GB' }],
    ['on habite au luxembourg', { country: 'LU' }],
    ["un mec de belgique m'écrit", {}],
    ['des frites belges', {}],
    ['on peut parler en anglais ?', { language: 'en' }],
    ['en français svp', { language: 'fr' }],
    ['tu parles italien ?', { language: 'it' }],
    ['je parle pas anglais', {}],
    ['je suis française', {}]
  ],
  de: [
    ['ich bin dreizehn', young(13)],
    ['bin 13', young(13)],
    ['ich bin 15 jahre alt', young(15)],
    ['ich bin 12 und ein typ schreibt mir', young(12)],
    ['14 jahre', young(14)],
    ['meine tochter ist 12', { audience: 'parent' }],
    ['ich bin 2 mal angeschrieben worden', {}],
    ['um 18 uhr', {}],
    ['ruf die 112 an', {}],
    ['ich bin Lehrerin', { audience: 'other_adult' }],
    ['als lehrer mache ich mir sorgen', { audience: 'other_adult' }],
    ['mein Sohn wird erpresst', { audience: 'parent' }],
    ['ich bin mutter von zwei kindern', { audience: 'parent' }],
    ['ich bin schüler', { audience: 'young_person' }],
    ['meine mama darf das nicht wissen', { audience: 'young_person' }],
    ['ich bin in der 8. klasse', { audience: 'young_person' }],
    ['wir wohnen in Österreich', { country: 'AT' }],
    ['ich komme aus der schweiz', { country: 'CH' }],
    ['aus deutschland', { country: 'DE' }],
    ['ein typ aus österreich schreibt mir', {}],
    ['auf deutsch bitte', { language: 'de' }],
    ['kannst du englisch sprechen', { language: 'en' }],
    ['ich spreche kein englisch', {}],
    ['mein englischlehrer', {}]
  ],
  es: [
    ['tengo 14', young(14)],
    ['tengo catorce años', young(14)],
    ['tengo 12 años y un chico me escribe', young(12)],
    ['15 años', young(15)],
    ['tengo 2 hermanos', {}],
    ['tengo 5 mensajes de él', {}],
    ['mi hija tiene 12 años', { audience: 'parent' }],
    ['llama al 112', {}],
    ['a las 18h', {}],
    ['soy profesora', { audience: 'other_adult' }],
    ['trabajo en un colegio', { audience: 'other_adult' }],
    ['soy madre de un chico de 13', { audience: 'parent' }],
    ['mi madre me revisa el móvil', { audience: 'young_person' }],
    ['estoy en 2 de la eso', { audience: 'young_person' }],
    ['vivo en españa', { country: 'ES' }],
    ['vivo en Espana', { country: 'ES' }],
    ['en francia', { country: 'FR' }],
    ['soy de méxico', {}],
    ['un chico de italia me escribe', {}],
    ['¿hablas español?', { language: 'es' }],
    ['en inglés por favor', { language: 'en' }],
    ['no hablo inglés', {}],
    ['soy francés', {}]
  ],
  it: [
    ['ho 16 anni', young(16)],
    ['ho sedici anni', young(16)],
    ['ho 12 anni e un ragazzo mi scrive', young(12)],
    ['14 anni', young(14)],
    ['ho 2 foto', {}],
    ['mia figlia ha 12 anni', { audience: 'parent' }],
    ['chiama il 112', {}],
    ['alle 18 ci vediamo', {}],
    ['sono un insegnante', { audience: 'other_adult' }],
    ['sono una mamma', { audience: 'parent' }],
    ['mio figlio gioca a roblox', { audience: 'parent' }],
    ['mia mamma legge i miei messaggi', { audience: 'young_person' }],
    ['faccio la terza media', { audience: 'young_person' }],
    ['vivo in italia', { country: 'IT' }],
    ['dalla svizzera', { country: 'CH' }],
    ['sono di Milano', {}],
    ['un ragazzo dalla francia mi scrive', {}],
    ['parli italiano?', { language: 'it' }],
    ['in inglese per favore', { language: 'en' }],
    ['non parlo inglese', {}],
    ['sono italiana', {}]
  ]
};

describe.each(Object.keys(CASES))('facts said in passing in %s', (language) => {
  it.each(CASES[language]!)('reads %j as %j', (text, facts) => {
    expect(reader.read(text, language)).toEqual(facts);
  });
});
