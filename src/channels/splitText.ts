/**
 * Splits text that is too long for one message of a channel into pieces that each fit, cutting where a reader
 * would pause: between lines first, then between sentences, then between words. Every cut is at whitespace, so
 * nothing is lost and no word is broken; only a single "word" longer than a whole message (which real prose never
 * has) is cut inside, as the last resort. Lengths are UTF-16 code units, as Twilio and LINE count them.
 */

/** A piece of text and the whitespace that stood before it in the original. */
interface Unit {
  sep: string;
  text: string;
}

/** Line breaks, with the spaces around them. */
const LINE_BREAK = /[^\S\n]*\n\s*/g;
/**
 * The whitespace after a sentence: after . ! ? … (optionally closed by quotes or brackets), or right after a CJK
 * full stop, where no space follows. A period after a digit is not taken as an end: "1. Yes" is a list item.
 */
const SENTENCE_END = /(?<=[。！？])\s*|(?<=(?:[^\d\s]\.|[!?…])["'”’»)\]]*)\s+/gu;
const WORD_GAP = /\s+/g;

/** `text` trimmed and cut into pieces of at most `max` code units; empty text gives no pieces. */
export function splitText(text: string, max: number): string[] {
  if (!Number.isInteger(max) || max < 1) {
    throw new RangeError(`Cannot split text into pieces of ${max} characters: the limit must be a positive integer.`);
  }
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed ? [trimmed] : [];
  const units = splitAt(trimmed, LINE_BREAK)
    .flatMap((line) => refine(line, max, SENTENCE_END))
    .flatMap((sentence) => refine(sentence, max, WORD_GAP))
    .flatMap((word) => (word.text.length > max ? hardCut(word, max) : [word]));
  return pack(units, max);
}

/** Packs units greedily into pieces of at most `max`, keeping the original whitespace inside a piece. */
function pack(units: Unit[], max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const { sep, text } of units) {
    if (current && current.length + sep.length + text.length <= max) {
      current += sep + text;
    } else {
      if (current) pieces.push(current);
      current = text;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** A unit that is too long, split further at `separator`; the first part keeps the unit's own separator. */
function refine(unit: Unit, max: number, separator: RegExp): Unit[] {
  if (unit.text.length <= max) return [unit];
  const parts = splitAt(unit.text, separator);
  if (parts[0]) parts[0] = { sep: unit.sep, text: parts[0].text };
  return parts;
}

/** `text` cut at every match of `separator` (a global regex), each part remembering the separator before it. */
function splitAt(text: string, separator: RegExp): Unit[] {
  const units: Unit[] = [];
  let start = 0;
  let sep = '';
  for (const match of text.matchAll(separator)) {
    const end = match.index;
    if (end > start) {
      units.push({ sep, text: text.slice(start, end) });
      sep = '';
    }
    sep += match[0];
    start = Math.max(start, end + match[0].length);
  }
  if (start < text.length) units.push({ sep, text: text.slice(start) });
  return units;
}

/** The last resort for one unbroken run longer than a message: cut it, never between a surrogate pair. */
function hardCut(unit: Unit, max: number): Unit[] {
  const parts: Unit[] = [];
  let rest = unit.text;
  let sep = unit.sep;
  while (rest.length > max) {
    const code = rest.charCodeAt(max - 1);
    const cut = code >= 0xd800 && code <= 0xdbff && max > 1 ? max - 1 : max;
    parts.push({ sep, text: rest.slice(0, cut) });
    rest = rest.slice(cut);
    sep = '';
  }
  parts.push({ sep, text: rest });
  return parts;
}
