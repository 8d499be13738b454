/**
 * Commands recognised by what a message means, not only by their exact words: "who can I call", "can I speak to
 * a human", "je veux parler à quelqu'un", "ich will aufhören", "quiero hablar con alguien". (The exact words stay
 * with `CommandRecognizer`, which wins first.)
 *
 * The classifier is the topic router's (`IntentRouter`: NLP.js, one neural classifier per language, trained in
 * memory at start-up and cached on disk like the router's model), trained on
 * - each command's example phrases, `commands.<command>` in `locales/<lang>/understanding.json`;
 * - the routing examples of `core/person` and `core/helplines`, which mean the `person` and `helplines` commands;
 * - every other topic's routing examples, each as a class of its own, so that a question about a topic is read as
 *   that topic and not as the command it happens to share words with ("how do I report a profile" is reporting, not
 *   `helplines`);
 * - `notCommands` in understanding.json: sentences with a command's words that are not commands ("he wants to meet
 *   me", "he keeps calling me", "i can't stop crying"). NLP.js keeps the name "None" for its own class of unknown
 *   words, so this class is called NOT_COMMAND.
 * The topic and NOT_COMMAND classes are never returned.
 * A command is returned only when it is the router's clear match (NLP.js's "None" and every other class below it,
 * no runner-up within half its score) and its share reaches MEANING_THRESHOLD.
 * A message that is one of a command's own examples (normalised) in its language or in English ("leave me alone" in
 * a French chat) is that command with a score of 1, without asking the classifier: NLP.js drops stop words, so an example made of them only ("what can you do", "was kannst du")
 * teaches it nothing.
 */
import type { Translator } from '../content/translator';
import { IntentRouter, type RouterExamples } from '../engine/intentRouter';
import { normalize } from '../engine/normalize';
import { MEANING_COMMANDS, NAMESPACE, type MeaningCommand } from './understandingKeys';

export { MEANING_COMMANDS, type MeaningCommand };

/**
 * The least share of the scores a command needs. Chosen on the labelled dev set in
 * test/understanding/commandMeaning.dev.ts (other phrasings of each command, and topic questions that must not be
 * read as commands), whose figures per language the test prints: see commandMeaning.test.ts.
 */
export const MEANING_THRESHOLD = 0.7;

/** Topic scripts whose routing examples mean a command: they train that command instead of a topic class. */
const COMMAND_TOPICS: Readonly<Record<string, MeaningCommand>> = { 'core/person': 'person', 'core/helplines': 'helplines' };

/** Class names of topics, kept apart from the command names. */
const TOPIC_PREFIX = 'topic:';
const NOT_COMMAND = 'notCommand';
const ENGLISH = 'en';

export class CommandMeaning {
  private constructor(
    private readonly router: IntentRouter,
    /** `language|normalised example` → its command */
    private readonly examples: ReadonlyMap<string, MeaningCommand>,
    private readonly threshold: number
  ) {}

  static async train(translator: Translator, options: { cacheDir?: string; threshold?: number } = {}): Promise<CommandMeaning> {
    const training = meaningExamples(translator);
    const router = await IntentRouter.train(training, { languages: [...translator.languages], cacheDir: options.cacheDir });
    const examples = new Map<string, MeaningCommand>();
    for (const { language, scriptId, phrases } of training) {
      const command = MEANING_COMMANDS.find((c) => c === scriptId);
      if (command) for (const phrase of phrases) examples.set(`${language}|${normalize(phrase)}`, command);
    }
    return new CommandMeaning(router, examples, options.threshold ?? MEANING_THRESHOLD);
  }

  /** The command `text` asks for, with its share of the scores; undefined when it is not clearly a command. */
  async classify(text: string, language: string): Promise<{ command: MeaningCommand; score: number } | undefined> {
    const typed = normalize(text);
    const example = this.examples.get(`${language}|${typed}`) ?? this.examples.get(`${ENGLISH}|${typed}`);
    if (example) return { command: example, score: 1 };
    const route = await this.router.route(language, text);
    if (route.kind !== 'match' || route.score < this.threshold) return undefined;
    const command = MEANING_COMMANDS.find((c) => c === route.scriptId);
    return command ? { command, score: route.score } : undefined;
  }
}

/** The training set: commands' examples, then topics' (see the file comment), for every language. */
export function meaningExamples(translator: Translator): RouterExamples[] {
  const out: RouterExamples[] = [];
  for (const language of translator.languages) {
    const namespaces = translator.resources[language] ?? {};
    const own = (key: string) => (translator.has(language, `${NAMESPACE}:${key}`) ? translator.list(language, `${NAMESPACE}:${key}`) : []);
    for (const command of MEANING_COMMANDS) out.push({ language, scriptId: command, phrases: own(`commands.${command}`) });
    out.push({ language, scriptId: NOT_COMMAND, phrases: own('notCommands') });
    for (const [namespace, texts] of Object.entries(namespaces)) {
      const examples = texts['examples'];
      if (namespace === NAMESPACE || !Array.isArray(examples)) continue;
      const phrases = examples.map(String);
      out.push({ language, scriptId: COMMAND_TOPICS[namespace] ?? `${TOPIC_PREFIX}${namespace}`, phrases });
    }
  }
  return out;
}
