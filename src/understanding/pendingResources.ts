/**
 * Stand-ins for the language resources (facts, yes/no, commands by meaning) until their own files land; each has
 * the agreed interface and reads nothing, so the reading and the decision table can be built against it.
 */
import type { Translator } from '../content/translator';
import type { CommandName } from '../engine/commands';
import { normalize } from '../engine/normalize';

export interface Facts {
  audience?: 'young_person' | 'parent' | 'other_adult';
  ageBand?: 'under13' | '13to17';
  age?: number;
  country?: string;
  language?: string;
}

export class FactReader {
  constructor(private readonly translator: Translator) {}
  read(_text: string, _language: string): Facts {
    void this.translator;
    return {};
  }
}

export class YesNoReader {
  constructor(private readonly translator: Translator) {}
  read(text: string, language: string): 'yes' | 'no' | undefined {
    const input = normalize(text);
    if (this.translator.list(language, 'common:answers.yes').map(normalize).includes(input)) return 'yes';
    if (this.translator.list(language, 'common:answers.no').map(normalize).includes(input)) return 'no';
    return undefined;
  }
}

export type MeaningCommand = CommandName | 'helplines';

export class CommandMeaning {
  static train(_translator: Translator, _options: { cacheDir?: string } = {}): Promise<CommandMeaning> {
    return Promise.resolve(new CommandMeaning());
  }
  classify(_text: string, _language: string): { command: MeaningCommand; score: number } | undefined {
    return undefined;
  }
}
