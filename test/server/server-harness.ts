import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ScanReport } from '../../src/model/report.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { runCliAsync } from '../history/history-harness.js';
import { SUPPORT_BOT } from '../cli/cli-harness.js';

export interface RunningServer {
  url: string;
  store: Store;
  log: string[];
  close: () => Promise<void>;
}

/** The dashboard on 127.0.0.1 at a free port, over a real SQLite file. */
export async function startServer(options: { dbPath: string; uploadToken?: string; uploadMaxBytes?: number }): Promise<RunningServer> {
  const store = Store.open(options.dbPath);
  const log: string[] = [];
  const app = createApp({ store, uploadToken: options.uploadToken, uploadMaxBytes: options.uploadMaxBytes, log: (line) => log.push(line) });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    log,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

/** The JSON report of the built CLI's scan of the CLI fixture project (a real, schema-valid report). */
export async function supportBotReport(home: string): Promise<ScanReport> {
  const run = await runCliAsync(['scan', SUPPORT_BOT, '--format', 'json'], { home: join(home, 'home') });
  if (run.status !== 0) throw new Error(`scan failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as ScanReport;
}

/** POSTs an upload body to the server. */
export function upload(url: string, body: string, token?: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${url}/api/scans`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body,
  });
}
