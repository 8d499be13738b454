/**
 * One i18next instance for the whole process, with every language and namespace from `locales/`.
 * English is the fallback at run time; the content checker reports any key missing in a language, so a
 * fallback seen by a user is a content bug that the checker already named.
 */
import i18next, { type i18n, type TOptions } from 'i18next';
import { readLocaleFiles, type Resources } from './localeFiles';
import { pseudoResources } from './pseudoLocale';

export const FALLBACK_LANGUAGE = 'en';

/**
 * Texts already looked up, by language, key and values: a turn asks for the same few dozen texts again and
 * again (buttons, prompts, numbers), and i18next's lookup was 13% of a turn (`npm run bench`, CPU profile).
 * The resources never change after loading. Bounded, since values can vary (a queue position, a name).
 */
const MEMO_LIMIT = 20000;

export class Translator {
  private readonly memo = new Map<string, unknown>();

  private constructor(
    private readonly i18n: i18n,
    readonly languages: readonly string[],
    readonly resources: Resources
  ) {}

  /** `pseudo`: every single text pseudo-localised (see `pseudoLocale.ts`), for translators. */
  static async load(localesDir: string, options: { pseudo?: boolean } = {}): Promise<Translator> {
    const read = await readLocaleFiles(localesDir);
    const resources = options.pseudo ? pseudoResources(read) : read;
    const languages = Object.keys(resources);
    if (!languages.includes(FALLBACK_LANGUAGE)) {
      throw new Error(`No "${FALLBACK_LANGUAGE}" folder in ${localesDir}: English is the fallback language and must exist.`);
    }
    const namespaces = [...new Set(languages.flatMap((l) => Object.keys(resources[l] ?? {})))];
    const instance = i18next.createInstance();
    await instance.init({
      resources,
      lng: FALLBACK_LANGUAGE,
      fallbackLng: FALLBACK_LANGUAGE,
      supportedLngs: languages,
      ns: namespaces,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
      showSupportNotice: false
    } as Parameters<i18n['init']>[0]);
    return new Translator(instance, languages, resources);
  }

  /** Text for `key` ("ns:key" or a key in `common`) in `language`, with `{{placeholders}}` filled. */
  t(language: string, key: string, values: Record<string, unknown> = {}): string {
    return this.remembered(`t\u0000${language}\u0000${key}`, values, () => String(this.lookup(key, { ...values, lng: language }))) as string;
  }

  /** A list value (an array in the JSON), e.g. several messages or synonyms; empty when absent. */
  list(language: string, key: string): string[] {
    const list = this.remembered(`l\u0000${language}\u0000${key}`, {}, () => {
      const value = this.lookup(key, { lng: language, returnObjects: true });
      return Array.isArray(value) ? value.map(String) : [];
    }) as string[];
    // A copy: a caller that changes its list cannot change the next caller's.
    return [...list];
  }

  /** `look()` once per language, key and values; values that are not plain strings, numbers or booleans are not kept. */
  private remembered(prefix: string, values: Record<string, unknown>, look: () => unknown): unknown {
    for (const name in values) {
      const type = typeof values[name];
      if (type !== 'string' && type !== 'number' && type !== 'boolean') return look();
    }
    const key = `${prefix}\u0000${JSON.stringify(values)}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const found = look();
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, found);
    return found;
  }

  /** i18next's `t` with its overloads collapsed: our keys are checked by the content checker, not by types. */
  private lookup(key: string, options: TOptions): unknown {
    return (this.i18n.t as unknown as (k: string, o: TOptions) => unknown)(key, options);
  }

  /** True when `key` exists in `language` itself (no fallback). */
  has(language: string, key: string): boolean {
    return this.i18n.exists(key, { lng: language, fallbackLng: false } as TOptions);
  }

  /**
   * The shipped language for a requested locale: "fr-BE" → "fr"; unknown, absent or not a string → the default,
   * then English.
   */
  resolve(requested: unknown, defaultLocale?: string): string {
    for (const candidate of [requested, defaultLocale]) {
      // A channel (or anyone, locally) may send a locale that is not a string: it names no language.
      if (typeof candidate !== 'string') continue;
      const base = candidate.trim().toLowerCase().split(/[-_]/)[0];
      if (base && this.languages.includes(base)) return base;
    }
    return FALLBACK_LANGUAGE;
  }
}
