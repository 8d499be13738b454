/**
 * The learnt layer of the crisis check: deterministic (the same examples always train the same model, so it
 * can be cached by their hash), kept in the data folder between starts, and able to read danger in the middle
 * of a long message.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ClassifierDangerLayer } from '../../src/safety/classifierDangerLayer';
import type { DangerExample } from '../../src/safety/dangerExamples';
import { normalizeForDanger } from '../../src/safety/dangerText';
import { featuresOf } from '../../src/safety/ngramFeatures';
import { SoftmaxModel } from '../../src/safety/softmaxModel';

const words = (text: string) => normalizeForDanger(text).split(' ').filter(Boolean);
const examples: DangerExample[] = [
  ...['he is picking me up tonight dont tell', 'meeting him after school tomorrow secretly', 'a man is coming to get me tonight', 'he wants to meet me tonight alone'].map((text) => ({ text, level: 'emergency' as const, kind: 'meeting' as const })),
  ...['i swallowed all the pills', 'i want to kill myself tonight', 'i cut myself again', 'i took the whole pack of tablets'].map((text) => ({ text, level: 'emergency' as const, kind: 'selfHarm' as const })),
  ...['what is grooming', 'can you help with homework', 'my dad picks me up after football', 'how do i report a fake account', 'tell me about my rights', 'i like drawing and football'].map((text) => ({ text, level: 'none' as const }))
];

it('trains the same weights from the same examples', () => {
  const train = () => SoftmaxModel.train(examples.map((e) => ({ features: featuresOf(words(e.text)), label: e.level === 'none' ? 'none' : e.kind! })));
  expect(Buffer.from(train().weights.buffer).equals(Buffer.from(train().weights.buffer))).toBe(true);
});

it('keeps the trained model in the data folder, and reads the same from it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'beacon-danger-'));
  try {
    const first = ClassifierDangerLayer.train(new Map([['en', examples]]), words, dir);
    expect(readdirSync(dir).filter((f) => f.startsWith('danger-'))).toHaveLength(1);
    const again = ClassifierDangerLayer.train(new Map([['en', examples]]), words, dir);
    expect(again.read('i swallowed all the pills', 'en')).toEqual(first.read('i swallowed all the pills', 'en'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('reads the danger in the middle of a long friendly message', () => {
  const layer = ClassifierDangerLayer.train(new Map([['en', examples]]), words);
  const friendly = 'hi so today was fun we played football and i like drawing and my rights at school are good and homework was ok';
  const long = `${friendly} but i swallowed all the pills ${friendly}`;
  expect(layer.read(long, 'en').emergency).toBeGreaterThan(layer.read(`${friendly} ${friendly}`, 'en').emergency + 0.3);
  expect(layer.read(long, 'en').kind).toBe('selfHarm');
});
