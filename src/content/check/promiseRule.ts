/**
 * `promise-words`: the texts that say what stays private (the welcome's privacy line, the consent screen before a
 * person joins, the "about" answers, and every key named `privacy…` or `confidential…`) never promise secrecy
 * (DESIGN rule 4). No helpline can keep every word to itself: a worker may have to act to keep a child safe, and
 * helplines share with supervisors and keep notes. Childline says it "will try to talk to you first"; so do we.
 * Matching ignores case and accents.
 */
import { error, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { localeTexts } from './localeTexts';

/** On text without accents, in lower case: "promise" and "stays between us" in the five shipped languages. */
const PROMISE_WORDS: readonly RegExp[] = [
  /\bpromis\w*/g, // en promise, fr promis, promise
  /\bnever tell\w*/g,
  /\bstays? between (?:us|you)\b/g,
  /\bwon'?t tell anyone\b/g,
  /\bpromet\w*/g, // fr promets, promettre; es prometo, promesa (promes-)
  /\bpromes[as]\b/g, // es promesa(s), fr promesse (see below)
  /\bpromesse\w*/g, // fr, it
  /\bpromett\w*/g, // it prometto
  /\breste entre nous\b/g,
  /\bgarde (?:ce que tu dis )?pour (?:lui|elle|soi)\b/g,
  /\bne (?:le )?dira (?:jamais|a personne)\b/g,
  /\bversprech\w*|\bversproch\w*/g, // de
  /\bbleibt unter uns\b/g,
  /\bbehalt\w* (?:es )?fur sich\b/g,
  /\bniemandem (?:etwas )?(?:sagen|erzahlen|weitersagen)\b/g,
  /\bse queda entre\b|\bqueda entre (?:tu|nosotros)\b/g, // es
  /\bnunca (?:se lo )?(?:dira|contara)\b/g,
  /\bresta tra (?:noi|te)\b|\brimane tra (?:noi|te)\b/g, // it
  /\bnon lo dira mai\b|\bnon (?:lo )?dira a nessuno\b/g
];

/** True when `namespace`/`key` is a text that says what stays private. */
export function isPrivacyText(namespace: string, key: string): boolean {
  if (namespace === 'handoff' && key.startsWith('consent.')) return true;
  if (namespace === 'core/about') return true;
  return /(^|[._])(privacy|confidential\w*)([._]|$)/i.test(key);
}

/** The promise words in `text`. */
export function promiseWords(text: string): string[] {
  const plain = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return PROMISE_WORDS.flatMap((word) => [...plain.matchAll(word)].map((m) => m[0]));
}

export function checkPromiseWords(content: CheckedContent): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { file, namespace, key, where, text } of localeTexts(content)) {
    if (key === 'examples' || !isPrivacyText(namespace, key)) continue;
    const words = promiseWords(text);
    if (words.length === 0) continue;
    problems.push(
      error(file, where, 'promise-words',
        `"${where}" in ${file} says "${words[0]}" in a text about what stays private: never promise secrecy (DESIGN rule 4). ` +
          'Say what stays private and that a worker might have to act to keep someone safe, and "will try to talk to you about it first".')
    );
  }
  return problems;
}
