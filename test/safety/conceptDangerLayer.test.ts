/**
 * The concept patterns of the crisis check: the same danger in any word order and any shipped language, and
 * the cues that lower it (a hypothetical, something past, a known person in a harmless role, a joke).
 */
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { Translator } from '../../src/content/translator';
import { ConceptDangerLayer } from '../../src/safety/conceptDangerLayer';
import { dangerWords, parseSpellings } from '../../src/safety/dangerText';

let layer: ConceptDangerLayer;
beforeAll(async () => {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  const spellings = parseSpellings(translator.languages.flatMap((l) => translator.list(l, 'safety:crisis.spellings')));
  layer = ConceptDangerLayer.create(translator, (text) => dangerWords(text, spellings));
});

it.each([
  ['en', 'after school tomorrow a guy from snap is picking me up, dont tell my mum'],
  ['de', 'er holt mich morgen nach der schule ab und ich soll meinen eltern nix sagen'],
  ['fr', 'demain après les cours un mec de snap vient me chercher'],
  ['es', 'mañana después de clase me recoge un tío de insta'],
  ['it', 'domani dopo scuola un tipo conosciuto su insta mi viene a prendere'],
  ['pl', 'jutro po szkole odbiera mnie typ ze snapa, nie mow mamie']
])('reads a planned meeting in %s whatever the word order: "%s"', (language, text) => {
  expect(layer.read(text, language)).toMatchObject({ kind: 'meeting' });
  expect(layer.read(text, language).emergency).toBeGreaterThanOrEqual(0.7);
});

it.each([
  ['en', 'i swallowed a whole pack of pills'],
  ['fr', "j'ai avalé toute la boîte de cachets"],
  ['de', 'ich hab alle tabletten geschluckt'],
  ['es', 'me tomé todas las pastillas'],
  ['it', 'ho ingoiato tutte le pillole'],
  ['pl', 'łyknęłam całe opakowanie tabletek']
])('reads an act of self-harm already done in %s: "%s"', (language, text) => {
  expect(layer.read(text, language)).toMatchObject({ kind: 'selfHarm' });
});

it.each([
  ['en', 'a guy from snap is picking me up after school tomorrow', 'what if a guy from snap is picking me up after school tomorrow'],
  ['en', 'a guy from snap is picking me up after school tomorrow', 'last year a guy from snap was picking me up after school'],
  ['en', 'he is waiting outside my school', 'my dad is waiting outside my school'],
  ['de', 'er holt mich morgen nach der schule ab', 'mal angenommen er holt mich morgen nach der schule ab'],
  ['fr', 'un mec vient me chercher ce soir', 'et si un mec vient me chercher ce soir'],
  ['es', 'un tío viene a buscarme esta noche', 'y si un tío viene a buscarme esta noche'],
  ['it', 'un tipo mi viene a prendere stasera', 'e se un tipo mi viene a prendere stasera'],
  ['pl', 'typ z insta przyjedzie po mnie dzis wieczorem', 'a co jesli typ z insta przyjedzie po mnie dzis wieczorem']
])('a hypothetical, a past event or a known person in a harmless role lowers the score (%s)', (language, danger, lowered) => {
  expect(layer.read(lowered, language).emergency).toBeLessThan(layer.read(danger, language).emergency / 2);
});

it('finds nothing in a message about homework', () => {
  expect(layer.read('can you help me with my maths homework', 'en').emergency).toBe(0);
});
