/**
 * `npm run eval:crisis`: the crisis check measured on the labelled sets of `test/safety/sets/<lang>/`:
 * recall and false alarms per language, per danger kind and per layer, on the validation part and on the test
 * part (figures only, never a message). `-- --choose` picks the decision's weights and thresholds on the
 * validation part alone and prints them for `src/safety/dangerDecision.ts`; `-- --validation-only` skips the
 * test part (while choosing). `-- --sets <dir>` reads another
 * folder of sets.
 */
import path from 'node:path';
import { ROOT_DIR } from '../src/beacon';
import { Translator } from '../src/content/translator';
import { chooseSettings } from '../src/safety/chooseDecision';
import { figures, readAll, share, type CrisisFigures, type Rate } from '../src/safety/crisisEval';
import { readSets, SETS_DIR, TRAINING_DIR } from '../src/safety/crisisSets';
import { LayeredDangerDetector } from '../src/safety/layeredDangerDetector';

const pct = (r: Rate) => `${(share(r) * 100).toFixed(1)}% (${r.hits}/${r.of})`.padEnd(17);

function table(part: string, rows: Array<[string, CrisisFigures]>): void {
  console.log(`\n== ${part}`);
  console.log(`${'lang'.padEnd(5)}${'recall'.padEnd(17)}${'false alarms'.padEnd(17)}${'as emergency'.padEnd(17)}${'kind right'.padEnd(17)}${'urgent found'.padEnd(17)}${'as urgent'.padEnd(17)}urgent false`);
  for (const [language, f] of rows) console.log(`${language.padEnd(5)}${pct(f.recall)}${pct(f.falseAlarms)}${pct(f.emergency)}${pct(f.kindRight)}${pct(f.urgentFound)}${pct(f.urgentAsUrgent)}${pct(f.urgentFalse)}`);
  console.log('recall per kind:');
  for (const [language, f] of rows) console.log(`  ${language}  ${Object.entries(f.byKind).sort().map(([k, r]) => `${k} ${pct(r).trim()}`).join('  ')}`);
  console.log('per layer alone (recall / false alarms):');
  for (const [language, f] of rows) console.log(`  ${language}  ${Object.entries(f.byLayer).map(([k, l]) => `${k} ${pct(l.recall).trim()} / ${pct(l.falseAlarms).trim()}`).join('  ')}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const setsDir = args.includes('--sets') ? path.resolve(args[args.indexOf('--sets') + 1]!) : path.join(ROOT_DIR, SETS_DIR);
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  const started = Date.now();
  const detector = LayeredDangerDetector.create(translator, { trainingDir: path.join(ROOT_DIR, TRAINING_DIR) });
  console.log(`trained in ${Date.now() - started} ms`);
  const validation = readSets(setsDir, 'validation');
  const readValidation = [...validation].map(([l, examples]) => [l, readAll(detector, examples, l)] as const);
  if (args.includes('--choose')) {
    console.log(JSON.stringify(chooseSettings(readValidation.map(([, r]) => r)), null, 2));
    return;
  }
  table('validation', readValidation.map(([l, r]) => [l, figures(r)]));
  if (args.includes('--validation-only')) return;
  const test = readSets(setsDir, 'test');
  table('test (figures only)', [...test].map(([l, examples]) => [l, figures(readAll(detector, examples, l))]));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
