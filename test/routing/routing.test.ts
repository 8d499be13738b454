/**
 * Free-text routing on labelled questions written apart from the scripts' examples: in every shipped language
 * at least 40 questions, and at least 85% of them reach their script (directly, or through "which did you
 * mean" offering it). The figures per script are printed by `npm run eval:routing`.
 */
import path from 'node:path';
import { ROOT_DIR } from '../../src/beacon';
import { ScriptLibrary } from '../../src/content/scriptLibrary';
import { Translator } from '../../src/content/translator';
import { routerExamples } from '../../src/engine/createEngine';
import { IntentRouter } from '../../src/engine/intentRouter';
import { evaluateRouting, reachRate, readLabelledSets, type RoutingReport } from '../../src/engine/routingEval';

let languages: string[] = [];
let report: RoutingReport;

beforeAll(async () => {
  const translator = await Translator.load(path.join(ROOT_DIR, 'locales'));
  const scripts = await ScriptLibrary.load(path.join(ROOT_DIR, 'dialogs'));
  languages = [...translator.languages];
  const router = await IntentRouter.train(routerExamples(scripts, translator), { languages });
  report = await evaluateRouting(router, scripts, await readLabelledSets(path.join(ROOT_DIR, 'test', 'routing')));
});

it('has at least 40 labelled questions in every shipped language', () => {
  const short = languages.filter((l) => (report.byLanguage[l]?.total ?? 0) < 40);
  expect(short).toEqual([]);
});

/**
 * Languages whose test part is below the 85% target (Romanian, new on 2026-12-03: 83.6% when first measured;
 * its examples were then chosen on a dev set of its own, `test/routing-dev/ro/`, never on this test part). They
 * are held to the target by `it.failing` below: the day one reaches it, that test fails and the language must
 * be taken out of this list, so that the target then holds for it for good.
 */
const BELOW_TARGET: readonly string[] = ['ro'];

it('brings at least 85% of typed questions to their script in every shipped language', () => {
  const below = languages
    .filter((language) => !BELOW_TARGET.includes(language))
    .map((language) => ({ language, tally: report.byLanguage[language] }))
    .filter(({ tally }) => !tally || reachRate(tally) < 0.85)
    .map(({ language, tally }) => `${language}: ${tally ? (reachRate(tally) * 100).toFixed(1) : 0}% — misses:\n${(tally?.wrong ?? []).map((w) => `  "${w.text}" → ${w.got} (expected ${w.expected})`).join('\n')}`);
  expect(below).toEqual([]);
});

describe.each(BELOW_TARGET)('routing in %s, below the target for now', (language) => {
  it.failing('(target, not yet met) brings at least 85% of typed questions to their script', () => {
    const tally = report.byLanguage[language];
    expect(tally !== undefined && reachRate(tally) >= 0.85).toBe(true);
  });
});

it('sends most questions straight to their script, asking "which did you mean" for the rest', () => {
  for (const language of languages) {
    const tally = report.byLanguage[language];
    expect({ language, direct: tally !== undefined && tally.correct / tally.total >= 0.7 }).toEqual({ language, direct: true });
  }
});
