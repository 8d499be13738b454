/**
 * `terminology`: no "child pornography" or its translations (DESIGN rule 5, Luxembourg Terminology Guidelines):
 * the words describe abuse as if it were a kind of pornography, which the children in it never consented to.
 * Write "child sexual abuse material" instead.
 *
 * The one allowed use is a quotation, e.g. the title of a law or of Lanzarote Convention Article 20, "Offences
 * concerning child pornography": the term is accepted only between quotation marks (“ ” „ “ « » " " ‘ ’ ‹ ›) in the
 * same text. Matching ignores case and accents. Every text in every language is checked, since people mix them.
 */
import { error, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { localeTexts } from './localeTexts';

/** On text without accents, in lower case. */
const BANNED_TERMS: readonly RegExp[] = [
  /\bchild[- ]porn(?:ography|ographic)?\b/g, // en
  /\bpornographie (?:enfantine|infantile)\b/g, // fr
  /\bpedopornograph\w*/g, // fr: pédopornographie, pédopornographique
  /\bpedopornograf\w*/g, // es, it: pedopornografía, pedopornografia, pedopornografico
  /\bkinderpornogra(?:f|ph)\w*/g, // de
  /\bpornografia infantil\b/g, // es: pornografía infantil
  /\bpornografia (?:infantile|minorile)\b/g // it
];

const QUOTED = /“[^”“]*”|„[^“”]*[“”]|«[^»]*»|"[^"]*"|‘[^’]*’|‹[^›]*›/g;

/** The banned terms in `text` that are not inside quotation marks. */
export function bannedTerms(text: string): string[] {
  const plain = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  const quotes = [...plain.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length] as const);
  const found: string[] = [];
  for (const term of BANNED_TERMS) {
    for (const match of plain.matchAll(term)) {
      const inside = quotes.some(([from, to]) => match.index > from && match.index + match[0].length < to);
      if (!inside) found.push(match[0]);
    }
  }
  return found;
}

export function checkTerminology(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { file, where, text } of localeTexts(content)) {
    const terms = bannedTerms(text);
    if (terms.length === 0) continue;
    problems.push(
      error(file, where, 'terminology',
        `"${where}" in ${file} says "${terms[0]}": write "child sexual abuse material" or its accepted equivalent in this language ` +
          '(Luxembourg Terminology Guidelines); quoting the title of a law is allowed only inside quotation marks.')
    );
  }
  return problems;
}
