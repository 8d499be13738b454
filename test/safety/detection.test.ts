/**
 * Regression data, not a measure: the first labelled messages (test/safety/labelled/<lang>.json), on which the
 * phrase lists were extended, so they say what the lists were made to catch, not how the check generalises
 * (that is test/safety/crisisEval.test.ts, on a test part nobody tuned on). The whole crisis check must still
 * catch their danger and keep their false alarms low; misses are printed for reviewers.
 * So the phrase layer is held to them (it was built on them); the whole check's figures on them are printed
 * for reviewers, since its thresholds are chosen on the validation part, not here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { Translator } from '../../src/content/translator';
import { TRAINING_DIR } from '../../src/safety/crisisSets';
import { needsEmergencyNumber } from '../../src/safety/dangerReading';
import { LayeredDangerDetector } from '../../src/safety/layeredDangerDetector';

const LABELLED = path.join(__dirname, 'labelled');
const MIN_RECALL = 0.95;
const MAX_FALSE_ALARMS = 0.1;

interface Labelled {
  danger: string[];
  notDanger: string[];
}

const languages = readdirSync(LABELLED).filter((f) => /^[a-z]{2}\.json$/.test(f)).map((f) => f.slice(0, 2)).sort();
const sets = new Map(languages.map((l) => [l, JSON.parse(readFileSync(path.join(LABELLED, `${l}.json`), 'utf8')) as Labelled]));

let detector: LayeredDangerDetector;
let shipped: readonly string[];
beforeAll(async () => {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  detector = LayeredDangerDetector.create(translator, { trainingDir: path.join(ROOT_DIR, TRAINING_DIR) });
  shipped = translator.languages;
});

describe.each(languages)('crisis detection in %s', (language) => {
  const set = sets.get(language)!;

  it('has at least 30 labelled messages of each kind', () => {
    expect(set.danger.length).toBeGreaterThanOrEqual(30);
    expect(set.notDanger.length).toBeGreaterThanOrEqual(30);
  });

  it(`catches at least ${MIN_RECALL * 100}% of danger and raises at most ${MAX_FALSE_ALARMS * 100}% false alarms`, () => {
    const flagged = (m: string) => (detector.readLayers(m, language).find((l) => l.name === 'phrases')?.reading.emergency ?? 0) > 0;
    const whole = (m: string) => needsEmergencyNumber(detector.read(m, language));
    const missed = set.danger.filter((m) => !flagged(m));
    const falseAlarms = set.notDanger.filter(flagged);
    const recall = 1 - missed.length / set.danger.length;
    const falseAlarmRate = falseAlarms.length / set.notDanger.length;
    console.log(
      `[${language}] the whole check: recall ${set.danger.filter(whole).length}/${set.danger.length}, false alarms ${set.notDanger.filter(whole).length}/${set.notDanger.length}; ` +
        `the phrases: recall ${(recall * 100).toFixed(1)}% (${set.danger.length - missed.length}/${set.danger.length}), ` +
        `false alarms ${(falseAlarmRate * 100).toFixed(1)}% (${falseAlarms.length}/${set.notDanger.length})` +
        missed.map((m) => `\n  missed: ${m}`).join('') +
        falseAlarms.map((m) => `\n  false alarm: ${m}`).join('')
    );
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(falseAlarmRate).toBeLessThanOrEqual(MAX_FALSE_ALARMS);
  });
});

it('has a labelled set for every shipped language', () => {
  const missing = shipped.filter((l) => !existsSync(path.join(LABELLED, `${l}.json`)));
  expect(missing).toEqual([]);
});
