/**
 * Judges typed messages sent at each kind of prompt (`test/conversation/<lang>/{dev,test}.json`, see the README
 * there): right at once; right after one clarifying question ("which did you mean", answered with the expected
 * option); or not understood. Tallies per prompt kind; the misses are kept only for the caller to print from the
 * dev part (the test part is reported as figures only).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORE_SCRIPTS } from '../../engine/engineServices';
import { lessonsOf, URGENT_SCRIPTS } from '../../engine/urgentScripts';
import type { ConversationDriver, DrivenConversation, PromptKind, Speaker, TurnOutcome } from './conversationDriver';

export interface Expectation {
  topic?: string[];
  command?: 'helplines' | 'person' | 'menu' | 'stop' | 'help' | 'back' | 'language' | 'country';
  facts?: Partial<Record<'audience' | 'ageBand' | 'country' | 'language', string>>;
  answer?: 'yes' | 'no';
}

export interface LabelledMessage {
  prompt: PromptKind;
  speaker: Speaker;
  text: string;
  expect: Expectation;
}

export type Verdict = 'atOnce' | 'afterClarifying' | 'notUnderstood';

export interface Tally {
  total: number;
  atOnce: number;
  afterClarifying: number;
  notUnderstood: number;
}

export interface Miss {
  message: LabelledMessage;
  verdict: Verdict;
  /** What the bot did, in a few words (the decision and the scripts it opened). */
  did: string;
}

/** Reads `<dir>/<lang>/<part>.json` for every language that has it. */
export async function readConversationSets(dir: string, languages: readonly string[], part: 'dev' | 'test'): Promise<Record<string, LabelledMessage[]>> {
  const sets: Record<string, LabelledMessage[]> = {};
  for (const language of languages) {
    try {
      sets[language] = JSON.parse(await readFile(path.join(dir, language, `${part}.json`), 'utf8')) as LabelledMessage[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`The ${part} set for "${language}" could not be read.`, { cause: error });
    }
  }
  return sets;
}

export async function evaluateConversation(driver: ConversationDriver, language: string, messages: LabelledMessage[]): Promise<{ byPrompt: Record<string, Tally>; misses: Miss[] }> {
  const byPrompt: Record<string, Tally> = {};
  const misses: Miss[] = [];
  for (const message of messages) {
    const tally = (byPrompt[message.prompt] ??= { total: 0, atOnce: 0, afterClarifying: 0, notUnderstood: 0 });
    const conversation = await driver.at(message.prompt, message.speaker, language);
    const outcome = await conversation.send(message.text);
    const verdict = await judge(conversation, message.expect, outcome);
    tally.total += 1;
    tally[verdict] += 1;
    if (verdict !== 'atOnce') misses.push({ message, verdict, did: describe(outcome) });
  }
  return { byPrompt, misses };
}

async function judge(conversation: DrivenConversation, expect: Expectation, outcome: TurnOutcome): Promise<Verdict> {
  if (isRight(conversation, expect, outcome)) return 'atOnce';
  const offered = expect.topic?.find((id) => outcome.which?.includes(id));
  if (!offered) return 'notUnderstood';
  const answered = await conversation.send(whichTitle(conversation, offered));
  return isRight(conversation, expect, answered) ? 'afterClarifying' : 'notUnderstood';
}

/** Whether the turn did what the message asked, judged by what Beacon opened, kept or said. */
function isRight(conversation: DrivenConversation, expect: Expectation, outcome: TurnOutcome): boolean {
  const { trace, profile } = outcome;
  if (trace.action?.kind === 'crisis') return false;
  // An urgent script gives a lesson's first practical steps at once (then the helpline and a person): that lesson
  // was reached, as the issue asks for a sextortion threat or a picture already shared.
  if (expect.topic) return expect.topic.some((id) => trace.began.includes(id) || trace.began.some((b) => URGENT_SCRIPTS.has(b) && lessonsOf(b, conversation.bot.scripts).has(id)));
  if (expect.command) return commandDone(expect.command, outcome);
  if (expect.facts) {
    return Object.entries(expect.facts).every(([field, value]) => (field === 'language' ? outcome.language : (profile as Record<string, unknown>)[field]) === value);
  }
  if (expect.answer) {
    const key = expect.answer === 'yes' ? 'core/crisis:relieved.1' : 'core/crisis:urgent.1';
    const wanted = conversation.bot.translator.t(outcome.language, key);
    return outcome.texts.some((t) => t.includes(wanted));
  }
  return false;
}

const COMMAND_SCRIPTS: Record<string, string> = {
  helplines: CORE_SCRIPTS.helplines,
  person: CORE_SCRIPTS.person,
  menu: CORE_SCRIPTS.menu,
  help: CORE_SCRIPTS.help,
  language: CORE_SCRIPTS.language,
  country: CORE_SCRIPTS.country
};

function commandDone(command: NonNullable<Expectation['command']>, outcome: TurnOutcome): boolean {
  const action = outcome.trace.action;
  if (command === 'stop' || command === 'back') return action?.kind === 'command' && action.command.kind === command;
  // "change language" with no language named: the question which one (a named one is a fact, judged apart).
  return outcome.trace.began.includes(COMMAND_SCRIPTS[command]!);
}

function whichTitle(conversation: DrivenConversation, scriptId: string): string {
  const { translator, scripts } = conversation.bot;
  return translator.t(conversation.language, `${scriptId}:${scripts.get(scriptId).title}`);
}

function describe(outcome: TurnOutcome): string {
  const action = outcome.trace.action;
  const what = !action ? 'nothing' : action.kind === 'command' ? `command ${action.command.kind}` : action.kind === 'route' ? `route ${action.scriptId} (${outcome.topicScore?.toFixed(2)})` : action.kind === 'which' ? `which ${action.scriptIds.join('/')}` : action.kind;
  const r = outcome.reading;
  const read = !r
    ? ''
    : [
        r.danger.level !== 'none' ? `danger ${r.danger.level}${r.danger.kind ? `/${r.danger.kind}` : ''} ${r.danger.score.toFixed(2)}` : '',
        r.meaning ? `meaning ${r.meaning.command} ${r.meaning.score.toFixed(2)}` : '',
        r.yesNo ? `yes/no ${r.yesNo}` : '',
        Object.keys(r.facts).length > 0 ? `facts ${JSON.stringify(r.facts)}` : ''
      ]
        .filter(Boolean)
        .join(', ');
  return `${what}; opened [${outcome.trace.began.join(', ')}]${read ? ` {${read}}` : ''}`;
}
