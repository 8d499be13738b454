/**
 * `asks-what-happened`: no question asks what happened (DESIGN rule 3: never ask for details of abuse, never
 * ask leading questions). A chatbot cannot hold what a child might then write, and a helpline, not a bot, should
 * hear it. Checked in every prompt (an ask's `prompt`, a quiz question's `prompt`, and their under-13 variants),
 * in every language, with the phrasings of every language since people mix them.
 *
 * A sentence is flagged when it names what happened AND asks for it: it is a question ("?") or it tells the user
 * to tell ("tell me", "raconte", "erzähl", "cuéntame", "dimmi"…), and it does not say the opposite ("you don't have
 * to tell me what happened"). "What happened is not your fault." passes too.
 */
import { error, type ContentProblem } from './contentProblem';
import type { CheckedContent } from './loadContent';
import { VARIANT_SUFFIX } from './localeKeys';
import { localeTexts } from './localeTexts';
import { keyUses } from './scriptKeys';

/** On text without accents, in lower case, with ’ as '. */
const WHAT_HAPPENED: readonly RegExp[] = [
  /\bwhat(?: has|'s| had)? happened\b/, // en: "tell me what happened"
  /\bwhat did (?:he|she|they|it) do\b/, // en
  /\bque s'est-il passe\b/, // fr: "que s'est-il passé"
  /\bce qui s'est passe\b/, // fr: "qu'est-ce qui s'est passé", "raconte-moi ce qui s'est passé"
  /\b(?:ce qui|qu'est-ce qui) (?:t'est|vous est) arrive/, // fr: "ce qui t'est arrivé"
  /\bwas ist (?:dir |ihnen )?(?:passiert|geschehen)\b/, // de: "was ist passiert"
  /\bwas (?:dir |ihnen )?(?:passiert|geschehen) ist\b/, // de: "erzähl mir, was passiert ist"
  /\bque (?:te |le |les )?(?:paso|ha pasado|sucedio|ha sucedido|ocurrio)\b/, // es: "qué pasó", "qué te ha pasado"
  /\bcos(?:a |')(?:ti |vi )?e (?:successo|accaduto)\b/ // it: "cosa è successo", "cos'è successo"
];

/** Verbs that ask the user to tell, without accents. */
const TELL = /\b(?:tell|say|describe|explain|share|raconte|racontez|dis|dites|explique|expliquez|decris|decrivez|erzahl|erzahle|erzahlen|sag|sagen|beschreib|beschreibe|cuenta|cuentame|cuentanos|dime|explica|racconta|raccontami|dimmi|spiega|descrivi)\b/;

/** Words that turn the sentence into a reassurance that nobody has to tell, without accents. */
const NEGATION = /\b(?:don't|do not|doesn't|does not|won't|will not|never|no need|not have to|n'as pas|n'avez pas|pas besoin|pas oblige|jamais|nicht|kein|keine|niemals|no tienes|no tiene|no hace falta|no necesitas|nunca|non devi|non deve|non serve|non c'e bisogno|mai)\b/;

/** The phrase in `text` that asks what happened, if any. */
export function asksWhatHappened(text: string): string | undefined {
  const plain = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’‘ʼ]/g, "'");
  for (const sentence of plain.split(/(?<=[.!?…])\s+/)) {
    if ((!sentence.includes('?') && !TELL.test(sentence)) || NEGATION.test(sentence)) continue;
    for (const pattern of WHAT_HAPPENED) {
      const match = pattern.exec(sentence);
      if (match) return match[0];
    }
  }
  return undefined;
}

export function checkWhatHappened(content: CheckedContent): ContentProblem[] {
  const prompts = new Map<string, string>();
  for (const script of content.scripts.values()) {
    for (const use of keyUses(script)) if (use.role === 'prompt') prompts.set(`${use.namespace}:${use.key}`, use.where);
  }
  const problems: ContentProblem[] = [];
  for (const { file, namespace, key, where, text } of localeTexts(content)) {
    const base = key.endsWith(VARIANT_SUFFIX) ? key.slice(0, -VARIANT_SUFFIX.length) : key;
    if (!prompts.has(`${namespace}:${base}`)) continue;
    const phrase = asksWhatHappened(text);
    if (!phrase) continue;
    problems.push(
      error(file, where, 'asks-what-happened',
        `the prompt "${where}" in ${file} asks what happened ("${phrase}"): Beacon never asks for details of abuse (DESIGN rule 3); ` +
          'ask what the person needs now instead, and offer a helpline or a person to tell.')
    );
  }
  return problems;
}
