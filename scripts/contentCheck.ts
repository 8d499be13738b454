/**
 * `npm run content:check`: checks every file in dialogs/ and locales/ and prints what is wrong, grouped by file
 * (file, where, rule, message), then how far each language is translated and reviewed. Exits 1 when there is
 * any error, so CI stops; warnings alone exit 0. Options: `--lang fr,de` checks only these shipped languages
 * (English is always checked).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/content/check/checkContent';
import { formatCoverage, formatProblems, formatSummary } from '../src/content/check/report';

/** The repository root, from scripts/ under ts-jest or from dist/scripts/ after a build. */
const ROOT_DIR = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { lang: { type: 'string' } } });
  const languages = values.lang?.split(',').map((l) => l.trim()).filter(Boolean);
  const { problems, coverage } = await checkContent({
    dialogsDir: path.join(ROOT_DIR, 'dialogs'),
    localesDir: path.join(ROOT_DIR, 'locales'),
    languages
  });
  if (problems.length > 0) console.log(`${formatProblems(problems)}\n`);
  console.log(`Content check: ${formatSummary(problems)}.\n`);
  console.log(formatCoverage(coverage));
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('The content check could not run:', error);
    process.exitCode = 2;
  }
);
