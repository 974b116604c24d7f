import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createApp } from '../server/app.js';
import { loadServerConfig, type ServerConfig, uploadToken } from '../server/server-config.js';
import { Store } from '../store/store.js';
import { databasePath } from './database-path.js';
import { ExitCode } from './exit-codes.js';
import { UsageError } from './usage-error.js';
import type { CliIo } from './io.js';

export interface ServeFlags {
  db?: string;
  port: number;
  host: string;
  config?: string;
  /** Called with the dashboard's URL once it listens (the demo prints its next steps there). */
  onListening?: (url: string) => void;
}

/**
 * `genai-debt serve`: the dashboard on `host:port` (127.0.0.1 unless told otherwise) until SIGINT
 * or SIGTERM, then closes the server and the database and returns 0.
 */
export async function runServe(flags: ServeFlags, io: CliIo): Promise<number> {
  const config = loadServerConfig(flags.config === undefined ? undefined : resolve(io.cwd, flags.config));
  const token = uploadToken(config, io.env);
  const dbPath = databasePath(io, flags.db);
  const store = Store.open(dbPath);
  try {
    const scheduler = config.repositories.length === 0 ? undefined : await createScheduler(config, store, dbPath, io);
    const app = createApp({ store, uploadToken: token, uploadMaxBytes: config.upload.maxBytes, log: io.stderr, scheduler });
    const server = await new Promise<ReturnType<typeof app.listen>>((resolveListening, reject) => {
      const listening = app.listen(flags.port, flags.host, (error?: Error) => (error ? reject(error) : resolveListening(listening)));
    }).catch((error: NodeJS.ErrnoException) => {
      const reason = error.code === 'EADDRINUSE' ? 'the port is in use; pass --port with another one' : error.message;
      throw new UsageError(`Cannot listen on ${flags.host}:${flags.port}: ${reason}.`);
    });
    const { address, port } = server.address() as AddressInfo;
    const host = address.includes(':') ? `[${address}]` : address;
    io.stderr(
      `genai-debt: dashboard at http://${host}:${port}/ (database ${dbPath}; ${token ? 'uploads accepted at POST /api/scans' : 'read-only: no upload token'}). Stop with Ctrl-C.\n`,
    );
    flags.onListening?.(`http://${host}:${port}/`);
    scheduler?.start();
    await new Promise<void>((resolveStopped) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close(() => resolveStopped());
        // Keep-alive connections of browsers would hold close() open.
        server.closeAllConnections();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await scheduler?.stop();
    io.stderr('genai-debt: dashboard stopped\n');
    return ExitCode.ok;
  } finally {
    store.close();
  }
}

/** The scheduler of the config's `repositories` (loaded only then: it brings in the whole scan pipeline). */
async function createScheduler(config: ServerConfig, store: Store, dbPath: string, io: CliIo) {
  const { defaultMirrorsDir, Scheduler } = await import('../scheduler/scheduler.js');
  const mirrorsDir = defaultMirrorsDir(dbPath, config.mirrors);
  io.stderr(`genai-debt: scanning ${config.repositories.length} repositor${config.repositories.length === 1 ? 'y' : 'ies'} on schedule (mirrors in ${mirrorsDir}; status at /status)\n`);
  return new Scheduler({ store, config, mirrorsDir, log: io.stderr });
}
