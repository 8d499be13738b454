/**
 * Short answers to a question ("yes", "i'm 14", "non merci") are the commonest messages of all and must never
 * bring up the emergency number (DESIGN.md rule 11: typed words are answers), while a short cry for help still
 * does. The classifier alone cannot tell them apart on so few letters, so it needs another layer's support.
 */
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { Translator } from '../../src/content/translator';
import { TRAINING_DIR } from '../../src/safety/crisisSets';
import { needsEmergencyNumber } from '../../src/safety/dangerReading';
import { LayeredDangerDetector } from '../../src/safety/layeredDangerDetector';

const ANSWERS: Record<string, string[]> = {
  en: ['yes', 'no', "i'm 14", 'im 12', 'he is 25', 'not now', 'no thanks', 'tonight', 'my mum', 'idk'],
  fr: ['oui', 'non merci', "j'ai 14 ans", 'non, pas maintenant', 'ce soir', 'demain', 'jsp', 'il a 16 ans'],
  de: ['ja', 'nein danke', 'ich bin 14', 'nicht jetzt', 'heute abend', 'morgen', 'keine ahnung', 'er ist 25'],
  es: ['si', 'no gracias', 'tengo 14', 'ahora no', 'esta noche', 'mañana', 'nose', 'tiene 25'],
  it: ['si', 'no grazie', 'ho 14 anni', 'non ora', 'stasera', 'domani', 'boh', 'ha 25 anni']
};
const CRIES: Record<string, string[]> = { en: ['kms', "HELP HE'S HERE"], fr: ['il est là aidez moi'], de: ['HILFE ER IST DA'], es: ['ayuda esta aqui'], it: ['aiuto è qui'] };

let detector: LayeredDangerDetector;
beforeAll(async () => {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  detector = LayeredDangerDetector.create(translator, { trainingDir: path.join(ROOT_DIR, TRAINING_DIR) });
});

describe.each(Object.keys(ANSWERS))('short messages in %s', (language) => {
  it('reads a short answer as no danger', () => {
    const alarmed = ANSWERS[language]!.filter((text) => needsEmergencyNumber(detector.read(text, language)));
    expect(alarmed).toEqual([]);
  });

  it('still reads a short cry for help as danger', () => {
    const missed = CRIES[language]!.filter((text) => !needsEmergencyNumber(detector.read(text, language)));
    expect(missed).toEqual([]);
  });
});
