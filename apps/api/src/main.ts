import { SwaggerModule } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { buildOpenApiDocument, createApp } from './create-app.js';
import { registerSpaHosting } from './common/spa-hosting.js';
import { DemoSeedService } from './modules/demo/demo-seed.service.js';
import { handleShutdown, loadConfigOrExit, startRuntime, stopAfterFailedStart } from './runtime.js';

/** HTTP entrypoint: the API, the two SPAs, and (RUN_WORKERS) the job workers. */
async function main(): Promise<void> {
  const runtime = await startRuntime(loadConfigOrExit());
  const { config, logger } = runtime;
  let app: NestFastifyApplication | null = null;
  handleShutdown(runtime, () => app);
  try {
    app = await createApp(config, logger, { runWorkers: config.runWorkers });
    const fastify = app.getHttpAdapter().getInstance();
    const document = buildOpenApiDocument(app);
    fastify.get('/api/openapi.json', (_request, reply) => reply.send(document));
    // The docs UI loads @fastify/static, which Jest cannot import; it lives only here.
    SwaggerModule.setup('api/docs', app, document, { raw: false, useGlobalPrefix: false });
    if (config.staticDirs) {
      const missing = await registerSpaHosting(fastify, config.staticDirs);
      if (missing.length) {
        logger.warn({ missing }, 'SPA builds not found; run "npm run build" to serve them');
      }
    }
    const seeder = app.get(DemoSeedService);
    await seeder.refuseIfExposed();
    if (config.seedDemo) {
      if (await seeder.seed()) logger.info('demo data created (first start)');
      seeder.printAccounts();
    }
    if (!config.loopbackOnly) {
      if (config.demoOnNetworkAllowed) {
        logger.warn(
          { host: config.host },
          'DANGEROUSLY_ALLOW_DEMO_ON_NETWORK: anyone who reaches this portal may sign in with a published demo password',
        );
      }
      if (!config.publicUrl.startsWith('https:')) {
        logger.warn(
          { host: config.host, publicUrl: config.publicUrl },
          'listening beyond this machine without https: put a reverse proxy that terminates TLS in front and set PUBLIC_URL to its https:// address',
        );
      }
    }
    await app.listen(config.port, config.host);
    logger.info(
      {
        url: config.publicUrl,
        database: runtime.embedded ? 'embedded' : 'external',
        queue: config.redisUrl ? 'redis' : 'postgres',
        mail: config.smtpUrl ? 'smtp' : `outbox (${config.outboxDir})`,
        workers: config.runWorkers,
      },
      `portal listening on ${config.publicUrl}`,
    );
  } catch (error) {
    await app?.close().catch(() => undefined);
    await stopAfterFailedStart(runtime, error);
  }
}

void main();
