import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import { createRootLogger } from './common/logger.js';
import { ConfigError, loadConfig, type AppConfig } from './config/config.js';
import type { EmbeddedDatabase } from './infra/database/embedded-postgres.js';
import path from 'node:path';

export interface Runtime {
  config: AppConfig;
  logger: Logger;
  embedded: EmbeddedDatabase | null;
}

/** Reads the configuration or stops the process with a message naming the bad variable. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/** Starts the embedded PostgreSQL when no DATABASE_URL is given. */
export async function startRuntime(config: AppConfig): Promise<Runtime> {
  const logger = createRootLogger(config);
  if (config.databaseUrl) return { config, logger, embedded: null };
  // Loaded only in the embedded shape: production never needs the package.
  const { EmbeddedDatabase } = await import('./infra/database/embedded-postgres.js');
  const embedded = new EmbeddedDatabase({
    dataDir: path.join(config.dataDir, 'pg'),
    port: config.embeddedPgPort,
    logger,
  });
  const databaseUrl = await embedded.start();
  return { config: { ...config, databaseUrl }, logger, embedded };
}

/**
 * One shutdown path for every way out: signals, a failed start, an uncaught error.
 * Order: stop taking requests and finish in-flight ones, close workers and queues,
 * close the database pool, then stop the embedded PostgreSQL.
 */
export function handleShutdown(
  runtime: Runtime,
  getApp: () => INestApplicationContext | null,
): void {
  let stopping = false;
  const stop = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    runtime.logger.info({ reason }, 'shutting down');
    const force = setTimeout(() => {
      runtime.logger.error('shutdown took longer than 30 s; exiting');
      process.exit(1);
    }, 30_000);
    force.unref();
    try {
      await getApp()?.close();
    } catch (error) {
      runtime.logger.error({ err: error }, 'error while closing the application');
      exitCode = exitCode || 1;
    }
    try {
      await runtime.embedded?.stop();
    } catch (error) {
      runtime.logger.error({ err: error }, 'error while stopping the embedded PostgreSQL');
    }
    runtime.logger.info('stopped');
    process.exit(exitCode);
  };
  // `on`, not `once`: a second Ctrl-C while stopping must not fall through to a hard kill.
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));
  process.on('uncaughtException', (error) => {
    runtime.logger.fatal({ err: error }, 'uncaught exception');
    void stop('uncaughtException', 1);
  });
  process.on('unhandledRejection', (error) => {
    runtime.logger.fatal({ err: error }, 'unhandled promise rejection');
    void stop('unhandledRejection', 1);
  });
  return;
}

export async function stopAfterFailedStart(runtime: Runtime, error: unknown): Promise<never> {
  await runtime.embedded?.stop().catch(() => undefined);
  if (error instanceof ConfigError) {
    // A refusal found once the database is open (demo accounts on a reachable portal).
    runtime.logger.fatal(error.message);
    process.stderr.write(`${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  runtime.logger.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}
