/**
 * Assembles the script engine from content: the scripts in `dialogs/`, the global commands, and the
 * free-text router trained at start-up from each routable script's `examples` in every shipped language, and the
 * message reader that puts the router together with the commands, facts and yes/no words (src/understanding).
 */
import type { ScriptLibrary } from '../content/scriptLibrary';
import type { Translator } from '../content/translator';
import { CommandRecognizer } from './commands';
import type { EngineServices } from './engineServices';
import { IntentRouter, type RouterExamples } from './intentRouter';
import { ScriptConversation } from './scriptConversation';
import { MessageReader } from '../understanding/messageReader';
import { CommandMeaning } from '../understanding/commandMeaning';
import { FactReader } from '../understanding/facts';
import { YesNoReader } from '../understanding/yesNo';
import { GreetingReader } from '../understanding/greetings';

export async function createEngine(services: EngineServices, options: { cacheDir?: string } = {}): Promise<ScriptConversation> {
  return new ScriptConversation(services, await createReader(services, options));
}

/** The reading of a message from content: the engine's, and on its own for `npm run bench`. */
export async function createReader(services: Pick<EngineServices, 'scripts' | 'translator' | 'danger'>, options: { cacheDir?: string } = {}): Promise<MessageReader> {
  const { translator } = services;
  const router = await IntentRouter.train(routerExamples(services.scripts, translator), { languages: [...translator.languages], cacheDir: options.cacheDir });
  const meaning = await CommandMeaning.train(translator, { cacheDir: options.cacheDir });
  return new MessageReader({
    danger: services.danger,
    commands: new CommandRecognizer(translator),
    meaning,
    facts: new FactReader(translator),
    yesNo: new YesNoReader(translator),
    router,
    greetings: new GreetingReader(translator)
  });
}

/** Every routable script's example phrases (`<script>:examples`) in every shipped language. */
export function routerExamples(scripts: ScriptLibrary, translator: Translator): RouterExamples[] {
  const out: RouterExamples[] = [];
  for (const script of scripts.scripts.values()) {
    if (!script.routable) continue;
    for (const language of translator.languages) {
      const phrases = translator.resources[language]?.[script.id]?.['examples'];
      if (Array.isArray(phrases) && phrases.length > 0) out.push({ language, scriptId: script.id, phrases: phrases.map(String) });
    }
  }
  return out;
}
