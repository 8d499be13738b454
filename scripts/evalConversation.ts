/**
 * `npm run eval:conversation`: sends the labelled typed messages of `test/conversation/<lang>/` to the whole
 * bot at each kind of prompt, and prints per language and prompt kind how many were right at once, right after
 * one clarifying question, or not understood — for the dev part and the test part. `--verbose` lists the dev
 * part's misses (never the test part's: its messages are not to be read or tuned on); `--sets <dir>` reads the
 * sets from another folder, `--part dev` runs one part.
 */
import path from 'node:path';
import { ROOT_DIR } from '../src/beacon';
import { ConversationDriver, PROMPT_KINDS } from '../src/understanding/eval/conversationDriver';
import { evaluateConversation, readConversationSets, type Tally } from '../src/understanding/eval/conversationEval';

const pct = (n: number, total: number) => (total === 0 ? '   -  ' : `${((n / total) * 100).toFixed(1)}%`.padStart(6));

function row(name: string, t: Tally): string {
  return `${name.padEnd(12)} ${String(t.total).padStart(4)}   at once ${pct(t.atOnce, t.total)}   after one question ${pct(t.afterClarifying, t.total)}   not understood ${pct(t.notUnderstood, t.total)}`;
}

function sum(tallies: Tally[]): Tally {
  return tallies.reduce((a, t) => ({ total: a.total + t.total, atOnce: a.atOnce + t.atOnce, afterClarifying: a.afterClarifying + t.afterClarifying, notUnderstood: a.notUnderstood + t.notUnderstood }), { total: 0, atOnce: 0, afterClarifying: 0, notUnderstood: 0 });
}

async function main(): Promise<void> {
  const driver = await ConversationDriver.create(ROOT_DIR);
  const at = process.argv.indexOf('--sets');
  const dir = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]!) : path.join(ROOT_DIR, 'test', 'conversation');
  const only = process.argv.indexOf('--part');
  const parts = only > 0 ? [process.argv[only + 1] as 'dev' | 'test'] : (['dev', 'test'] as const);
  for (const part of parts) {
    const sets = await readConversationSets(dir, driver.bot.translator.languages, part);
    console.log(`\n=== ${part} ===`);
    if (Object.keys(sets).length === 0) console.log(`(no ${part} set in test/conversation/)`);
    for (const [language, messages] of Object.entries(sets)) {
      const { byPrompt, misses } = await evaluateConversation(driver, language, messages);
      console.log(`\n${row(`[${language}] all`, sum(Object.values(byPrompt)))}`);
      for (const kind of PROMPT_KINDS) if (byPrompt[kind]) console.log(`  ${row(kind, byPrompt[kind])}`);
      if (part === 'dev' && process.argv.includes('--verbose')) {
        for (const m of misses) console.log(`    ${m.verdict === 'afterClarifying' ? '?' : '✗'} ${m.message.prompt}/${m.message.speaker} "${m.message.text}" → ${m.did} (expected ${JSON.stringify(m.message.expect)})`);
      }
    }
  }
  console.log('\nRight after one question: the bot asked "which did you mean", the expected topic was offered, and choosing it opened it.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
