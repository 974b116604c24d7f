/**
 * `npm run bench:dashboard -- [--db <file>] [--repos 100] [--days 365] [--requests 200]`
 *
 * Generates a history database of `--repos` repositories × `--days` daily scans through
 * `Store.saveScan` (the same transaction the CLI and uploads use; reused when `--db` names an
 * existing file), starts the dashboard on 127.0.0.1, and requests every page type `--requests`
 * times one after another. Prints p50/p95 per page in milliseconds and, as the figure to compare
 * across machines, the ratio of each page's p95 to the p95 of a static asset from the same server
 * in the same run.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtInRules } from '../rules/index.js';
import type { Finding, ScanReport, TeamMetrics } from '../src/model/report.js';
import { createApp } from '../src/server/app.js';
import { Store } from '../src/store/store.js';

const DAY_MS = 86_400_000;
const TEAMS = Array.from({ length: 12 }, (_, index) => `@acme/team-${String(index + 1).padStart(2, '0')}`);
/** Candidate findings per repository; about half are open on any day. */
const CANDIDATES = 90;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/** A small deterministic generator (mulberry32), so every run builds the same database. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Candidate {
  finding: Finding;
  opens: number;
  closes: number;
}

/** A repository's findings over the year: each candidate is open from one day to a later one. */
function candidatesOf(repo: number, days: number, teams: string[]): Candidate[] {
  const next = random(repo + 1);
  return Array.from({ length: CANDIDATES }, (_, index) => {
    const rule = builtInRules[Math.floor(next() * builtInRules.length)]!;
    const file = `src/${teams[index % teams.length]!.slice(6)}/module-${index % 17}.ts`;
    const opens = Math.floor(next() * days * 0.8);
    return {
      opens,
      closes: next() < 0.4 ? opens + Math.floor(next() * days) : days,
      finding: {
        ruleId: rule.id,
        category: rule.category,
        severity: next() < 0.15 ? 'error' : 'warning',
        message: `Generated finding ${index} of ${rule.id} in repository ${repo}.`,
        file,
        line: 10 + index,
        column: 3,
        fingerprint: `r${repo}-f${index}`,
        contentFingerprint: `r${repo}-c${index}`,
        anchorFingerprint: `r${repo}-a${index}`,
        effortMinutes: rule.effortMinutes,
        team: teams[index % teams.length]!,
      },
    };
  });
}

function reportOf(repo: number, day: number, at: string, candidates: Candidate[], teams: string[]): ScanReport {
  const findings = candidates.filter((candidate) => candidate.opens <= day && day < candidate.closes).map((candidate) => candidate.finding);
  const llmCalls = 20 + (repo % 30) + Math.floor(day / 30);
  const tracedCalls = Math.min(llmCalls, 5 + Math.floor(day / 20));
  const byCategory = { tracing: 0, 'tool-sprawl': 0, prompts: 0, evals: 0, hygiene: 0 };
  for (const finding of findings) byCategory[finding.category] += 1;
  const teamMetrics: Record<string, TeamMetrics> = {};
  for (const team of teams) {
    const own = findings.filter((finding) => finding.team === team);
    teamMetrics[team] = {
      llmCalls: Math.round(llmCalls / teams.length),
      tracedCalls: Math.round(tracedCalls / teams.length),
      untracedCalls: 0,
      evalCoveredCalls: Math.round(llmCalls / teams.length / 3),
      tools: 12,
      largestToolSet: 8 + (repo % 20),
      prompts: 5,
      totalPromptTokens: 4000,
      largestPromptTokens: 1200 + day * 3,
      findings: { error: own.filter((finding) => finding.severity === 'error').length, warning: own.filter((finding) => finding.severity === 'warning').length },
      debtMinutes: own.reduce((sum, finding) => sum + finding.effortMinutes, 0),
    };
  }
  const owners = Object.fromEntries(findings.map((finding) => [finding.file, finding.team!]));
  const prompts = Array.from({ length: 6 }, (_, index) => ({
    id: `prompt-${index}`,
    file: `src/prompts/prompt-${index}.ts`,
    line: 1,
    name: `PROMPT_${index}`,
    role: 'system',
    tokens: 300 * (index + 1) + day * (index + 1),
    characters: 1200 * (index + 1),
    sections: 3,
  }));
  const toolSets = Array.from({ length: 3 }, (_, index) => ({ file: `src/agents/agent-${index}.ts`, line: 5, holder: `agent${index}`, count: 5 + index * 7 + (repo % 9), isComplete: true }));
  return {
    tool: { name: 'genai-debt', version: 'bench' },
    root: '.',
    scannedAt: at,
    inventory: { llmCalls: [], tracingSetups: [], tools: [], toolSets, prompts, evals: [] } as unknown as ScanReport['inventory'],
    findings,
    metrics: {
      filesScanned: 400,
      llmCalls,
      embeddingCalls: 0,
      tracedCalls,
      untracedCalls: llmCalls - tracedCalls,
      unknownTracingCalls: 0,
      tracedShare: Math.round((tracedCalls / llmCalls) * 1000) / 1000,
      tools: 12 * teams.length,
      largestToolSet: 8 + (repo % 20),
      duplicateTools: 1,
      prompts: prompts.length,
      totalPromptTokens: prompts.reduce((sum, prompt) => sum + prompt.tokens, 0),
      largestPromptTokens: prompts.at(-1)!.tokens,
      evalSuites: 1,
      evalCoverage: 0.333,
      findings: { error: findings.filter((finding) => finding.severity === 'error').length, warning: findings.filter((finding) => finding.severity === 'warning').length },
      findingsByCategory: byCategory,
      debtMinutes: findings.reduce((sum, finding) => sum + finding.effortMinutes, 0),
    },
    owners,
    teamMetrics,
    diagnostics: [],
    rules: [],
  };
}

function generate(dbPath: string, repos: number, days: number): number {
  const started = performance.now();
  const store = Store.open(dbPath);
  const firstDay = Math.floor(Date.now() / DAY_MS) * DAY_MS - days * DAY_MS;
  try {
    for (let repo = 0; repo < repos; repo += 1) {
      const teams = [TEAMS[repo % TEAMS.length]!, ...(repo % 3 === 0 ? [TEAMS[(repo + 5) % TEAMS.length]!] : [])];
      const candidates = candidatesOf(repo, days, teams);
      for (let day = 0; day < days; day += 1) {
        const at = new Date(firstDay + day * DAY_MS + 9 * 3_600_000).toISOString();
        store.saveScan(
          {
            repository: `github.com/acme/service-${String(repo).padStart(3, '0')}`,
            kind: 'commit',
            commit: `${repo.toString(16).padStart(4, '0')}${day.toString(16).padStart(36, '0')}`,
            branch: 'main',
            commitTime: at,
            configHash: 'bench',
            rulesHash: 'bench',
            report: reportOf(repo, day, at, candidates, teams),
          },
          () => undefined,
        );
      }
      if ((repo + 1) % 10 === 0) process.stderr.write(`bench: generated ${repo + 1}/${repos} repositories × ${days} scans\n`);
    }
  } finally {
    store.close();
  }
  return (performance.now() - started) / 1000;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

async function measure(url: string, requests: number): Promise<{ p50: number; p95: number; status: number }> {
  let status = 0;
  const times: number[] = [];
  for (let index = 0; index < requests + 5; index += 1) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    status = response.status;
    // The first five warm up statement caches and the JIT.
    if (index >= 5) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), status };
}

async function main(): Promise<number> {
  const repos = option('repos', 100);
  const days = option('days', 365);
  const requests = option('requests', 200);
  const dbIndex = process.argv.indexOf('--db');
  const scratch = dbIndex === -1 ? mkdtempSync(join(tmpdir(), 'genai-debt-bench-')) : undefined;
  const dbPath = dbIndex === -1 ? join(scratch!, 'dashboard.db') : process.argv[dbIndex + 1]!;
  try {
    if (!existsSync(dbPath)) {
      const seconds = generate(dbPath, repos, days);
      process.stderr.write(`bench: generated ${repos * days} scans in ${seconds.toFixed(1)} s (${dbPath})\n`);
    }
    const store = Store.open(dbPath);
    const app = createApp({ store, uploadToken: undefined });
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const overview = (await (await fetch(`${base}/api/overview`)).json()) as { repositories: { name: string; scanId: number }[]; teams: { name: string }[] };
      const repo = encodeURIComponent(overview.repositories[0]!.name);
      const team = encodeURIComponent(overview.teams[0]!.name);
      const scan = overview.repositories[0]!.scanId;
      const since = new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10);
      const pages: Record<string, string> = {
        'static asset (peer)': '/assets/dashboard.css',
        overview: '/',
        'overview JSON': '/api/overview',
        'overview sorted': '/?repoSort=name&repoDir=asc&teamSort=tracedShare',
        team: `/teams/${team}`,
        repository: `/repos/${repo}`,
        'repository JSON': `/api/repos/${repo}`,
        'repository filtered, new since 30 days': `/repos/${repo}?family=tracing&severity=warning&newSince=${since}`,
        'repository page 2': `/repos/${repo}?page=2`,
        scan: `/scans/${scan}`,
        rule: '/rules/no-untraced-llm-call',
        rules: '/rules',
        'CSV export': `/repos/${repo}/findings.csv`,
        'repository badge': `/repos/${repo}/badge.svg`,
        'team badge': `/teams/${team}/badge.svg`,
        'not found': '/repos/nothing',
      };
      const results: Record<string, { p50: number; p95: number; status: number }> = {};
      for (const [name, path] of Object.entries(pages)) results[name] = await measure(`${base}${path}`, requests);
      const peer = results['static asset (peer)']!.p95;
      const rows = Object.entries(results).map(([name, { p50, p95, status }]) => ({
        page: name,
        status,
        p50Ms: Math.round(p50 * 100) / 100,
        p95Ms: Math.round(p95 * 100) / 100,
        p95VsPeer: Math.round((p95 / peer) * 10) / 10,
      }));
      process.stdout.write(`${JSON.stringify({ repositories: repos, days, requestsPerPage: requests, pages: rows }, null, 2)}\n`);
      const slowest = rows.reduce((worst, row) => (row.p95Ms > worst.p95Ms ? row : worst));
      process.stderr.write(`bench: slowest p95 ${slowest.p95Ms} ms (${slowest.page}); target 100 ms\n`);
    } finally {
      server.closeAllConnections();
      server.close();
      store.close();
    }
    return 0;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main();
