/**
 * The small part of NLP.js (v4, which ships no types) that the intent router uses.
 * Read from node_modules/@nlpjs/{core,nlp,nlu}/src; widen only when the router needs more.
 */
declare module '@nlpjs/core' {
  /** The NLP.js dependency container: plugins (languages, logger, fs) are registered in it by name. */
  export interface Container {
    use(plugin: unknown): string;
    register(name: string, instance: unknown, isSingleton?: boolean): void;
  }
  /** A container with NLP.js's defaults, including an in-memory `fs` that never writes to disk. */
  export function containerBootstrap(): Container;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';

  export interface NlpSettings {
    container: Container;
    /** Off: never read or write `model.nlp`. */
    autoLoad: boolean;
    autoSave: boolean;
    calculateSentiment: boolean;
    /** Settings of the NLU manager (and defaults for each classification). */
    nlu: { log: boolean; useNoneFeature: boolean };
  }

  /** Settings of the neural classifier of a language (`NeuralNlu`), set through `useNlu`. */
  export interface NeuralNluSettings {
    keepStopwords?: boolean;
    spellCheck?: boolean;
    spellCheckDistance?: number;
    /** Shortest stem the spell checker corrects (NLP.js: 4). */
    minLength?: number;
    iterations?: number;
    errorThresh?: number;
    log?: boolean;
  }

  export interface ProcessSettings {
    /** Only these intents may score; the others get 0. */
    allowList?: Record<string, true>;
  }

  export interface Classification {
    intent: string;
    score: number;
  }

  export interface ProcessResult {
    intent: string;
    score: number;
    /** Every intent, 'None' included, best first; scores are squared activations normalised to sum to 1. */
    classifications: Classification[];
  }

  export class Nlp {
    constructor(settings: NlpSettings);
    useNlu(className: 'NeuralNlu', locales: string[], domain: undefined, settings: NeuralNluSettings): void;
    addLanguage(locales: string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string, context: undefined, settings: ProcessSettings): Promise<ProcessResult>;
    /** The trained model as JSON text. */
    export(minified?: boolean): string;
    /** Loads a model made by `export`. */
    import(data: string): void;
  }
}

declare module '@nlpjs/lang-en' {
  export class LangEn {}
  /** The language's stemmer (used by the crisis check's concept patterns). */
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-fr' {
  export class LangFr {}
  /** The language's stemmer (used by the crisis check's concept patterns). */
  export class StemmerFr {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-de' {
  export class LangDe {}
  /** The language's stemmer (used by the crisis check's concept patterns). */
  export class StemmerDe {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-es' {
  export class LangEs {}
  /** The language's stemmer (used by the crisis check's concept patterns). */
  export class StemmerEs {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-it' {
  export class LangIt {}
  /** The language's stemmer (used by the crisis check's concept patterns). */
  export class StemmerIt {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-nl' {
  export class LangNl {}
  /** The language's stemmer (used by the crisis check's concept patterns). */
  export class StemmerNl {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-pl' {
  export class LangPl {}
  export class StemmerPl {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-ro' {
  export class LangRo {}
  /** The language's stemmer (used by the crisis check's concept patterns). */
  export class StemmerRo {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-tr' {
  export class LangTr {
    register(container: unknown): void;
  }
  export class StemmerTr {
    stemWord(word: string): string;
  }
}

declare module '@nlpjs/lang-uk' {
  export class LangUk {}
  /** The language's stemmer (used by the crisis check's concept patterns). */
  export class StemmerUk {
    stemWord(word: string): string;
  }
}
