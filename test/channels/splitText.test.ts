/**
 * Splitting holds for any text, not just the examples: no piece over the limit, nothing lost, no word broken.
 */
import fc from 'fast-check';
import { splitText } from '../../src/channels/splitText';

const word = fc.stringMatching(/^[a-zA-Z0-9]{1,12}$/);
const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 20 }), fc.constantFrom('.', '!', '?', '…', '."', ''))
  .map(([words, end]) => words.join(' ') + end);
const gap = fc.constantFrom(' ', '  ', '\n', '\n\n', ' \n ');
const text = fc
  .array(fc.tuple(sentence, gap), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.map(([s, g]) => s + g).join(''));

const tokens = (value: string) => value.split(/\s+/).filter(Boolean);

describe('splitText', () => {
  it('never exceeds the limit, loses nothing and breaks no word', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 16, max: 400 }), (input, max) => {
        const pieces = splitText(input, max);
        expect(pieces.every((p) => p.length > 0 && p.length <= max)).toBe(true);
        expect(pieces.flatMap(tokens)).toEqual(tokens(input));
      })
    );
  });

  it('prefers a line break to a sentence end, and a sentence end to a space', () => {
    expect(splitText('One two three. Four five.\nSix seven.', 30)).toEqual(['One two three. Four five.', 'Six seven.']);
    expect(splitText('One two three. Four five six seven.', 30)).toEqual(['One two three.', 'Four five six seven.']);
  });

  it('does not end a piece after the number of a list item', () => {
    expect(splitText('Pick one of these options now 1. Yes please do it', 40)).toEqual([
      'Pick one of these options now 1. Yes',
      'please do it'
    ]);
  });

  it('cuts Japanese text after a full stop, where no space follows', () => {
    expect(splitText('今すぐ安全ですか。あなたのせいではありません。', 15)).toEqual(['今すぐ安全ですか。', 'あなたのせいではありません。']);
  });

  it('cuts a run with no spaces at all only as a last resort, without splitting an emoji', () => {
    const pieces = splitText(`${'a'.repeat(9)}😀${'b'.repeat(5)}`, 10);
    expect(pieces).toEqual(['a'.repeat(9), `😀${'b'.repeat(5)}`]);
  });

  it('gives no pieces for blank text and refuses a limit below one', () => {
    expect(splitText('  \n ', 10)).toEqual([]);
    expect(() => splitText('text', 0)).toThrow(/positive integer/);
  });
});
