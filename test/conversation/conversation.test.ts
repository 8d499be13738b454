/**
 * Typed messages are understood at every kind of prompt, in every shipped language: on the TEST part of
 * test/conversation/ (never used to tune anything), at least 90% are right at once or after one clarifying
 * question, and at least 80% right at once, in every language and prompt kind. Only figures are reported,
 * never the messages themselves.
 */
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { ConversationDriver, PROMPT_KINDS } from '../../src/understanding/eval/conversationDriver';
import { evaluateConversation, readConversationSets, type Tally } from '../../src/understanding/eval/conversationEval';

const REACHED = 0.9;
const AT_ONCE = 0.8;

let driver: ConversationDriver;
const cells: Array<{ language: string; kind: string; tally: Tally }> = [];
let languages: readonly string[] = [];

beforeAll(async () => {
  driver = await ConversationDriver.create(ROOT_DIR);
  languages = driver.bot.translator.languages;
  const sets = await readConversationSets(path.join(ROOT_DIR, 'test', 'conversation'), languages, 'test');
  for (const [language, messages] of Object.entries(sets)) {
    const { byPrompt } = await evaluateConversation(driver, language, messages);
    for (const [kind, tally] of Object.entries(byPrompt)) cells.push({ language, kind, tally });
  }
}, 600_000);

const pct = (n: number, total: number) => `${((n / total) * 100).toFixed(1)}%`;

it('has a test part for every shipped language and every kind of prompt', () => {
  const missing = languages.flatMap((language) => PROMPT_KINDS.filter((kind) => !cells.some((c) => c.language === language && c.kind === kind)).map((kind) => `${language}/${kind}`));
  expect(missing).toEqual([]);
});

/**
 * The cells where the target is met: from now on they must hold (issue 11; the others are in the `it.failing` below).
 * Short answers at the country and danger questions: a city names its country, and at "are you safe?" a short
 * answer is the answer.
 */
const MET: ReadonlyArray<[string, string]> = [
  ['en', 'country'],
  ['de', 'country'],
  ['es', 'country'],
  ['de', 'danger']
];

it.each(MET)('understands typed messages in %s at the %s prompt: ≥ 90% reached, ≥ 80% at once', (language, kind) => {
  const cell = cells.find((c) => c.language === language && c.kind === kind);
  expect(cell).toBeDefined();
  const t = cell!.tally;
  expect((t.atOnce + t.afterClarifying) / t.total).toBeGreaterThanOrEqual(REACHED);
  expect(t.atOnce / t.total).toBeGreaterThanOrEqual(AT_ONCE);
});

/**
 * The target, not met yet (issue 11 stays open; the table is in its closing note and printed here).
 * `it.failing` keeps the real assertion running: the day every cell reaches it, this fails and must become a
 * plain `it`, so that the target then holds for good.
 */
it.failing('(target, not yet met) understands typed messages at every prompt in every language: ≥ 90% reached, ≥ 80% at once', () => {
  const table = cells.map(({ language, kind, tally: t }) => `${language} ${kind.padEnd(9)} ${String(t.total).padStart(3)}  at once ${pct(t.atOnce, t.total)}  after one question ${pct(t.afterClarifying, t.total)}`);
  console.log(`Typed messages, test part:\n${table.join('\n')}`);
  const below = cells
    .filter(({ tally: t }) => (t.atOnce + t.afterClarifying) / t.total < REACHED || t.atOnce / t.total < AT_ONCE)
    .map(({ language, kind, tally: t }) => `${language}/${kind}: at once ${pct(t.atOnce, t.total)}, reached ${pct(t.atOnce + t.afterClarifying, t.total)}`);
  expect(below).toEqual([]);
});
