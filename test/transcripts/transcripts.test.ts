/**
 * Plays every case table in test/transcripts/cases/ in every shipped language: the main path of every
 * script and its branches. Case tables name keys, not sentences, so one table covers all languages.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import type { Profile } from '../../src/bot/state';
import type { ScriptLibrary } from '../../src/content/scriptLibrary';
import type { Translator } from '../../src/content/translator';
import { BotHarness, harnessClock, textsOf } from '../support/botHarness';
import type { TranscriptCase, UserInput } from './transcriptTypes';

const casesDir = path.join(__dirname, 'cases');
/** The country a case plays in unless its profile says otherwise (see transcriptTypes.ts). */
const DEFAULT_COUNTRY = 'GB';
const allCases: TranscriptCase[] = readdirSync(casesDir)
  .filter((f) => f.endsWith('.ts'))
  .sort()
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- case files are discovered at run time
  .flatMap((f) => (require(path.join(casesDir, f)) as { cases: TranscriptCase[] }).cases);

let languages: readonly string[] = [];
beforeAll(async () => {
  languages = (await BotHarness.create()).bot.translator.languages;
});

describe.each(allCases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
  it('plays in every shipped language', async () => {
    harnessClock.now = testCase.now ? new Date(testCase.now) : undefined;
    for (const language of testCase.languages ?? languages) {
      const harness = await BotHarness.create({ locale: language });
      const { translator, scripts } = harness.bot;
      for (const [index, [input, expected]] of testCase.turns.entries()) {
        const replies = await play(harness, testCase, input, language);
        const wanted = expected.map((key) => expand(translator, testCase.script, key, language, testCase.profile));
        assertInOrder(textsOf(replies), wanted, `${testCase.name} [${language}] turn ${index + 1} (${JSON.stringify(input)})`, replies);
      }
      void scripts;
    }
  });
});

async function play(harness: BotHarness, testCase: TranscriptCase, input: UserInput, language: string): Promise<Partial<Activity>[]> {
  const { translator, scripts } = harness.bot;
  if ('start' in input) return harness.start(testCase.script, { country: DEFAULT_COUNTRY, ...testCase.profile });
  if ('text' in input) return harness.send(input.text);
  if ('typed' in input) {
    const text = input.typed[language];
    if (text === undefined) throw new Error(`${testCase.name}: no typed text for "${language}"`);
    return harness.send(text);
  }
  if ('say' in input) {
    const list = translator.list(language, input.say);
    return harness.send(list[0] ?? translator.t(language, input.say));
  }
  if ('choose' in input) return harness.send(choiceTitle(scripts, translator, testCase.script, input.choose, language));
  return harness.send(answerTitle(scripts, translator, testCase.script, input.answer, language));
}

function split(ref: string, script: string): [string, string[]] {
  const [ns, rest] = ref.includes(':') ? (ref.split(':') as [string, string]) : [script, ref];
  return [ns, rest.split('.')];
}

function choiceTitle(scripts: ScriptLibrary, translator: Translator, script: string, ref: string, language: string): string {
  const [ns, [stepId, choiceId]] = split(ref, script);
  const step = scripts.get(ns).steps[stepId!];
  if (step?.type !== 'ask') throw new Error(`${ns}: step "${stepId}" is not an ask step`);
  const choice = step.choices.find((c) => c.id === choiceId);
  if (!choice) throw new Error(`${ns}: step "${stepId}" has no choice "${choiceId}"`);
  return translator.t(language, qualify(choice.title, ns));
}

function answerTitle(scripts: ScriptLibrary, translator: Translator, script: string, ref: string, language: string): string {
  const [ns, [stepId, questionId, answerId]] = split(ref, script);
  const step = scripts.get(ns).steps[stepId!];
  if (step?.type !== 'quiz') throw new Error(`${ns}: step "${stepId}" is not a quiz step`);
  const answer = step.questions.find((q) => q.id === questionId)?.answers.find((a) => a.id === answerId);
  if (!answer) throw new Error(`${ns}: quiz "${stepId}" has no answer "${questionId}.${answerId}"`);
  return translator.t(language, qualify(answer.title, ns));
}

function qualify(key: string, ns: string): string {
  return key.includes(':') ? key : `${ns}:${key}`;
}

function expand(translator: Translator, script: string, key: string, language: string, profile: Profile | undefined): string {
  const under13 = profile?.audience === 'young_person' && profile.ageBand === 'under13';
  const text = translator.t(language, qualify(key, script), under13 ? { context: 'under13' } : {});
  if (text === qualify(key, script) || text === key) throw new Error(`missing text for key "${key}" in ${language}`);
  return text;
}

/** Each wanted text appears in a reply, in this order (a prompt may carry a numbered list after it). */
function assertInOrder(texts: string[], wanted: string[], where: string, replies: Partial<Activity>[]): void {
  let position = 0;
  for (const text of wanted) {
    // {{placeholders}} left unfilled in the expected text (a score, a total) match any value.
    const pattern = new RegExp(text.trim().split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?'));
    const found = texts.findIndex((t, i) => i >= position && pattern.test(t));
    if (found < 0) {
      throw new Error(`${where}: expected the bot to say\n  "${text}"\nafter reply #${position}, but it said:\n${texts.map((t) => `  - ${t}`).join('\n')}\n(${replies.length} activities)`);
    }
    position = found + 1;
  }
}
