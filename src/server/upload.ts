import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';
import * as z from 'zod';
import type { ScanReport } from '../model/report.js';
import { PACKAGE_ROOT } from '../package-root.js';
import type { SavedScan, Store } from '../store/store.js';
import { BadRequestError } from './query-params.js';

/** The body of `POST /api/scans`, as `genai-debt scan --upload` sends it. */
const uploadEnvelope = z.strictObject({
  repository: z.string().min(1).max(300),
  commit: z.string().regex(/^[0-9a-f]{7,64}$/, 'expected a hexadecimal commit id').optional(),
  branch: z.string().min(1).max(300).optional(),
  commitTime: z.iso.datetime({ offset: true }).optional(),
  report: z.unknown(),
});

/** An upload that was refused: the status and the reason sent back. */
export class UploadError extends Error {
  override readonly name = 'UploadError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Checks `Authorization: Bearer <token>` before the body is read. Both sides are hashed first,
 * so `timingSafeEqual` compares buffers of one length and the time taken tells nothing of the token.
 */
export function requireToken(token: string | undefined) {
  const expected = token === undefined ? undefined : sha256(token);
  return (request: Request, _response: Response, next: NextFunction) => {
    if (expected === undefined) {
      next(new UploadError(403, 'This server is read-only: no upload token is configured (set GENAI_DEBT_TOKEN or upload.token in the server config).'));
      return;
    }
    const match = /^Bearer (\S+)$/.exec(request.get('authorization') ?? '');
    if (!match || !timingSafeEqual(sha256(match[1]!), expected)) {
      next(new UploadError(401, 'Missing or wrong bearer token: send Authorization: Bearer <token> with the token the server is configured with.'));
      return;
    }
    next();
  };
}

/** Throws {@link BadRequestError} naming the first problems when `report` is not a scan report. */
export type ReportAssertion = (report: unknown) => asserts report is ScanReport;

/** Validates upload bodies against `schemas/scan-report.schema.json`, the schema of `scan --format json`. */
export function createReportValidator(): ReportAssertion {
  const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas/scan-report.schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // ajv-formats is CommonJS: under NodeNext the default import is `module.exports`.
  ajvFormats.default(ajv);
  const validate = ajv.compile<ScanReport>(schema);
  return (report: unknown): asserts report is ScanReport => {
    if (validate(report)) return;
    const reasons = (validate.errors ?? []).slice(0, 5).map((error) => `report${error.instancePath} ${error.message ?? 'is invalid'}`);
    throw new BadRequestError(`The report does not match the scan report schema: ${reasons.join('; ')}`);
  };
}

/** Validates an upload body and stores it as one scan of kind `upload`, in one transaction. */
export function storeUpload(store: Store, body: unknown, assertReport: ReportAssertion): SavedScan & { repository: string } {
  if (body === undefined || body === null || typeof body !== 'object') throw new BadRequestError('Expected a JSON object body with Content-Type: application/json.');
  const parsed = uploadEnvelope.safeParse(body);
  if (!parsed.success) {
    throw new BadRequestError(`Invalid upload: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message.replace(/^Invalid input: /, '')}`).join('; ')}`);
  }
  const { repository, commit, branch, commitTime, report } = parsed.data;
  assertReport(report);
  const rules = report.rules.map((rule) => `${rule.id}:${rule.severity}`).sort();
  const saved = store.saveScan(
    {
      repository,
      kind: 'upload',
      commit,
      branch,
      commitTime: commitTime === undefined ? undefined : new Date(commitTime).toISOString(),
      // The runner's config is not sent; uploads are told apart from local scans by kind.
      configHash: 'upload',
      rulesHash: sha256(rules.join('\n')).toString('hex'),
      report,
    },
    // The server has no clone: findings of renamed files match by their anchor fingerprint.
    () => undefined,
  );
  return { ...saved, repository };
}
