/**
 * Routes a typed question ("someone wants my pics or he'll post them") to the script that answers it.
 *
 * NLP.js does the work: one small neural classifier per language, trained in memory at start-up from the example
 * phrases of each script, with that language's tokenizer, stop words and stemmer. Nothing is read from or written
 * to disk (no `model.nlp`), and NLP.js logs nothing. The router only turns NLP.js's scores into a decision.
 */
import { readFileSync } from 'node:fs';
import { containerBootstrap } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { LangFr } from '@nlpjs/lang-fr';
import { LangIt } from '@nlpjs/lang-it';
import { LangNl } from '@nlpjs/lang-nl';
import { LangPl } from '@nlpjs/lang-pl';
import { LangRo } from '@nlpjs/lang-ro';
import { LangUk } from '@nlpjs/lang-uk';
import { Nlp, type Classification, type NeuralNluSettings } from '@nlpjs/nlp';
import { forgetInputs, restoreNoneIntent } from './nlpjsInternals';
import { modelKey, readModel, writeModel } from './routerCache';
import { hasWords, textForClassifier } from './textNormalizer';
import { LangTrF5 } from './turkishPlugin';
import { readableText } from './transliterate';

/** Part of the model cache key: another NLP.js may train a different model from the same examples. */
const NLPJS_VERSION = (JSON.parse(readFileSync(require.resolve('@nlpjs/nlp/package.json'), 'utf8')) as { version: string }).version;

export interface RouterExamples {
  language: string;
  scriptId: string;
  phrases: string[];
}

/** Scores are shares between 0 and 1 (see ROUTING_THRESHOLDS); the best script comes first. */
export type RouteResult =
  | { kind: 'match'; scriptId: string; score: number }
  /** Two scripts are close: the bot asks which one was meant. */
  | { kind: 'ambiguous'; scriptIds: [string, string]; scores: [number, number] }
  /** Nothing fits: the bot says so and shows the menu. */
  | { kind: 'none' };

/**
 * How scores become a decision. A score is NLP.js's: each script's squared activation, normalised so that the
 * scripts the user may see and NLP.js's 'None' class (fed by the words that no example uses) sum to 1.
 * - 'none' when 'None' scores at least as high as the best script, or the best script is below `match`:
 *   off-topic questions share few words with the examples, so their best score stays low or 'None' wins.
 * - 'ambiguous' when the runner-up reaches `ambiguousRatio` of the best (with squared scores, 0.5 means the
 *   two activations are within about 30% of each other): asking which was meant beats guessing.
 * - 'match' otherwise. Chosen on held-out questions in English and French (test/engine/intentRouter.test.ts).
 */
export const ROUTING_THRESHOLDS = { match: 0.5, ambiguousRatio: 0.5 } as const;

/**
 * The classifier. Stop words are dropped so that "what", "is", "my" do not make an off-topic question look
 * familiar. Spell checking maps a stem one edit away from a known stem onto it ("sextorsion"), but only stems of
 * 5 letters or more: at NLP.js's default of 4, "quelle heure est-il" read "heur" as "peur" (fear) and "bake a
 * cake" read both words as "nake" (naked).
 * The network starts from zero weights, so the same examples always train the same model. It stops when the
 * error stops improving: 40 to 200 rounds for 20 scripts of 15 phrases. `iterations` (NLP.js: 20000) only bounds
 * start-up time in case it never settles.
 */
const CLASSIFIER: NeuralNluSettings = { keepStopwords: false, spellCheck: true, spellCheckDistance: 1, minLength: 5, iterations: 1000, log: false };

const LANGUAGE_PLUGINS: Readonly<Record<string, unknown>> = { en: LangEn, fr: LangFr, de: LangDe, es: LangEs, it: LangIt, nl: LangNl, pl: LangPl, ro: LangRo, tr: LangTrF5, uk: LangUk };
const FALLBACK_LANGUAGE = 'en';
const NONE_INTENT = 'None';
const NO_ROUTE: RouteResult = Object.freeze({ kind: 'none' });
const quiet = (): void => undefined;
const SILENT_LOGGER = { debug: quiet, info: quiet, warn: quiet, error: quiet, log: quiet, trace: quiet, fatal: quiet };

export class IntentRouter {
  private constructor(
    /** @internal exposed for the privacy test only. */
    readonly nlp: Nlp | undefined,
    readonly languages: readonly string[]
  ) {}

  /**
   * Trains on the examples of every language that has some (or of `options.languages` only). NLP.js knows
   * languages by two letters: "fr-CA" trains French; other codes are left out and route with English.
   * A language without an NLP.js plugin here (en, fr, de, es, it, uk) trains with NLP.js's plain word splitting.
   */
  static async train(examples: RouterExamples[], options: { languages?: string[]; cacheDir?: string } = {}): Promise<IntentRouter> {
    const only = options.languages?.map(languageKey);
    const corpus = groupByLanguage(examples.filter((e) => !only || only.includes(languageKey(e.language))));
    const languages = Object.freeze([...corpus.keys()]);
    if (languages.length === 0) return new IntentRouter(undefined, languages);
    const nlp = createNlp([...languages]);
    const key = modelKey({ corpus: [...corpus].map(([l, s]) => [l, [...s]]), CLASSIFIER, nlpjs: NLPJS_VERSION });
    const cached = readModel(options.cacheDir, key);
    if (cached !== undefined) {
      try {
        nlp.import(cached);
        restoreNoneIntent(nlp);
        return new IntentRouter(nlp, languages);
      } catch {
        // A damaged file: train below and overwrite it.
      }
    }
    for (const [language, scripts] of corpus) {
      for (const [scriptId, phrases] of scripts) {
        for (const phrase of phrases) nlp.addDocument(language, phrase, scriptId);
      }
    }
    await nlp.train();
    writeModel(options.cacheDir, key, nlp.export(true));
    return new IntentRouter(nlp, languages);
  }

  /** The script that best fits `text`; `allowed` limits the answer to the scripts the user's audience can see. */
  async route(language: string, text: string, allowed?: ReadonlySet<string>): Promise<RouteResult> {
    const utterance = textForClassifier(readableText(text, language));
    if (!this.nlp || !hasWords(utterance) || allowed?.size === 0) return NO_ROUTE;
    const key = languageKey(language);
    const locale = this.languages.includes(key) ? key : FALLBACK_LANGUAGE;
    if (!this.languages.includes(locale)) return NO_ROUTE;
    const allowList = allowed ? Object.fromEntries([...allowed].map((id) => [id, true as const])) : undefined;
    try {
      const result = await this.nlp.process(locale, utterance, undefined, allowList ? { allowList } : {});
      return decideRoute(result.classifications, allowed);
    } finally {
      forgetInputs(this.nlp);
    }
  }
}


/** Applies ROUTING_THRESHOLDS to NLP.js's classifications; scripts outside `allowed` never count. */
export function decideRoute(classifications: readonly Classification[], allowed?: ReadonlySet<string>): RouteResult {
  const visible = classifications.filter((c) => c.intent === NONE_INTENT || !allowed || allowed.has(c.intent));
  const total = visible.reduce((sum, c) => sum + c.score, 0);
  if (!(total > 0)) return NO_ROUTE;
  const noneScore = (visible.find((c) => c.intent === NONE_INTENT)?.score ?? 0) / total;
  const [best, second] = visible
    .filter((c) => c.intent !== NONE_INTENT)
    .map((c) => ({ scriptId: c.intent, score: c.score / total }))
    .sort((a, b) => b.score - a.score || (a.scriptId < b.scriptId ? -1 : 1));
  if (!best || best.score <= noneScore) return NO_ROUTE;
  if (second && second.score >= best.score * ROUTING_THRESHOLDS.ambiguousRatio) {
    return { kind: 'ambiguous', scriptIds: [best.scriptId, second.scriptId], scores: [best.score, second.score] };
  }
  return best.score >= ROUTING_THRESHOLDS.match ? { kind: 'match', ...best } : NO_ROUTE;
}

/** "fr-CA" → "fr"; anything that is not a two-letter language comes back as it is and trains nothing. */
function languageKey(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Examples by language, then script, both in sorted order so that the order of the files read does not change
 * the model. Phrases are cleaned as the questions will be; phrases without a letter are left out.
 */
function groupByLanguage(examples: RouterExamples[]): Map<string, Map<string, string[]>> {
  const sorted = [...examples].sort((a, b) => compare(languageKey(a.language), languageKey(b.language)) || compare(a.scriptId, b.scriptId));
  const corpus = new Map<string, Map<string, string[]>>();
  for (const { language, scriptId, phrases } of sorted) {
    if (scriptId === NONE_INTENT) throw new Error(`The intent router cannot train a script with the id "${NONE_INTENT}": NLP.js reserves it for "no intent".`);
    const key = languageKey(language);
    const usable = phrases.map(textForClassifier).filter(hasWords);
    if (!/^[a-z]{2}$/.test(key) || usable.length === 0) continue;
    const scripts = corpus.get(key) ?? new Map<string, string[]>();
    scripts.set(scriptId, [...(scripts.get(scriptId) ?? []), ...usable]);
    corpus.set(key, scripts);
  }
  return corpus;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An NLP.js instance for these languages: in memory only, silent, no sentiment analysis. */
function createNlp(languages: string[]): Nlp {
  const container = containerBootstrap();
  container.register('logger', SILENT_LOGGER);
  for (const language of languages) {
    const plugin = LANGUAGE_PLUGINS[language];
    if (plugin) container.use(plugin);
  }
  const nlp = new Nlp({ container, autoLoad: false, autoSave: false, calculateSentiment: false, nlu: { log: false, useNoneFeature: true } });
  nlp.useNlu('NeuralNlu', languages, undefined, { ...CLASSIFIER });
  nlp.addLanguage(languages);
  return nlp;
}

export { cachedInputCount } from './nlpjsInternals';
