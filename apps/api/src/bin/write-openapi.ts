import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRootLogger } from '../common/logger.js';
import { loadConfig, REPO_ROOT } from '../config/config.js';
import { buildOpenApiDocument, createApp } from '../create-app.js';

/**
 * Writes the OpenAPI document to packages/api-client/openapi.json. The module graph is
 * built in preview mode: no database, queue or mail connection is opened.
 */
async function main(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'postgres://preview@localhost/preview',
    LOG_LEVEL: 'warn',
  });
  const app = await createApp(config, createRootLogger(config), { preview: true });
  const document = buildOpenApiDocument(app);
  const target = path.join(REPO_ROOT, 'packages/api-client/openapi.json');
  await writeFile(target, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
  process.exit(0);
}

void main();
