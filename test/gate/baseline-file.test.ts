import { describe, expect, it } from 'vitest';
import { type BaselineEntry, BaselineError, baselineEntryOf, formatBaseline, parseBaseline } from '../../src/gate/baseline-file.js';
import { sampleReport } from '../report/sample-report.js';

const HEADER = [
  '# genai-debt baseline: known debt that `genai-debt check` does not fail on. Commit this file.',
  '# One finding per line, sorted, so merges rarely conflict. `genai-debt baseline` only removes lines',
  '# (fixed debt); `genai-debt baseline --force` also adds the current new findings.',
  '# path<TAB>rule<TAB>fingerprint<TAB>content fingerprint<TAB>anchor fingerprint',
];

const answerTicketCall: BaselineEntry = {
  file: 'src/support/tickets.ts',
  ruleId: 'no-untraced-llm-call',
  fingerprint: '7e3b1c9d0f2a4e6b8c1d',
  contentFingerprint: 'c41f0a9e2d7b3c5e8f60',
  anchorFingerprint: 'e9d8c7b6a5f40312d4c6',
};
const ticketsPrompt: BaselineEntry = {
  file: 'src/support/tickets.ts',
  ruleId: 'max-prompt-tokens',
  fingerprint: '1f2e3d4c5b6a79880a1b',
  contentFingerprint: '2a3b4c5d6e7f80910a2b',
  anchorFingerprint: '3b4c5d6e7f8091a2b3c4',
};
const supportBotPrompt: BaselineEntry = {
  file: 'src/agents/support bot.ts',
  ruleId: 'max-prompt-tokens',
  fingerprint: '4c5d6e7f8091a2b3c4d5',
  contentFingerprint: '5d6e7f8091a2b3c4d5e6',
  anchorFingerprint: '6e7f8091a2b3c4d5e6f7',
};
const triageRouterTools: BaselineEntry = {
  file: 'src/Triage/router.ts',
  ruleId: 'max-tools-per-agent',
  fingerprint: '7f8091a2b3c4d5e6f708',
  contentFingerprint: '8091a2b3c4d5e6f70819',
  anchorFingerprint: '91a2b3c4d5e6f708192a',
};

const answerTicketLine = 'src/support/tickets.ts\tno-untraced-llm-call\t7e3b1c9d0f2a4e6b8c1d\tc41f0a9e2d7b3c5e8f60\te9d8c7b6a5f40312d4c6';
const triageRouterLine = 'src/Triage/router.ts\tmax-tools-per-agent\t7f8091a2b3c4d5e6f708\t8091a2b3c4d5e6f70819\t91a2b3c4d5e6f708192a';
const supportBotLine = 'src/agents/support bot.ts\tmax-prompt-tokens\t4c5d6e7f8091a2b3c4d5\t5d6e7f8091a2b3c4d5e6\t6e7f8091a2b3c4d5e6f7';

/** The BaselineError `parseBaseline` throws for `text`; fails the test when it throws none. */
function baselineErrorOf(text: string, shownPath = 'genai-debt-baseline'): BaselineError {
  try {
    parseBaseline(text, shownPath);
  } catch (error) {
    if (error instanceof BaselineError) return error;
    throw error;
  }
  throw new Error('parseBaseline accepted the text');
}

const MALFORMED_LINE = 'expected "path<TAB>rule<TAB>fingerprint<TAB>content fingerprint<TAB>anchor fingerprint"';
const REWRITE_HINT = 'Run `genai-debt baseline --force` to write it afresh.';

describe('baselineEntryOf', () => {
  it('keeps the path, rule and three fingerprints of a finding and drops its line, message and severity', () => {
    const untraced = sampleReport.findings.find((finding) => finding.ruleId === 'untraced-llm-call')!;
    expect(baselineEntryOf(untraced)).toStrictEqual({
      file: 'src/agents/support bot.ts',
      ruleId: 'untraced-llm-call',
      fingerprint: '0c1d2e3f4a5b6c7d',
      contentFingerprint: 'cf7a8b9c0d1e2f3a4b5c',
      anchorFingerprint: '6f7a8b9c0d1e2f3a4b5c',
    });
  });
});

describe('formatBaseline', () => {
  it('writes the header, then one tab-separated line per entry sorted by byte order (uppercase before lowercase)', () => {
    expect(formatBaseline([answerTicketCall, supportBotPrompt, ticketsPrompt, triageRouterTools])).toBe(
      [
        ...HEADER,
        triageRouterLine,
        supportBotLine,
        'src/support/tickets.ts\tmax-prompt-tokens\t1f2e3d4c5b6a79880a1b\t2a3b4c5d6e7f80910a2b\t3b4c5d6e7f8091a2b3c4',
        answerTicketLine,
        '',
      ].join('\n'),
    );
  });

  it('writes the header first even when a path sorts before "#"', () => {
    const bangPath: BaselineEntry = { ...answerTicketCall, file: '!legacy/tickets.ts' };
    expect(formatBaseline([bangPath]).split('\n')).toEqual([
      ...HEADER,
      '!legacy/tickets.ts\tno-untraced-llm-call\t7e3b1c9d0f2a4e6b8c1d\tc41f0a9e2d7b3c5e8f60\te9d8c7b6a5f40312d4c6',
      '',
    ]);
  });

  it('writes only the header for an empty baseline', () => {
    expect(formatBaseline([])).toBe(`${HEADER.join('\n')}\n`);
  });

  it('percent-encodes a tab, a line feed, a carriage return and a percent sign in a path', () => {
    const paths = ['src/prompts/tab\there.ts', 'src/prompts/line\nbreak.ts', 'src/prompts/return\r.ts', 'src/prompts/100%.ts'];
    const lines = formatBaseline(paths.map((file) => ({ ...answerTicketCall, file })))
      .split('\n')
      .slice(HEADER.length, -1)
      .map((line) => line.split('\t')[0]);
    expect(lines).toEqual(['src/prompts/100%25.ts', 'src/prompts/line%0Abreak.ts', 'src/prompts/return%0D.ts', 'src/prompts/tab%09here.ts']);
  });
});

describe('parseBaseline', () => {
  it('reads back what formatBaseline wrote, in byte order of the written lines', () => {
    expect(parseBaseline(formatBaseline([answerTicketCall, supportBotPrompt, triageRouterTools]), 'genai-debt-baseline')).toEqual([
      triageRouterTools,
      supportBotPrompt,
      answerTicketCall,
    ]);
  });

  it('reads back paths with a tab, a line feed, a carriage return, a percent sign and a literal "%09"', () => {
    const withTab = { ...answerTicketCall, file: 'src/prompts/tab\there.ts' };
    const withLineFeed = { ...answerTicketCall, file: 'src/prompts/line\nbreak.ts' };
    const withCarriageReturn = { ...answerTicketCall, file: 'src/prompts/return\r.ts' };
    const withPercent = { ...answerTicketCall, file: 'src/prompts/100%.ts' };
    const withEncodedLookingName = { ...answerTicketCall, file: 'src/prompts/%09literal.ts' };
    const text = formatBaseline([withTab, withLineFeed, withCarriageReturn, withPercent, withEncodedLookingName]);
    expect(text.split('\n')).toHaveLength(HEADER.length + 5 + 1);
    expect(parseBaseline(text, 'genai-debt-baseline')).toEqual([withEncodedLookingName, withPercent, withLineFeed, withCarriageReturn, withTab]);
  });

  it('ignores blank lines, whitespace-only lines and comments', () => {
    const text = ['# kept by hand: the support bot is being rewritten', '', answerTicketLine, '   ', '\t', '# router split planned for Q3', triageRouterLine, ''].join('\n');
    expect(parseBaseline(text, 'genai-debt-baseline')).toEqual([answerTicketCall, triageRouterTools]);
  });

  it('reads a file without a trailing line break', () => {
    expect(parseBaseline(`${HEADER.join('\n')}\n${answerTicketLine}`, 'genai-debt-baseline')).toEqual([answerTicketCall]);
  });

  it('reads back a path that starts with "#" instead of taking the entry for a comment', () => {
    const drafts = { ...answerTicketCall, file: '#drafts/agent.ts' };
    const text = formatBaseline([drafts]);
    expect(text).toContain('%23drafts/agent.ts\t');
    expect(parseBaseline(text, 'genai-debt-baseline')).toEqual([drafts]);
  });

  it('ignores a UTF-8 byte order mark before the header', () => {
    expect(parseBaseline(`\uFEFF${formatBaseline([answerTicketCall])}`, 'genai-debt-baseline')).toEqual([answerTicketCall]);
  });

  it('accepts CRLF line endings', () => {
    const text = formatBaseline([answerTicketCall, supportBotPrompt]).replaceAll('\n', '\r\n');
    expect(parseBaseline(text, 'genai-debt-baseline')).toEqual([supportBotPrompt, answerTicketCall]);
  });

  it('accepts fingerprints of 8 hex digits', () => {
    const line = 'src/support/tickets.ts\tno-untraced-llm-call\t7e3b1c9d\tc41f0a9e\te9d8c7b6';
    expect(parseBaseline(line, 'genai-debt-baseline')).toEqual([
      { file: 'src/support/tickets.ts', ruleId: 'no-untraced-llm-call', fingerprint: '7e3b1c9d', contentFingerprint: 'c41f0a9e', anchorFingerprint: 'e9d8c7b6' },
    ]);
  });

  it('rejects git merge conflict markers, naming the file and line of the first and how to fix it', () => {
    const text = [
      ...HEADER,
      supportBotLine,
      '<<<<<<< HEAD',
      answerTicketLine,
      '=======',
      triageRouterLine,
      '>>>>>>> feature/escalate-ticket',
      '',
    ].join('\n');
    const error = baselineErrorOf(text, 'services/support/genai-debt-baseline');
    expect(error.name).toBe('BaselineError');
    expect(error.message).toBe(
      'services/support/genai-debt-baseline:6: unresolved git merge conflict. Keep the lines of both sides (delete the markers), or run `genai-debt baseline --force` to write it afresh.',
    );
  });

  it('rejects a leftover ">>>>>>>" marker on its own, naming its line', () => {
    const text = [...HEADER, answerTicketLine, triageRouterLine, '>>>>>>> feature/escalate-ticket', ''].join('\n');
    expect(baselineErrorOf(text).message).toBe(
      'genai-debt-baseline:7: unresolved git merge conflict. Keep the lines of both sides (delete the markers), or run `genai-debt baseline --force` to write it afresh.',
    );
  });

  it('counts lines of a CRLF file when naming a conflict marker', () => {
    const text = [...HEADER, answerTicketLine, '=======', triageRouterLine, ''].join('\r\n');
    expect(baselineErrorOf(text).message).toMatch(/^genai-debt-baseline:6: unresolved git merge conflict\./);
  });

  it('rejects a line with 4 fields, naming the line and quoting it', () => {
    const text = [...HEADER, supportBotLine, 'src/support/tickets.ts\tno-untraced-llm-call\t7e3b1c9d0f2a4e6b8c1d\tc41f0a9e2d7b3c5e8f60', ''].join('\n');
    expect(baselineErrorOf(text).message).toBe(
      `genai-debt-baseline:6: ${MALFORMED_LINE}, got "src/support/tickets.ts\\tno-untraced-llm-call\\t7e3b1c9d0f2a4e6b8c1d\\tc41f0a9e2d7b3c5e8f60". ${REWRITE_HINT}`,
    );
  });

  it('rejects a line with 6 fields', () => {
    const text = `${answerTicketLine}\tescalate`;
    expect(baselineErrorOf(text).message).toBe(
      `genai-debt-baseline:1: ${MALFORMED_LINE}, got "src/support/tickets.ts\\tno-untraced-llm-call\\t7e3b1c9d0f2a4e6b8c1d\\tc41f0a9e2d7b3c5e8f60\\te9d8c7b6a5f40312d4c6\\tescalate". ${REWRITE_HINT}`,
    );
  });

  it('rejects a line whose tabs an editor turned into spaces', () => {
    const text = [...HEADER, answerTicketLine.replaceAll('\t', '    '), ''].join('\n');
    expect(baselineErrorOf(text).message).toBe(
      `genai-debt-baseline:5: ${MALFORMED_LINE}, got "src/support/tickets.ts    no-untraced-llm-call    7e3b1c9d0f2a4e6b8c1d    c41f0a9e2d7b3c5e8f60    e9d8c7b6a5f40312d4c6". ${REWRITE_HINT}`,
    );
  });

  it('rejects a content fingerprint in uppercase hex, naming the line', () => {
    const text = [...HEADER, 'src/support/tickets.ts\tno-untraced-llm-call\t7e3b1c9d0f2a4e6b8c1d\tC41F0A9E2D7B3C5E8F60\te9d8c7b6a5f40312d4c6'].join('\n');
    expect(baselineErrorOf(text).message).toBe(
      `genai-debt-baseline:5: ${MALFORMED_LINE}, got "src/support/tickets.ts\\tno-untraced-llm-call\\t7e3b1c9d0f2a4e6b8c1d\\tC41F0A9E2D7B3C5E8F60\\te9d8c7b6a5f40312d4c6". ${REWRITE_HINT}`,
    );
  });

  it('rejects an anchor fingerprint of 7 hex digits', () => {
    const text = 'src/support/tickets.ts\tno-untraced-llm-call\t7e3b1c9d\tc41f0a9e\te9d8c7b';
    expect(baselineErrorOf(text).message).toBe(
      `genai-debt-baseline:1: ${MALFORMED_LINE}, got "src/support/tickets.ts\\tno-untraced-llm-call\\t7e3b1c9d\\tc41f0a9e\\te9d8c7b". ${REWRITE_HINT}`,
    );
  });

  it('rejects an empty path and an uppercase rule id', () => {
    expect(baselineErrorOf(`\tno-untraced-llm-call\t7e3b1c9d\tc41f0a9e\te9d8c7b6`).message).toMatch(/^genai-debt-baseline:1: expected "path<TAB>rule/);
    expect(baselineErrorOf(`src/support/tickets.ts\tNo-Untraced-LLM-Call\t7e3b1c9d\tc41f0a9e\te9d8c7b6`).message).toMatch(
      /^genai-debt-baseline:1: expected "path<TAB>rule/,
    );
  });

  it('quotes at most 120 characters of a malformed line', () => {
    const longPath = `src/${'generated/'.repeat(20)}agent.ts`;
    expect(longPath).toHaveLength(212);
    expect(baselineErrorOf(longPath).message).toBe(`genai-debt-baseline:1: ${MALFORMED_LINE}, got "src/${'generated/'.repeat(11)}genera". ${REWRITE_HINT}`);
  });
});
