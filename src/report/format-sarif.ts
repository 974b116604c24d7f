import type * as Sarif from 'sarif';
import type { Diagnostic, Finding, ScanReport, Severity } from '../model/report.js';
import { compareStrings, sortFindings } from './sort-findings.js';

const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/genai-debt/genai-debt';

type ReportRule = ScanReport['rules'][number];

/**
 * Renders the report as a SARIF 2.1.0 log with one run, for code-scanning uploads and IDE
 * viewers. Locations are relative to the `%SRCROOT%` base id; diagnostics become tool
 * execution notifications rather than results, since they are not debt.
 */
export function formatSarif(report: ScanReport): string {
  const log = sarifLog(report, (ruleIndex) =>
    sortFindings(report.findings).map((finding) => findingResult(finding, ruleIndex.get(finding.ruleId))),
  );
  return JSON.stringify(log, null, 2) + '\n';
}

/**
 * The SARIF log of one run shared by the scan and check formats: the tool with the report's rules
 * (then `extraRules`, so the scan rules keep their indexes), the root, the diagnostics as
 * notifications, and the results `results` builds from the rule indexes.
 */
export function sarifLog(
  report: ScanReport,
  results: (ruleIndex: ReadonlyMap<string, number>) => Sarif.Result[],
  extraRules: readonly Sarif.ReportingDescriptor[] = [],
): Sarif.Log {
  const descriptors = firstOfEachId(report.rules).map(toReportingDescriptor);
  for (const rule of extraRules) if (!descriptors.some((d) => d.id === rule.id)) descriptors.push(rule);
  const ruleIndex = new Map(descriptors.map((rule, index) => [rule.id, index]));

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'genai-debt',
            version: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: descriptors,
          },
        },
        originalUriBaseIds: { [SRCROOT]: srcRoot(report.root) },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.diagnostics.map(toNotification),
          },
        ],
        results: results(ruleIndex),
      },
    ],
  };
}

/** Sorted by id so rule indexes do not depend on registration order; the first of duplicate ids wins. */
export function firstOfEachId<T extends { id: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}

function toReportingDescriptor(rule: ReportRule): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale },
    helpUri: rule.helpUri,
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: { category: rule.category, effortMinutes: rule.effortMinutes },
  };
}

/** A finding as a SARIF result; `index` is its rule's position in the driver's rules, when listed. */
export function findingResult(finding: Finding, index: number | undefined): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [sarifLocation(finding.file, finding.line, finding.column)],
    partialFingerprints: { 'genaiDebt/v1': finding.fingerprint },
    properties: { effortMinutes: finding.effortMinutes, ...(finding.team ? { team: finding.team } : {}) },
  };
}

function toNotification(diagnostic: Diagnostic): Sarif.Notification {
  return {
    message: { text: diagnostic.message },
    level: diagnostic.severity === 'warning' ? 'warning' : 'note',
    descriptor: { id: diagnostic.code },
    ...(diagnostic.file === undefined ? {} : { locations: [sarifLocation(diagnostic.file, diagnostic.line)] }),
  };
}

/** A file position relative to `%SRCROOT%`. */
export function sarifLocation(file: string, line?: number, column?: number): Sarif.Location {
  // SARIF lines and columns are 1-based; a 0 or missing position means "the whole file".
  const region: Sarif.Region | undefined =
    line !== undefined && line >= 1
      ? { startLine: line, ...(column !== undefined && column >= 1 ? { startColumn: column } : {}) }
      : undefined;
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
      ...(region ? { region } : {}),
    },
  };
}

export function sarifLevel(severity: Severity): Sarif.ReportingConfiguration.level {
  return severity === 'error' ? 'error' : 'warning';
}

/** `untraced-llm-call` → `UntracedLlmCall`: SARIF wants an identifier-like name besides the id. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** A relative path as a URI reference: posix separators, each segment percent-encoded (spaces, `#`, `:`). */
function relativeUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map(encodeURIComponent)
    .join('/');
}

/**
 * The root is given as typed on the command line. Only an absolute one can become the
 * `file:` URI SARIF wants; a relative one is left for the consumer to resolve (the reporter
 * does not read the working directory), and is kept in the description.
 */
function srcRoot(root: string): Sarif.ArtifactLocation {
  const description = { text: `The scanned root: ${root}` };
  const posix = root.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.exec(posix);
  if (!posix.startsWith('/') && !drive) return { description };
  const segments = posix.split('/').filter(Boolean);
  const encoded = segments.map((segment, i) => (i === 0 && drive ? segment : encodeURIComponent(segment)));
  return { uri: `file:///${encoded.join('/')}${encoded.length > 0 ? '/' : ''}`, description };
}
