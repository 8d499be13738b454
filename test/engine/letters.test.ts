/**
 * Letters that keyboards type in more than one way read the same: Romanian ș and ț with a comma below (the
 * standard) or with a cedilla (ş, ţ: older keyboards and phones), or without the mark at all; Turkish dotted and
 * dotless i. A child who types on whatever keyboard they have gets the same answer.
 */
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { ScriptLibrary } from '../../src/content/scriptLibrary';
import { Translator } from '../../src/content/translator';
import { routerExamples } from '../../src/engine/createEngine';
import { IntentRouter } from '../../src/engine/intentRouter';
import { normalize } from '../../src/engine/normalize';
import { TRAINING_DIR } from '../../src/safety/crisisSets';
import { LayeredDangerDetector } from '../../src/safety/layeredDangerDetector';

/** The same Romanian text with comma-below letters, with cedillas, and with no marks. */
const forms = (text: string) => [text, text.replace(/ș/g, 'ş').replace(/ț/g, 'ţ').replace(/Ș/g, 'Ş').replace(/Ț/g, 'Ţ'), text.normalize('NFKD').replace(/\p{M}/gu, '')];

it.each(['Îmi e frică, mă amenință', 'Șantaj cu poze', 'Țara mea e România'])('reads "%s" the same with ș/ț, ş/ţ or no marks', (text) => {
  expect(new Set(forms(text).map(normalize)).size).toBe(1);
});

it('reads Turkish dotted and dotless i the same', () => {
  expect(normalize('kız')).toBe(normalize('kiz'));
  expect(normalize('İSTANBUL')).toBe(normalize('istanbul'));
});

describe('the whole reading of a Romanian message, whatever the keyboard', () => {
  let detector: LayeredDangerDetector;
  let router: IntentRouter;
  beforeAll(async () => {
    const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
    detector = LayeredDangerDetector.create(translator, { trainingDir: path.join(ROOT_DIR, TRAINING_DIR) });
    const scripts = await ScriptLibrary.load(path.join(ROOT_DIR, 'dialogs'));
    router = await IntentRouter.train(routerExamples(scripts, translator), { languages: ['ro'] });
  }, 120_000);

  it.each(['un tip mă amenință că îmi trimite pozele la toți', 'mi-e frică, un bărbat stă în fața ușii mele acum'])('gives the same crisis reading for "%s"', (text) => {
    const levels = forms(text).map((form) => detector.read(form, 'ro').level);
    expect(levels[0]).not.toBe('none');
    expect(new Set(levels).size).toBe(1);
  });

  it.each(['ce înseamnă sextorsiune, mă șantajează cineva', 'ce e racolarea online și cum îmi dau seama'])('routes "%s" the same way', async (text) => {
    const routes = await Promise.all(forms(text).map((form) => router.route('ro', form)));
    expect(routes[0]!.kind).not.toBe('none');
    expect(new Set(routes.map((r) => JSON.stringify({ ...r, score: undefined, scores: undefined }))).size).toBe(1);
  });
});
