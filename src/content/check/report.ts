/**
 * The checker's output as text, for the terminal (scripts/contentCheck.ts) and for a failing test's message:
 * problems grouped by file, one per line (file, where, rule, message), then the coverage table.
 */
import type { ContentProblem } from './contentProblem';
import type { LanguageCoverage } from './coverage';

export function formatProblems(problems: readonly ContentProblem[]): string {
  const byFile = new Map<string, ContentProblem[]>();
  for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const groups = [...byFile.values()].map((group) =>
    group.map((p) => `${p.file}  ${p.where}  [${p.rule}] ${p.severity}: ${p.message}`).join('\n')
  );
  return groups.join('\n\n');
}

export function formatSummary(problems: readonly ContentProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${errors} error(s), ${warnings} warning(s)`;
}

export function formatCoverage(rows: readonly LanguageCoverage[]): string {
  const cell = (part: number, total: number) => `${part}/${total} (${total === 0 ? 100 : Math.floor((part * 100) / total)}%)`;
  const table = [
    ['language', 'translated', 'reviewed by a person'],
    ...rows.map((r) => [r.language, cell(r.translated, r.total), cell(r.reviewed, r.total)])
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  return table.map((row) => row.map((value, column) => value.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
