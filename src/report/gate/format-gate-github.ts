import type { BudgetViolation, GateReport } from '../../model/gate.js';
import type { Finding, Severity } from '../../model/report.js';
import { plural, sanitize } from '../format-text.js';
import { sortFindings } from '../sort-findings.js';
import { gateSummary } from './describe-gate.js';
import { formatGateMarkdown } from './format-gate-markdown.js';
import { sortBudgetViolations } from './sort-gate-items.js';

/** GitHub shows at most 10 error and 10 warning annotations per step; more are dropped silently. */
const ANNOTATIONS_PER_LEVEL = 10;

/** GitHub's step summary limit is 1 MiB; stay a little below it. */
const SUMMARY_MAX_BYTES = 1_000_000;

interface Annotation {
  severity: Severity;
  title: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

/**
 * Renders a check for GitHub Actions. `output` holds workflow commands (`::error` / `::warning`)
 * that annotate the pull request diff with the new findings and broken budgets, capped at what
 * GitHub shows, then the plain summary. `summary` is the Markdown job summary, to be appended to
 * `$GITHUB_STEP_SUMMARY`, cut to stay under GitHub's 1 MiB limit.
 *
 * @see https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
export function formatGateGithub(gate: GateReport): { output: string; summary: string } {
  const annotations = [
    ...sortFindings(gate.newFindings).map(findingAnnotation),
    ...sortBudgetViolations(gate.budgetViolations).map(budgetAnnotation),
  ];
  const out: string[] = [];
  const shown: Record<Severity, number> = { error: 0, warning: 0 };
  const left: Record<Severity, number> = { error: 0, warning: 0 };
  for (const annotation of annotations) {
    if (shown[annotation.severity] >= ANNOTATIONS_PER_LEVEL) {
      left[annotation.severity] += 1;
      continue;
    }
    shown[annotation.severity] += 1;
    out.push(command(annotation));
  }
  const leftOut = left.error + left.warning;
  if (leftOut > 0) {
    const detail = `${plural(left.error, 'error')}, ${plural(left.warning, 'warning')}`;
    out.push(`::notice::${escapeData(`${leftOut} more new ${leftOut === 1 ? 'problem is' : 'problems are'} not annotated (${detail}); see the job summary`)}`);
  }
  // sanitize keeps a branch name with a newline from starting a workflow command of its own.
  out.push(...gateSummary(gate).map((line) => `genai-debt: ${sanitize(line.text)}`));
  return { output: out.join('\n') + '\n', summary: formatGateMarkdown(gate, { maxBytes: SUMMARY_MAX_BYTES }) };
}

function findingAnnotation(finding: Finding): Annotation {
  return {
    severity: finding.severity,
    title: finding.ruleId,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
  };
}

function budgetAnnotation(budget: BudgetViolation): Annotation {
  return { severity: budget.severity, title: budget.id, message: budget.message, file: budget.file, line: budget.line };
}

function command(annotation: Annotation): string {
  const properties: string[] = [];
  if (annotation.file !== undefined) properties.push(`file=${escapeProperty(annotation.file)}`);
  if (annotation.line !== undefined && annotation.line >= 1) {
    properties.push(`line=${annotation.line}`);
    if (annotation.column !== undefined && annotation.column >= 1) properties.push(`col=${annotation.column}`);
  }
  properties.push(`title=${escapeProperty(annotation.title)}`);
  return `::${annotation.severity} ${properties.join(',')}::${escapeData(annotation.message)}`;
}

/** As `escapeData` in @actions/core (toolkit packages/core/src/command.ts). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** As `escapeProperty` in @actions/core: data escaping plus the property separators `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
