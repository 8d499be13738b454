/**
 * The content checker: every rule over `dialogs/` and `locales/`, one list of problems sorted by file, and how far
 * each language is translated and reviewed. Run by `npm run content:check` (scripts/contentCheck.ts) and by
 * `npm test` (test/content/checker.test.ts). The rules are listed in README.md in this folder.
 */
import { checkExamples } from './examplesRule';
import { checkHttps } from './httpsRule';
import { checkKeys } from './keysRule';
import type { ContentProblem } from './contentProblem';
import { coverage, type LanguageCoverage } from './coverage';
import { loadContent, type ContentRule } from './loadContent';
import { checkLanzaroteSources } from './lanzaroteSourcesRule';
import { checkMessageRuns } from './messageRunRule';
import { checkLoops } from './loopRule';
import { checkMeta } from './metaRule';
import { checkPlaceholders } from './placeholdersRule';
import { checkPromiseWords } from './promiseRule';
import { checkReachability } from './reachabilityRule';
import { checkResume } from './resumeRule';
import { checkTargets } from './targetsRule';
import { checkTerminology } from './terminologyRule';
import { checkUnderstanding } from './understandingRule';
import { checkUnusedKeys } from './unusedKeysRule';
import { checkWayOn } from './wayOnRule';
import { checkWhatHappened } from './whatHappenedRule';

export interface CheckOptions {
  dialogsDir: string;
  localesDir: string;
  /** The shipped languages; default: every two-letter folder in `localesDir`. English is always included. */
  languages?: readonly string[];
}

export interface CheckResult {
  problems: ContentProblem[];
  coverage: LanguageCoverage[];
}

/** Structure first (a script that cannot run), then text, then wording. */
export const RULES: readonly ContentRule[] = [
  checkTargets,
  checkReachability,
  checkLoops,
  checkResume,
  checkKeys,
  checkUnusedKeys,
  checkPlaceholders,
  checkHttps,
  checkMeta,
  checkExamples,
  checkUnderstanding,
  checkTerminology,
  checkWhatHappened,
  checkWayOn,
  checkMessageRuns,
  checkLanzaroteSources,
  checkPromiseWords
];

export async function checkContent(options: CheckOptions): Promise<CheckResult> {
  const { content, problems } = await loadContent(options.dialogsDir, options.localesDir, options.languages);
  for (const rule of RULES) problems.push(...rule(content));
  const order = (p: ContentProblem) => (p.severity === 'error' ? 0 : 1);
  problems.sort((a, b) => a.file.localeCompare(b.file) || order(a) - order(b) || a.where.localeCompare(b.where));
  return { problems, coverage: coverage(content) };
}

export type { ContentProblem, LanguageCoverage };
