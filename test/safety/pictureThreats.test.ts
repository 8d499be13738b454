/**
 * A threat to share a child's pictures is sextortion: urgent, with its first steps at once (don't pay, stop
 * replying, keep the messages), not an emergency number and "a threat to hurt you is serious". A threat of harm,
 * or self-harm, said with it is still an emergency. The messages are written for this test, in the words
 * children use, and are not taken from the evaluation sets.
 */
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { Translator } from '../../src/content/translator';
import { TRAINING_DIR } from '../../src/safety/crisisSets';
import { LayeredDangerDetector } from '../../src/safety/layeredDangerDetector';

let detector: LayeredDangerDetector;
beforeAll(async () => {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  detector = LayeredDangerDetector.create(translator, { trainingDir: path.join(ROOT_DIR, TRAINING_DIR) });
}, 120_000);

it.each([
  ['en', 'someone says he will send my pics to everyone'],
  ['en', 'this guy keeps blackmailing me with my photos'],
  ['fr', "un mec me menace d'envoyer mes photos à tout le monde"],
  ['de', 'einer droht, meine fotos an alle zu schicken'],
  ['es', 'un chico me amenaza con pasar mis fotos a todos'],
  ['it', 'un tipo mi minaccia di mandare le mie foto a tutti'],
  ['nl', 'iemand dreigt mijn fotos naar iedereen te sturen'],
  ['pl', 'jakiś typ grozi, że roześle moje zdjęcia wszystkim'],
  ['tr', 'biri fotoğraflarımı herkese yaymakla tehdit ediyor'],
  ['uk', 'хлопець погрожує розіслати мої фото всім']
])('reads a threat to share pictures as urgent sextortion in %s: "%s"', (language, text) => {
  expect(detector.read(text, language)).toMatchObject({ level: 'urgent', kind: 'sextortion' });
});

it.each([
  ['en', 'he threatens to kill me if i dont send more pics', 'emergency'],
  ['de', 'er droht mich umzubringen wenn ich keine fotos mehr schicke', 'emergency'],
  ['nl', 'hij dreigt me te vermoorden als ik geen naaktfotos stuur', 'emergency'],
  ['it', 'mi minaccia di picchiarmi se non gli mando foto', 'emergency'],
  ['en', 'he is going to post my pics and i want to kill myself', 'emergency'],
  ['de', 'er hat meine bilder gepostet und ich will nicht mehr leben', 'emergency'],
  ['en', 'he says he is outside my house and will post my pics', 'emergency']
])('a threat of harm, self-harm or someone outside, said with the pictures, is still an emergency (%s): "%s"', (language, text, level) => {
  expect(detector.read(text, language).level).toBe(level);
});

it.each([
  ['en', 'he threatens me'],
  ['de', 'der typ droht mir, mich abzustechen'],
  ['pl', 'grozi, że mnie pobije']
])('a threat with no pictures in it is still a threat of harm (%s): "%s"', (language, text) => {
  expect(detector.read(text, language)).toMatchObject({ level: 'emergency', kind: 'threat' });
});

it('a question about how common it is, or a story, is not read as a threat to the one asking', () => {
  expect(detector.read('my teacher told us about people who threaten to post pics, how common is it', 'en').level).toBe('none');
});
