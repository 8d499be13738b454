/**
 * The two places where Beacon reaches into NLP.js's internals, kept together so that an NLP.js upgrade has
 * one file to check. Both walk the NLU instances: `nlp.nluManager.domainManagers[locale].domains[name]`.
 */
import type { Nlp } from '@nlpjs/nlp';

interface NluInternals {
  cache?: { results?: Record<string, object> };
  intentsArr?: string[];
}

function nluInstances(nlp: Nlp): NluInternals[] {
  const managers = (nlp as unknown as { nluManager?: { domainManagers?: Record<string, { domains?: Record<string, NluInternals> }> } }).nluManager
    ?.domainManagers;
  return Object.values(managers ?? {}).flatMap((manager) => Object.values(manager.domains ?? {}));
}

/**
 * NLP.js keeps every text it has processed in a per-domain cache for an hour (`nlu.cache.results`), with no
 * setting to turn it off. Beacon keeps no message text (DESIGN rule 8), and the cache would grow with every
 * conversation, so it is emptied after each question. Training is over by then; nothing else uses it.
 */
export function forgetInputs(nlp: Nlp): void {
  for (const nlu of nluInstances(nlp)) if (nlu.cache) nlu.cache.results = {};
}

/** How many processed texts NLP.js still holds (for the test of `forgetInputs`). */
export function cachedInputCount(nlp: Nlp): number {
  return nluInstances(nlp).reduce((count, nlu) => count + Object.values(nlu.cache?.results ?? {}).reduce((n, byLocale) => n + Object.keys(byLocale).length, 0), 0);
}

/**
 * A model loaded with `nlp.import` loses its "None" class: NLP.js 4.27 restores the intent list from the saved
 * intents, which never include "None" (training appends it to the list afterwards). Without it an off-topic
 * question would always land on some script, so the class is put back where training puts it: last.
 */
export function restoreNoneIntent(nlp: Nlp): void {
  for (const nlu of nluInstances(nlp)) {
    if (nlu.intentsArr && !nlu.intentsArr.includes('None')) nlu.intentsArr.push('None');
  }
}
