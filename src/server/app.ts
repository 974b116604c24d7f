import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ejs from 'ejs';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { PACKAGE_ROOT, TOOL_VERSION } from '../package-root.js';
import type { Store } from '../store/store.js';
import { findingsCsv } from './findings-csv.js';
import { debtRating, formatChange, formatDuration, formatMinutes, formatShare, formatTime, RATING_COLORS } from './format.js';
import { loadOverview } from './overview-page.js';
import { BadRequestError, badgeQuery, findingsQuery, NotFoundError, overviewQuery, parseQuery, scanId } from './query-params.js';
import { exportedFindings, loadRepositoryPage } from './repository-page.js';
import { listRules, loadRulePage } from './rule-page.js';
import { loadScanPage } from './scan-page.js';
import { loadStatusPage, type SchedulerControl } from './status-page.js';
import { loadTeamPage } from './team-page.js';
import { createReportValidator, requireToken, storeUpload, UploadError } from './upload.js';
import { FAMILIES, teamSeries } from '../store/rollup.js';
import { DEFAULT_UPLOAD_MAX_BYTES } from './server-config.js';

const VIEWS_DIR = join(PACKAGE_ROOT, 'views');

// chart.js exports no subpath for its browser build; it sits beside the CommonJS entry point.
const CHART_JS = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

export interface AppOptions {
  store: Store;
  /** The bearer token uploads must carry; without one the server is read-only. */
  uploadToken?: string;
  uploadMaxBytes?: number;
  /** Where unexpected errors are written (with their stack). */
  log?: (line: string) => void;
  /** The scheduler of the config's `repositories`, for the status page and "scan now"; none: nothing is scheduled. */
  scheduler?: SchedulerControl;
}

/** Helpers every template may call; they return text that `<%= %>` then escapes. */
const helpers = {
  formatMinutes,
  formatChange,
  formatShare,
  formatTime,
  formatDuration,
  repoHref: (name: string, suffix = '') => `/repos/${encodeURIComponent(name)}${suffix}`,
  teamHref: (name: string, suffix = '') => `/teams/${encodeURIComponent(name)}${suffix}`,
  ruleHref: (id: string) => `/rules/${encodeURIComponent(id)}`,
  scanHref: (id: number) => `/scans/${id}`,
  /** `base` with `params` as its query; empty and undefined values dropped. */
  withQuery: (base: string, params: Record<string, string | number | undefined>) => {
    const entries = Object.entries(params).flatMap(([key, value]): [string, string][] => (value === undefined || value === '' ? [] : [[key, String(value)]]));
    const query = new URLSearchParams(entries).toString();
    return query ? `${base}?${query}` : base;
  },
  toolVersion: TOOL_VERSION,
  families: FAMILIES,
};

type Loader = (request: Request) => object;

/**
 * The dashboard: HTML pages rendered with ejs, each also as JSON under `/api`, badges, CSV, and
 * the upload endpoint. Reads go through the store's prepared dashboard queries.
 */
export function createApp(options: AppOptions): express.Express {
  const { store } = options;
  const queries = store.dashboard();
  const assertReport = createReportValidator();
  const app = express();
  app.engine('ejs', ejs.renderFile);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  app.set('query parser', 'simple');
  Object.assign(app.locals, helpers);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );

  app.get('/assets/chart.umd.js', (_request, response) => response.sendFile(CHART_JS));
  // Browsers ask for it on every page; no icon is better than a 404 in every console.
  app.get('/favicon.ico', (_request, response) => response.status(204).end());
  app.use('/assets', express.static(join(VIEWS_DIR, 'assets'), { index: false, fallthrough: false }));

  /** One page: HTML at `path` and the same data as JSON at `/api{path}` (`/api/overview` for `/`). */
  const page = (path: string, view: string, load: Loader) => {
    app.get(path, (request, response) => response.render(view, load(request)));
    app.get(path === '/' ? '/api/overview' : `/api${path}`, (request, response) => {
      response.json(load(request));
    });
  };

  page('/', 'overview', (request) => loadOverview(queries, parseQuery(overviewQuery, request.query)));
  page('/teams/:team', 'team', (request) => loadTeamPage(queries, request.params.team as string));
  page('/repos/:repo', 'repository', (request) => loadRepositoryPage(queries, request.params.repo as string, parseQuery(findingsQuery, request.query)));
  page('/scans/:id', 'scan', (request) => loadScanPage(queries, parseScanId(request.params.id as string)));
  page('/rules', 'rules', () => ({ rules: listRules() }));
  page('/rules/:id', 'rule', (request) => loadRulePage(queries, request.params.id as string));
  page('/status', 'status', () => loadStatusPage(options.scheduler, options.uploadToken !== undefined));

  app.get('/repos/:repo/findings.csv', (request, response) => {
    const rows = exportedFindings(queries, request.params.repo, parseQuery(findingsQuery, request.query));
    response.attachment('genai-debt-findings.csv').type('text/csv; charset=utf-8').send(findingsCsv(rows));
  });

  const badge = (response: Response, minutes: number, metric: 'debt' | 'rating') => {
    const rating = debtRating(minutes);
    const value = metric === 'rating' ? rating : formatMinutes(minutes);
    response.type('image/svg+xml').set('Cache-Control', 'no-cache').render('badge', { label: metric === 'rating' ? 'genai debt rating' : 'genai debt', value, color: RATING_COLORS[rating] });
  };
  app.get('/repos/:repo/badge.svg', (request, response) => {
    const { metric } = parseQuery(badgeQuery, request.query);
    const name = request.params.repo;
    const repository = queries.repository(name);
    const last = repository && queries.lastDayOf(repository.id, repository.mainBranch);
    if (!last) throw new NotFoundError(`No repository named ${name} is stored.`);
    badge(response, last.totals.debt ?? 0, metric);
  });
  app.get('/teams/:team/badge.svg', (request, response) => {
    const { metric } = parseQuery(badgeQuery, request.query);
    const team = request.params.team;
    const asOf = queries.lastDay();
    if (asOf === undefined || !queries.teams().includes(team)) throw new NotFoundError(`No team named ${team} owns anything in the stored scans.`);
    badge(response, queries.portfolioTotals(asOf).get(teamSeries('debt', team)) ?? 0, metric);
  });

  app.post(
    '/api/scans',
    requireToken(options.uploadToken),
    express.json({ limit: options.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES, strict: true }),
    (request, response) => {
      if (!request.is('application/json')) throw new UploadError(415, 'Expected Content-Type: application/json.');
      const saved = storeUpload(store, request.body, assertReport);
      response.status(201).json({ ...saved, url: `/scans/${saved.scanId}` });
    },
  );

  // "Scan now": the same bearer token as uploads; 202 when queued (or already queued), 409 while it runs.
  app.post('/api/repositories/:name/scan', requireToken(options.uploadToken), (request, response) => {
    const name = request.params.name as string;
    const result = options.scheduler?.requestScan(name) ?? 'unknown';
    if (result === 'unknown') {
      throw new NotFoundError(
        options.scheduler
          ? `No scheduled repository named ${name}; the server config's repositories: lists the names.`
          : 'This server scans no repositories on a schedule (its config lists no repositories:).',
      );
    }
    if (result === 'running') throw new UploadError(409, `${name} is being scanned now; ask again when the run has finished (see /api/status).`);
    response.status(202).json({ repository: name, state: 'queued', wasQueued: result === 'already-queued', status: '/api/status' });
  });

  app.use((request) => {
    throw new NotFoundError(`Nothing at ${request.path}.`);
  });
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const { status, message } = describeError(error);
    if (status >= 500) options.log?.(`genai-debt serve: ${request.method} ${request.originalUrl} failed: ${(error as Error).stack ?? String(error)}\n`);
    response.status(status);
    if (request.path.startsWith('/api/') || request.method !== 'GET') response.json({ error: message });
    else response.render(status === 404 ? 'not-found' : 'error', { status, message });
  });
  return app;
}

function parseScanId(text: string): number {
  const result = scanId.safeParse(text);
  if (!result.success) throw new NotFoundError(`No scan with id ${text}: scan ids are positive integers.`);
  return result.data;
}

function describeError(error: unknown): { status: number; message: string } {
  if (error instanceof NotFoundError) return { status: 404, message: error.message };
  if (error instanceof BadRequestError) return { status: 400, message: error.message };
  if (error instanceof UploadError) return { status: error.status, message: error.message };
  // body-parser's errors carry an HTTP status and a type.
  const http = error as { status?: number; type?: string; limit?: number };
  if (http.type === 'entity.too.large') return { status: 413, message: `The body is larger than this server accepts (${http.limit} bytes; upload.maxBytes in the server config).` };
  if (http.type === 'entity.parse.failed') return { status: 400, message: 'The body is not valid JSON.' };
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500) return { status: http.status, message: (error as Error).message };
  return { status: 500, message: 'The server failed to answer this request; its log has the details.' };
}
