import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from './app.module.js';
import { PinoNestLogger } from './common/logger.js';
import { handleShutdown, loadConfigOrExit, startRuntime, stopAfterFailedStart } from './runtime.js';

/** Worker entrypoint: the same modules, no HTTP; runs every queue's workers. */
async function main(): Promise<void> {
  const runtime = await startRuntime(loadConfigOrExit());
  let app: INestApplicationContext | null = null;
  handleShutdown(runtime, () => app);
  try {
    app = await NestFactory.createApplicationContext(
      AppModule.register(runtime.config, runtime.logger, { runWorkers: true }),
      {
        logger: new PinoNestLogger(runtime.logger.child({ component: 'nest' })),
        abortOnError: false,
      },
    );
    runtime.logger.info('worker running');
  } catch (error) {
    await app?.close().catch(() => undefined);
    await stopAfterFailedStart(runtime, error);
  }
}

void main();
