/**
 * What the helpline's Teams channel reads, in one language for the whole channel (the deployment's
 * DEFAULT_LOCALE): a channel is shared, so its cards and notes are not in each reader's language. Texts are in
 * `locales/<lang>/handoff.json` under `teams` (and the console's field labels and outcome titles).
 */
import type { Attachment } from 'botbuilder';
import type { Translator } from '../../content/translator';
import { OUTCOMES } from '../../server/console/chatRoutes';
import type { HandoffSession } from '../handoffTypes';
import { handoffCard } from './teamsCard';

export class TeamsWords {
  readonly language: string;

  constructor(
    private readonly translator: Translator,
    language: string
  ) {
    this.language = translator.resolve(language);
  }

  t(key: string, values: Record<string, unknown> = {}): string {
    return this.translator.t(this.language, `handoff:${key}`, values);
  }

  /** The words a worker may type in the thread to end the chat (the channel's language, and English). */
  endWords(): string[] {
    const words = [...this.translator.list(this.language, 'handoff:teams.endWords'), ...this.translator.list('en', 'handoff:teams.endWords')];
    return words.map((w) => w.trim().toLowerCase());
  }

  card(session: HandoffSession): Attachment {
    const lang = this.language;
    const region = new Intl.DisplayNames([lang], { type: 'region' });
    return handoffCard(session, (key, values) => this.t(key, values), {
      country: (code) => region.of(code.toUpperCase()) ?? code,
      language: (code) => this.translator.t(lang, `common:languages.${code}`)
    }, OUTCOMES.map((id) => ({ id, title: this.t(`outcomes.${id}`) })));
  }
}
