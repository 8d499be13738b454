/**
 * The one decision of the crisis check: two thresholds (emergency, check) and the urgent level, and the kind
 * taken from the layer that saw the danger most clearly.
 */
import { decide, type DecisionSettings } from '../../src/safety/dangerDecision';

const settings: DecisionSettings = { weights: { phrases: 0.5, classifier: 1 }, emergency: 0.8, check: 0.5, checkByLanguage: { de: 0.4 }, urgent: 0.6 };
const layers = (classifier: number, phrases = 0, urgent = 0) => [
  { name: 'phrases', reading: { emergency: phrases, urgent: 0 } },
  { name: 'classifier', reading: { emergency: classifier, urgent, kind: 'meeting' as const, urgentKind: 'sextortion' as const } }
];

it('puts the emergency number first, with the kind, when the combined score reaches the emergency threshold', () => {
  expect(decide(layers(0.9), 'en', settings)).toMatchObject({ level: 'emergency', kind: 'meeting' });
});

it('asks "are you in danger now?" between the two thresholds, and stays quiet below them', () => {
  expect(decide(layers(0.6), 'en', settings)).toMatchObject({ level: 'check', kind: 'meeting' });
  expect(decide(layers(0.3), 'en', settings).level).toBe('none');
});

it('lets two weak witnesses together reach a level that neither reaches alone', () => {
  expect(decide(layers(0.4, 0), 'en', settings).level).toBe('none');
  expect(decide(layers(0.4, 0.4), 'en', settings).level).toBe('check');
});

it("uses a language's own check threshold", () => {
  expect(decide(layers(0.45), 'de', settings).level).toBe('check');
  expect(decide(layers(0.45), 'en', settings).level).toBe('none');
});

it('reads urgent (with its kind) only when the message is not immediate danger', () => {
  expect(decide(layers(0.1, 0, 0.7), 'en', settings)).toMatchObject({ level: 'urgent', kind: 'sextortion' });
  expect(decide(layers(0.9, 0, 0.7), 'en', settings).level).toBe('emergency');
});

it('lets a reading that needs support count only when another layer also sees danger', () => {
  const short = (phrases: number) => [
    { name: 'phrases', reading: { emergency: phrases, urgent: 0 } },
    { name: 'classifier', reading: { emergency: 0.95, urgent: 0.7, kind: 'present' as const, urgentKind: 'sextortion' as const, needsSupport: true } }
  ];
  expect(decide(short(0), 'en', settings).level).toBe('none');
  expect(decide(short(0.5), 'en', settings)).toMatchObject({ level: 'emergency', kind: 'present' });
});

it('lets a reading of pictures threatened lower the phrase lists, unless another layer reads an emergency', () => {
  const threat = (classifier: number) => [
    { name: 'phrases', reading: { emergency: 1, urgent: 0 } },
    { name: 'concepts', reading: { emergency: 0, urgent: 0.8, urgentKind: 'sextortion' as const, loweredUnlessSeen: 0.3 } },
    { name: 'classifier', reading: { emergency: classifier, urgent: 0.5, kind: 'threat' as const, urgentKind: 'sextortion' as const } }
  ];
  const lowering: DecisionSettings = { ...settings, weights: { phrases: 1, concepts: 1, classifier: 1 }, urgent: 0.1, lowered: ['phrases'] };
  // "threatens to" found by the phrases, the pictures by the concepts, nothing graver by the classifier: urgent.
  expect(decide(threat(0.1), 'en', lowering)).toMatchObject({ level: 'urgent', kind: 'sextortion' });
  // The classifier reads a threat of harm too ("…to beat me up if I don't send more"): the phrases count in full.
  expect(decide(threat(0.6), 'en', lowering)).toMatchObject({ level: 'emergency', kind: 'threat' });
});
