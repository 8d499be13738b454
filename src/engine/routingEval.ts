/**
 * Measures free-text routing on labelled questions kept apart from the examples the router learns from
 * (`test/routing/<lang>/*.json`): per language and per script, how many land on the right script, how many get
 * a "which did you mean" that includes it, and how many go wrong. Used by `npm run eval:routing` and its test.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScriptLibrary } from '../content/scriptLibrary';
import type { TextRouter } from './textRouter';

export interface LabelledQuestion {
  text: string;
  script: string;
}

export interface RoutingTally {
  total: number;
  correct: number;
  askedWhich: number;
  wrong: Array<{ text: string; expected: string; got: string }>;
}

export interface RoutingReport {
  byLanguage: Record<string, RoutingTally>;
  byScript: Record<string, Record<string, RoutingTally>>;
}

/** Reads every `<dir>/<lang>/*.json` labelled set. */
export async function readLabelledSets(dir: string): Promise<Record<string, LabelledQuestion[]>> {
  const sets: Record<string, LabelledQuestion[]> = {};
  for (const lang of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const files = (await readdir(path.join(dir, lang))).filter((f) => f.endsWith('.json')).sort();
    if (files.length === 0) continue;
    sets[lang] = [];
    for (const file of files) sets[lang].push(...(JSON.parse(await readFile(path.join(dir, lang, file), 'utf8')) as LabelledQuestion[]));
  }
  return sets;
}

/**
 * Routes each question as a user of the script's audience would type it (the scripts that audience may reach).
 * A "which did you mean" counts as correct only when the right script is among the two offered and is
 * reported apart, so a router that always hesitates cannot look good.
 */
export async function evaluateRouting(router: TextRouter, scripts: ScriptLibrary, sets: Record<string, LabelledQuestion[]>): Promise<RoutingReport> {
  const report: RoutingReport = { byLanguage: {}, byScript: {} };
  for (const [language, questions] of Object.entries(sets)) {
    const overall = (report.byLanguage[language] = emptyTally());
    const perScript = (report.byScript[language] = {});
    for (const question of questions) {
      const tally = ((perScript as Record<string, RoutingTally>)[question.script] ??= emptyTally());
      const expected = scripts.get(question.script);
      const audiences = expected.meta.audience.filter((a) => a !== 'all');
      const allowed = new Set(
        [...scripts.scripts.values()]
          .filter((s) => s.routable && (audiences.length === 0 || s.meta.audience.includes('all') || s.meta.audience.some((a) => audiences.includes(a as never))))
          .map((s) => s.id)
      );
      const result = await router.route(language, question.text, allowed);
      for (const t of [overall, tally]) {
        t.total += 1;
        if (result.kind === 'match' && result.scriptId === question.script) t.correct += 1;
        else if (result.kind === 'ambiguous' && result.scriptIds.includes(question.script)) t.askedWhich += 1;
        else t.wrong.push({ text: question.text, expected: question.script, got: result.kind === 'match' ? result.scriptId : result.kind === 'ambiguous' ? `which: ${result.scriptIds.join(' / ')}` : 'none' });
      }
    }
  }
  return report;
}

/** Right script, or a "which did you mean" that offers it: the user reaches the script either way. */
export function reachRate(t: RoutingTally): number {
  return t.total === 0 ? 0 : (t.correct + t.askedWhich) / t.total;
}

function emptyTally(): RoutingTally {
  return { total: 0, correct: 0, askedWhich: 0, wrong: [] };
}
