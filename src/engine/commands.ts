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

  /** `withCourtesy`: also the command with courtesy words around it (not for a tap on one of Beacon's buttons). */
  recognize(text: string | undefined, language: string, withCourtesy = true): Command | undefined {
    const input = normalize(text ?? '');
    if (!input || input.split(' ').length > 6) return undefined;
    const exact = this.exact(input, text ?? '', language);
    if (exact || !withCourtesy) return exact;
    // Courtesy around the words is still the command: "stop pls", "retour au menu stp", "atrás por favor".
    const bare = this.withoutCourtesy(input, language);
    return bare && bare !== input ? this.exact(bare, bare, language) : undefined;
  }

  /**
   * The message without the courtesy words (`understanding:courtesy`: "please", "stp", "bitte", "por favor") and
   * link words (`understanding:commandLinks`: "to the", "au", "zum") at its ends: "back to the menu" → "menu".
   */
  private withoutCourtesy(input: string, language: string): string {
    const words = (key: string) =>
      [...new Set([language, 'en'])]
        .flatMap((l) => (this.translator.has(l, key) ? this.translator.list(l, key) : []))
        .map(normalize)
        .filter(Boolean)
        .sort((a, b) => b.length - a.length);
    const courtesy = words('understanding:courtesy');
    const links = words('understanding:commandLinks');
    let rest = ` ${input} `;
    for (let changed = true; changed; ) {
      changed = false;
      for (const word of courtesy) {
        if (rest.startsWith(` ${word} `) || rest.endsWith(` ${word} `)) {
          rest = rest.startsWith(` ${word} `) ? rest.slice(word.length + 1) : rest.slice(0, rest.length - word.length - 1);
          changed = true;
        }
      }
    }
    const trimmed = rest.trim();
    for (const link of links) {
      const at = ` ${trimmed} `.indexOf(` ${link} `);
      if (at >= 0) {
        const [before, after] = [` ${trimmed} `.slice(0, at).trim(), ` ${trimmed} `.slice(at + link.length + 2).trim()];
        // "back to the menu": the command is what the link leads to, when the part before it is a "back" word.
        if (after && this.exact(before, before, language)?.kind === 'back') return after;
      }
    }
    return trimmed;
  }

  private exact(input: string, text: string, language: string): Command | undefined {
    if (!input) return undefined;
    const switchTo = this.languageSwitch(input, text);
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
