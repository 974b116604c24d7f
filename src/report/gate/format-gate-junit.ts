import type { GateReport } from '../../model/gate.js';
import type { Finding } from '../../model/report.js';
import { compareStrings, sortFindings } from '../sort-findings.js';
import { describeBudgetChange } from './describe-gate.js';
import { sortBudgetViolations } from './sort-gate-items.js';

const BUDGETS_SUITE = 'budgets';

interface TestCase {
  name: string;
  classname: string;
  failure?: { message: string; type: string; text: string };
}

/**
 * Renders a check as JUnit XML for CI test report views (GitLab `artifacts:reports:junit`,
 * Jenkins, Azure Pipelines): one suite per rule that ran and one `budgets` suite; every new finding
 * and broken budget is a failed test case. A suite without failures holds one passing case, so
 * the report shows the rule ran. Unchanged findings are not test cases: they are not the change's.
 */
export function formatGateJunit(gate: GateReport): string {
  const byRule = new Map<string, Finding[]>();
  for (const rule of gate.report.rules) byRule.set(rule.id, []);
  // A new finding of a rule missing from the list still gets a suite, so no failure is lost.
  for (const finding of sortFindings(gate.newFindings)) {
    const group = byRule.get(finding.ruleId);
    if (group) group.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }

  const suites: { name: string; cases: TestCase[] }[] = [...byRule.keys()].sort(compareStrings).map((ruleId) => ({
    name: ruleId,
    cases: byRule.get(ruleId)!.map((f) => ({
      name: `${f.file}:${f.line} ${f.message}`,
      classname: ruleId,
      failure: { message: f.message, type: f.severity, text: f.message },
    })),
  }));
  suites.push({
    name: BUDGETS_SUITE,
    cases: sortBudgetViolations(gate.budgetViolations).map((b) => ({
      name: `${b.file === undefined ? '' : `${b.file}${b.line === undefined ? '' : `:${b.line}`} `}${b.message}`,
      classname: b.id,
      failure: { message: b.message, type: b.severity, text: `${b.message}\n${b.metric}: ${describeBudgetChange(b)}` },
    })),
  });
  for (const suite of suites) {
    if (suite.cases.length === 0) {
      suite.cases.push({ name: suite.name === BUDGETS_SUITE ? 'no broken budgets' : 'no new findings', classname: suite.name });
    }
  }

  const tests = suites.reduce((sum, s) => sum + s.cases.length, 0);
  const failures = suites.reduce((sum, s) => sum + s.cases.filter((c) => c.failure).length, 0);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="genai-debt" tests="${tests}" failures="${failures}">`,
  ];
  for (const suite of suites) {
    const suiteFailures = suite.cases.filter((c) => c.failure).length;
    out.push(`  <testsuite name="${attr(suite.name)}" tests="${suite.cases.length}" failures="${suiteFailures}">`);
    for (const testCase of suite.cases) {
      const open = `    <testcase name="${attr(testCase.name)}" classname="${attr(testCase.classname)}"`;
      if (!testCase.failure) {
        out.push(`${open}/>`);
        continue;
      }
      const { message, type, text } = testCase.failure;
      out.push(
        `${open}>`,
        `      <failure message="${attr(message)}" type="${attr(type)}">${escapeXml(text)}</failure>`,
        '    </testcase>',
      );
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

/**
 * Text content: the five XML special characters as entities, and characters XML 1.0 does not
 * allow at all (controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF) dropped,
 * since no escape makes them legal.
 *
 * @see https://www.w3.org/TR/xml/#charsets
 */
function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An attribute value: as text, and tab, LF and CR as references, which attribute normalisation would turn into spaces. */
function attr(text: string): string {
  return escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
