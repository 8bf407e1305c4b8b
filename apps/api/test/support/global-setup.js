// Plain JavaScript on the built code: Jest loads global setup outside its module mapper.
import path from 'node:path';
import { pino } from 'pino';
import { REPO_ROOT } from '../../dist/config/config.js';
import { EmbeddedDatabase } from '../../dist/infra/database/embedded-postgres.js';

/**
 * Integration tests run on a real PostgreSQL: DATABASE_URL when set (CI's production shape),
 * otherwise an embedded one kept in .data/test-pg. Tests create their own rows and never
 * truncate, so they run in any order and against a database that already holds data.
 */
export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const embedded = new EmbeddedDatabase({
    dataDir: path.join(REPO_ROOT, '.data/test-pg'),
    port: Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339),
    logger: pino({ level: 'warn' }),
  });
  process.env.TEST_DATABASE_URL = await embedded.start();
  globalThis.__embeddedDatabase = embedded;
}
