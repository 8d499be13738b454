/**
 * `npm run eval:routing`: trains the router from the real content, routes the labelled questions in
 * test/routing/<lang>/, and prints accuracy per language and per script. Exits 1 when a language is below 85%.
 */
import path from 'node:path';
import { ROOT_DIR } from '../src/beacon';
import { ScriptLibrary } from '../src/content/scriptLibrary';
import { Translator } from '../src/content/translator';
import { routerExamples } from '../src/engine/createEngine';
import { IntentRouter } from '../src/engine/intentRouter';
import { evaluateRouting, reachRate, readLabelledSets, type RoutingTally } from '../src/engine/routingEval';

export const REQUIRED_RATE = 0.85;

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const line = (name: string, t: RoutingTally) =>
  `${name.padEnd(30)} ${String(t.total).padStart(4)}  right ${String(t.correct).padStart(3)}  asked-which ${String(t.askedWhich).padStart(3)}  wrong ${String(t.wrong.length).padStart(3)}  reached ${pct(reachRate(t)).padStart(6)}`;

async function main(): Promise<void> {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  const scripts = await ScriptLibrary.load(path.join(ROOT_DIR, 'dialogs'));
  const router = await IntentRouter.train(routerExamples(scripts, translator), { languages: [...translator.languages] });
  const at = process.argv.indexOf('--sets');
  const sets = await readLabelledSets(at > 0 ? path.resolve(process.argv[at + 1]!) : path.join(ROOT_DIR, 'test', 'routing'));
  const report = await evaluateRouting(router, scripts, sets);
  let failed = false;
  for (const [language, tally] of Object.entries(report.byLanguage)) {
    console.log(`\n${line(`[${language}] all`, tally)}`);
    for (const [script, t] of Object.entries(report.byScript[language] ?? {}).sort()) console.log(`  ${line(script, t)}`);
    if (process.argv.includes('--verbose')) for (const w of tally.wrong) console.log(`    ✗ "${w.text}" → ${w.got} (expected ${w.expected})`);
    if (reachRate(tally) < REQUIRED_RATE) failed = true;
  }
  console.log(`\nA question counts as reached when it lands on its script, or when "which did you mean" offers it.`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
