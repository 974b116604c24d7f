import type { ScanReport } from '../model/report.js';
import { identifyRepository } from '../scan/repository-identity.js';
import { ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * Sends a scan to a dashboard's `POST /api/scans` with the bearer token from the environment
 * variable `tokenEnv`. Prints one line naming the URL and the reason on failure.
 *
 * @returns the exit code: ok, or error when the upload failed
 */
export async function uploadScan(
  report: ScanReport,
  options: { path: string; url: string; tokenEnv: string; repoName?: string },
  io: CliIo,
): Promise<number> {
  const token = io.env[options.tokenEnv];
  if (!token) {
    io.stderr(`genai-debt: cannot upload: the environment variable ${options.tokenEnv} (--token-env) holds no token.\n`);
    return ExitCode.error;
  }
  let endpoint: URL;
  try {
    // Relative to the given URL, so a dashboard behind a path prefix (https://host/debt/) works.
    endpoint = new URL('api/scans', options.url.endsWith('/') ? options.url : `${options.url}/`);
  } catch {
    io.stderr(`genai-debt: cannot upload: ${options.url} is not a URL (expected such as https://debt.example.internal).\n`);
    return ExitCode.error;
  }
  const identity = await identifyRepository(options.path, options.repoName);
  const body = {
    repository: identity.name,
    ...(identity.head ? { commit: identity.head.commit, commitTime: identity.head.time.toISOString() } : {}),
    ...(identity.head?.branch ? { branch: identity.head.branch } : {}),
    report,
  };
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: Error }).cause;
    io.stderr(`genai-debt: upload to ${endpoint.href} failed: ${cause?.message ?? (error as Error).message}\n`);
    return ExitCode.error;
  }
  const text = await response.text();
  if (!response.ok) {
    let reason = text.slice(0, 500);
    try {
      reason = (JSON.parse(text) as { error?: string }).error ?? reason;
    } catch {
      // Not JSON (a proxy's error page): the start of the text is the reason.
    }
    io.stderr(`genai-debt: upload to ${endpoint.href} failed: HTTP ${response.status}: ${reason}\n`);
    return ExitCode.error;
  }
  const saved = JSON.parse(text) as { scanId: number; added: number; fixed: number; url: string };
  io.stderr(`genai-debt: uploaded scan ${saved.scanId} of ${identity.name} to ${new URL(saved.url, endpoint).href}: ${saved.added} new, ${saved.fixed} fixed\n`);
  return ExitCode.ok;
}
