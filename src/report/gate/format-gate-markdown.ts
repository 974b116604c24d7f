import type { BudgetViolation, FixedFinding, GateReport } from '../../model/gate.js';
import type { Finding } from '../../model/report.js';
import { plural } from '../format-text.js';
import { sortFindings } from '../sort-findings.js';
import { describeComparison, formatMetricValue, newDebtPhrase } from './describe-gate.js';
import { sortBudgetViolations, sortFixedFindings } from './sort-gate-items.js';

/** Lets a bot find its earlier comment on the pull request and update it instead of adding one. */
const COMMENT_MARKER = '<!-- genai-debt check -->';

/** Longer messages are cut (at a code point) so one finding cannot fill a comment on its own. */
const MAX_MESSAGE_LENGTH = 1000;

/**
 * Renders a check as GitHub-flavoured Markdown, for a pull or merge request comment or a job
 * summary: a status heading naming what was compared, a table of new findings, a table of broken
 * budgets, the fixed and unchanged counts, and the fixed findings in a collapsed list. Everything
 * that comes from scanned code is escaped, so a message can neither inject HTML nor mention people.
 *
 * @param options.maxBytes - when the UTF-8 output would be longer, whole rows are left out (new
 *   findings are kept first, then fixed ones) and a line says how many, so the output stays
 *   within it (unless the heading, budgets and counts alone are longer).
 */
export function formatGateMarkdown(gate: GateReport, options: { maxBytes?: number } = {}): string {
  const rules = new Map(gate.report.rules.map((rule) => [rule.id, rule.helpUri]));
  const findingRows = sortFindings(gate.newFindings).map((f) => findingRow(f, rules.get(f.ruleId)));
  const fixedItems = sortFixedFindings(gate.fixedFindings).map(fixedItem);
  const parts = { head: head(gate), budgets: budgetSection(gate.budgetViolations), counts: countsLine(gate), findingRows, fixedItems };

  const full = render(parts, findingRows.length, fixedItems.length, options.maxBytes);
  if (options.maxBytes === undefined || byteLength(full) <= options.maxBytes) return full;

  // Without any row, and with both "left out" notes at their longest, the rest is fixed; rows
  // are added while they fit, so the real output (shorter notes) stays within the limit.
  let room = options.maxBytes - byteLength(render(parts, 0, 0, options.maxBytes));
  const fits = (rows: string[]): number => {
    let count = 0;
    for (const row of rows) {
      const size = byteLength(row) + 1;
      if (size > room) break;
      room -= size;
      count += 1;
    }
    return count;
  };
  const shownFindings = fits(findingRows);
  // Fixed findings matter less than new ones: none are shown once a new one is left out. One
  // byte is kept for the blank line that follows shown items.
  room -= 1;
  const shownFixed = shownFindings < findingRows.length ? 0 : fits(fixedItems);
  return render(parts, shownFindings, shownFixed, options.maxBytes);
}

interface Parts {
  head: string[];
  budgets: string[];
  counts: string;
  findingRows: string[];
  fixedItems: string[];
}

function render(parts: Parts, shownFindings: number, shownFixed: number, maxBytes: number | undefined): string {
  const out = [...parts.head];
  if (parts.findingRows.length > 0) {
    out.push(
      `### New findings (${parts.findingRows.length})`,
      '',
      '| Location | Severity | Rule | Message |',
      '| --- | --- | --- | --- |',
      ...parts.findingRows.slice(0, shownFindings),
      '',
    );
    // A blank line first: a line right after a table would become one of its rows.
    if (shownFindings < parts.findingRows.length) out.push(leftOutNote(parts.findingRows.length - shownFindings, maxBytes), '');
  }
  out.push(...parts.budgets, parts.counts, '');
  if (parts.fixedItems.length > 0) {
    out.push('<details>', `<summary>Fixed findings (${parts.fixedItems.length})</summary>`, '');
    if (shownFixed > 0) out.push(...parts.fixedItems.slice(0, shownFixed), '');
    if (shownFixed < parts.fixedItems.length) out.push(leftOutNote(parts.fixedItems.length - shownFixed, maxBytes), '');
    out.push('</details>', '');
  }
  return out.join('\n');
}

function head(gate: GateReport): string[] {
  const status = gate.failed ? '❌ genai-debt check failed' : '✅ genai-debt check passed';
  const out = [COMMENT_MARKER, `## ${status}: compared with ${escapeMarkdown(describeComparison(gate.against))}`, ''];
  const debt = newDebtPhrase(gate);
  out.push(debt === undefined ? 'No new debt.' : `${debt}.`, '');
  if (debt !== undefined && !gate.failed) {
    out.push(`The check passes: nothing new reaches the fail-on level (\`${gate.failOn}\`).`, '');
  }
  const fixed = gate.fixedFindings.length;
  if (gate.frozen && gate.against.kind === 'baseline' && fixed > 0) {
    out.push(
      `**${plural(fixed, 'fixed finding')} ${fixed === 1 ? 'is' : 'are'} still listed in the frozen baseline ` +
        `${escapeMarkdown(gate.against.file)}**; remove ${fixed === 1 ? 'it' : 'them'} with \`genai-debt baseline\`.`,
      '',
    );
  }
  return out;
}

function findingRow(finding: Finding, helpUri: string | undefined): string {
  const url = helpUri === undefined ? undefined : markdownUrl(helpUri);
  const rule = url === undefined ? escapeMarkdown(finding.ruleId) : `[${escapeMarkdown(finding.ruleId)}](${url})`;
  return tableRow([escapeMarkdown(`${finding.file}:${finding.line}`), finding.severity, rule, escapeMarkdown(cut(finding.message))]);
}

function budgetSection(budgets: BudgetViolation[]): string[] {
  if (budgets.length === 0) return [];
  const rows = sortBudgetViolations(budgets).map((b) => {
    const where = b.file === undefined ? '' : `${b.file}${b.line === undefined ? '' : `:${b.line}`}: `;
    return tableRow([
      escapeMarkdown(b.id),
      escapeMarkdown(b.metric),
      b.before === undefined ? '—' : escapeMarkdown(formatMetricValue(b.metric, b.before)),
      escapeMarkdown(formatMetricValue(b.metric, b.after)),
      escapeMarkdown(formatMetricValue(b.metric, b.limit)),
      escapeMarkdown(cut(where + b.message)),
    ]);
  });
  return [
    `### Broken budgets (${budgets.length})`,
    '',
    '| Budget | Metric | Before | After | Limit | Message |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ];
}

function countsLine(gate: GateReport): string {
  return `${gate.fixedFindings.length} fixed · ${gate.unchangedFindings.length} unchanged`;
}

function fixedItem(fixed: FixedFinding): string {
  const where = fixed.line === undefined ? fixed.file : `${fixed.file}:${fixed.line}`;
  const parts = [escapeMarkdown(where), escapeMarkdown(fixed.ruleId)];
  if (fixed.message !== undefined) parts.push(escapeMarkdown(cut(fixed.message)));
  return `- ${parts.join(' · ')}`;
}

function leftOutNote(count: number, maxBytes: number | undefined): string {
  return `_${plural(count, 'more row')} left out to keep this summary under ${maxBytes ?? 0} bytes._`;
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Plain text as inline GitHub-flavoured Markdown that renders as the same text. Newlines become
 * spaces (a table row is one line); `& < >` become entities so no HTML gets through; the
 * punctuation that starts emphasis, code, links, tables, strikethrough, headings or math is
 * backslash-escaped; and `@` gets a zero-width space so a quoted decorator does not notify a user.
 */
function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]~|#$]/g, '\\$&')
    .replace(/@/g, '@\u200b');
}

/** Only http(s) links; characters that would end the link or the table cell are percent-encoded. */
function markdownUrl(uri: string): string | undefined {
  if (!/^https?:\/\//i.test(uri)) return undefined;
  return uri.replace(/[\s()<>|`\\[\]"']/g, (ch) => (ch === "'" || ch === '(' || ch === ')' ? `%${ch.charCodeAt(0).toString(16).toUpperCase()}` : encodeURIComponent(ch)));
}

/** At most {@link MAX_MESSAGE_LENGTH} code points, so a surrogate pair is never split. */
function cut(text: string): string {
  const codePoints = [...text];
  return codePoints.length <= MAX_MESSAGE_LENGTH ? text : codePoints.slice(0, MAX_MESSAGE_LENGTH - 1).join('') + '…';
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
