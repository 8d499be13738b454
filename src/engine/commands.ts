/**
 * Global commands that work at any step, in the user's language and in English: menu, back, stop, help,
 * talk to a person, change country, and switching language (by a language's name in any shipped language, or
 * a locale code). The words live in `locales/<lang>/common.json` under `commands` (and "change country" in
 * `locales/<lang>/helplines.json`, which the helplines code owns), so reviewers can see and extend them.
 */
import type { Translator } from '../content/translator';
import { nearlyEqual, normalize } from './normalize';

export const COMMANDS = ['menu', 'back', 'stop', 'help', 'person', 'country', 'language'] as const;

/** Where each command's phrases are: `common:commands.<name>` unless listed here. */
const PHRASE_KEYS: Partial<Record<CommandName, string>> = { country: 'helplines:commands.country' };
/** A typed command may have a typo only when it has at least this many letters. */
const MIN_TYPO_LENGTH = 5;
export type CommandName = (typeof COMMANDS)[number];

export type Command = { kind: Exclude<CommandName, 'language'> } | { kind: 'language'; to?: string };

export class CommandRecognizer {
  /** language → command → normalised phrases */
  private readonly phrases = new Map<string, Map<CommandName, string[]>>();
  /** normalised language name (in any shipped language) → language code */
  private readonly languageNames = new Map<string, string>();

  constructor(private readonly translator: Translator) {
    for (const lang of translator.languages) {
      const table = new Map<CommandName, string[]>();
      for (const name of COMMANDS) table.set(name, translator.list(lang, PHRASE_KEYS[name] ?? `common:commands.${name}`).map(normalize).filter(Boolean));
      this.phrases.set(lang, table);
      for (const code of translator.languages) {
        const names = [translator.t(lang, `common:languages.${code}`), translator.t(code, 'common:languageName')];
        for (const name of names) if (name) this.languageNames.set(normalize(name), code);
      }
    }
  }

  recognize(text: string | undefined, language: string): Command | undefined {
    const input = normalize(text ?? '');
    if (!input || input.split(' ').length > 6) return undefined;
    const switchTo = this.languageSwitch(input, text ?? '');
    if (switchTo) return { kind: 'language', to: switchTo };
    // Exact words first in every language, then small typos, and those only in words long enough that a typo
    // cannot make another word: "quiz" is not "quit".
    for (const near of [false, true]) {
      if (near && input.length < MIN_TYPO_LENGTH) break;
      for (const lang of new Set([language, 'en'])) {
        const table = this.phrases.get(lang);
        if (!table) continue;
        for (const name of COMMANDS) {
          const hit = (table.get(name) ?? []).some((p) => (near ? nearlyEqual(input, p) : input === p));
          if (hit) return name === 'language' ? { kind: 'language' } : { kind: name };
        }
      }
    }
    return undefined;
  }

  /** "français", "Italian", "fr-BE", or a language command word followed by a code or name. */
  private languageSwitch(input: string, raw: string): string | undefined {
    const byName = this.languageNames.get(input);
    if (byName) return byName;
    const locale = /^([a-z]{2})[-_][a-z]{2}$/i.exec(raw.trim());
    if (locale && this.translator.languages.includes(locale[1]!.toLowerCase())) return locale[1]!.toLowerCase();
    const words = input.split(' ');
    if (words.length === 2) {
      const [first, second] = words as [string, string];
      const isLanguageWord = [...this.phrases.values()].some((t) => (t.get('language') ?? []).includes(first));
      if (isLanguageWord) {
        if (this.translator.languages.includes(second)) return second;
        return this.languageNames.get(second);
      }
    }
    return undefined;
  }
}
