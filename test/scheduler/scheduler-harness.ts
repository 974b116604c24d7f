import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app.js';
import type { ServerConfig } from '../../src/server/server-config.js';
import { scanScheduledRepository } from '../../src/scheduler/scan-scheduled-repository.js';
import { Scheduler, type SchedulerEvent } from '../../src/scheduler/scheduler.js';
import { Store } from '../../src/store/store.js';

/** An LLM call with no tracing, no token limit and a floating model id: a few findings to store. */
export const SUMMARIZE_TICKET = `import OpenAI from 'openai';

const client = new OpenAI();

export async function summarizeTicket(ticket: string) {
  const response = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: ticket }],
  });
  return response.choices[0]?.message.content;
}
`;

/** A second call, added by a later commit. */
export const CLASSIFY_TICKET = `import OpenAI from 'openai';

const client = new OpenAI();

export async function classifyTicket(ticket: string) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket }] });
}
`;

/** A real dashboard with a scheduler on a clock the test sets, over a real SQLite file. */
export interface ScheduledServer {
  url: string;
  store: Store;
  scheduler: Scheduler;
  events: SchedulerEvent[];
  log: string[];
  /**
   * Holds the next runs of `name` before they fetch or scan, until the returned function is called:
   * a run the test can see running for as long as it needs.
   */
  hold: (name: string) => () => void;
  close: () => Promise<void>;
}

/**
 * Opens the database, builds the scheduler without timers (the test calls `runDue` with its
 * clock), and serves the dashboard on 127.0.0.1 at a free port. The scheduler is not started.
 */
export async function startScheduledServer(options: { dbPath: string; mirrorsDir: string; config: ServerConfig; token: string; now: () => Date }): Promise<ScheduledServer> {
  const store = Store.open(options.dbPath);
  const events: SchedulerEvent[] = [];
  const log: string[] = [];
  const holds = new Map<string, Promise<void>>();
  const scheduler = new Scheduler({
    store,
    config: options.config,
    mirrorsDir: options.mirrorsDir,
    now: options.now,
    useTimers: false,
    log: (line) => log.push(line),
    onEvent: (event) => events.push(event),
    scan: async (repository, context) => {
      await holds.get(repository.name);
      return scanScheduledRepository(repository, context);
    },
  });
  const app = createApp({ store, uploadToken: options.token, scheduler, log: (line) => log.push(line) });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    scheduler,
    events,
    log,
    hold: (name) => {
      let release = () => {};
      holds.set(name, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(name);
        release();
      };
    },
    close: async () => {
      await scheduler.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

/**
 * Per repository, the runs in event order must alternate started → finished: a second start
 * before the first run finished would be a repository scanned twice at once.
 *
 * @returns the most runs in progress at one time, over all repositories
 */
export function assertNoOverlap(events: readonly SchedulerEvent[]): number {
  const running = new Set<string>();
  let most = 0;
  for (const event of events) {
    if (event.type === 'started') {
      if (running.has(event.repository)) throw new Error(`${event.repository} started while its previous run was still running`);
      running.add(event.repository);
      most = Math.max(most, running.size);
    } else if (event.type === 'finished') {
      if (!running.delete(event.repository)) throw new Error(`${event.repository} finished a run that never started`);
    }
  }
  return most;
}
