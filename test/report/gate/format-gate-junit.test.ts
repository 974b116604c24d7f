import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../../src/model/gate.js';
import { formatGateJunit } from '../../../src/report/gate/format-gate-junit.js';
import { childElements, parseXml } from './check-xml.js';
import { baselineGate, gateWithNewFindings, newFinding, sampleGate } from './sample-gate.js';

describe('formatGateJunit', () => {
  it('renders one suite per rule and a budgets suite, failing a case per new finding and broken budget', () => {
    expect(formatGateJunit(sampleGate)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="genai-debt" tests="6" failures="4">',
        '  <testsuite name="missing-eval-suite" tests="1" failures="0">',
        '    <testcase name="no new findings" classname="missing-eval-suite"/>',
        '  </testsuite>',
        '  <testsuite name="oversized-prompt" tests="1" failures="0">',
        '    <testcase name="no new findings" classname="oversized-prompt"/>',
        '  </testsuite>',
        '  <testsuite name="too-many-tools" tests="1" failures="1">',
        '    <testcase name="src/agents/support bot.ts:7 Agent passes 23 tools to one model call (limit 15)" classname="too-many-tools">',
        '      <failure message="Agent passes 23 tools to one model call (limit 15)" type="warning">Agent passes 23 tools to one model call (limit 15)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="untraced-llm-call" tests="1" failures="1">',
        '    <testcase name="src/agents/support bot.ts:42 OpenAI call this.client.chat.completions.create in SupportBot.answer is not traced" classname="untraced-llm-call">',
        '      <failure message="OpenAI call this.client.chat.completions.create in SupportBot.answer is not traced" type="error">OpenAI call this.client.chat.completions.create in SupportBot.answer is not traced</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="budgets" tests="2" failures="2">',
        '    <testcase name="Traced share dropped from 50% to 33%; it may not drop" classname="ratchet/traced-share">',
        '      <failure message="Traced share dropped from 50% to 33%; it may not drop" type="warning">Traced share dropped from 50% to 33%; it may not drop',
        'tracedShare: 50% → 33% (limit 50%)</failure>',
        '    </testcase>',
        '    <testcase name="src/agents/support bot.ts:7 Largest tool set has 23 tools; the budget is 20" classname="budget/largest-tool-set">',
        '      <failure message="Largest tool set has 23 tools; the budget is 20" type="error">Largest tool set has 23 tools; the budget is 20',
        'largestToolSet: 20 → 23 (limit 20)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('is well-formed XML whose counts match its test cases', () => {
    for (const gate of [sampleGate, baselineGate]) {
      const root = parseXml(formatGateJunit(gate));
      expect(root.name).toBe('testsuites');
      const suites = childElements(root);
      const cases = suites.flatMap(childElements);
      const failed = cases.filter((c) => childElements(c).some((child) => child.name === 'failure'));
      expect(root.attributes.tests).toBe(String(cases.length));
      expect(root.attributes.failures).toBe(String(failed.length));
      for (const suite of suites) expect(suite.attributes.tests).toBe(String(childElements(suite).length));
    }
  });

  it('shows every rule and the budgets as passing when nothing is new', () => {
    const root = parseXml(formatGateJunit(baselineGate));
    expect(childElements(root).map((suite) => [suite.attributes.name, childElements(suite).map((c) => c.attributes.name)])).toEqual([
      ['missing-eval-suite', ['no new findings']],
      ['oversized-prompt', ['no new findings']],
      ['too-many-tools', ['no new findings']],
      ['untraced-llm-call', ['no new findings']],
      ['budgets', ['no broken budgets']],
    ]);
    expect(root.attributes.failures).toBe('0');
  });

  it('escapes & < > " \' and drops characters XML 1.0 does not allow', () => {
    const message = `Call <a href="x">'&'</a>\u0000\u0008\u000b\u001b[31m\ufffe done\ttab\nline`;
    const xml = formatGateJunit(gateWithNewFindings([newFinding({ file: 'src/a&b.ts', message })]));
    expect(xml).toContain(
      '    <testcase name="src/a&amp;b.ts:42 Call &lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;[31m done&#9;tab&#10;line" classname="untraced-llm-call">\n' +
        '      <failure message="Call &lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;[31m done&#9;tab&#10;line" type="error">' +
        'Call &lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;[31m done\ttab\nline</failure>',
    );
    const failure = childElements(childElements(childElements(parseXml(xml)).find((s) => s.attributes.name === 'untraced-llm-call')!)[0]!)[0]!;
    expect(failure.attributes.message).toBe(`Call <a href="x">'&'</a>[31m done\ttab\nline`);
    expect(failure.children).toEqual([`Call <a href="x">'&'</a>[31m done\ttab\nline`]);
  });

  it('drops lone surrogates but keeps characters outside the BMP', () => {
    const xml = formatGateJunit(gateWithNewFindings([newFinding({ message: 'ok 🚀 \ud800 bad \udc00 end' })]));
    expect(xml).toContain('>ok 🚀  bad  end</failure>');
    expect(() => parseXml(xml)).not.toThrow();
  });

  it('gives a new finding of a rule missing from the rule list a suite of its own', () => {
    const gate: GateReport = gateWithNewFindings([newFinding({ ruleId: 'retired-rule' })]);
    const names = childElements(parseXml(formatGateJunit(gate))).map((suite) => suite.attributes.name);
    expect(names).toEqual(['missing-eval-suite', 'oversized-prompt', 'retired-rule', 'too-many-tools', 'untraced-llm-call', 'budgets']);
  });

  it('the well-formedness check is not vacuous', () => {
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow(/reference/);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/unknown entity/);
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/not allowed/);
    expect(() => parseXml('<a/><b/>')).toThrow(/after the root/);
  });
});
