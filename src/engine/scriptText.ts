/**
 * Translates a script's keys for the current turn: keys without a namespace belong to the script; wording
 * for children under 13 is picked automatically where the locale has a `<key>_under13` variant.
 */
import type { Profile } from '../bot/state';
import type { Translator } from '../content/translator';

export class ScriptText {
  constructor(
    private readonly translator: Translator,
    readonly language: string,
    private readonly profile: Profile,
    private readonly namespace: string
  ) {}

  qualify(key: string): string {
    return key.includes(':') ? key : `${this.namespace}:${key}`;
  }

  t(key: string, values: Record<string, unknown> = {}): string {
    return this.translator.t(this.language, this.qualify(key), { ...this.context(), ...values });
  }

  list(key: string): string[] {
    return this.translator.list(this.language, this.qualify(key));
  }

  private context(): Record<string, unknown> {
    return this.profile.audience === 'young_person' && this.profile.ageBand === 'under13' ? { context: 'under13' } : {};
  }
}
