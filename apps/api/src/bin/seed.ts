import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { PinoNestLogger } from '../common/logger.js';
import { DemoSeedService } from '../modules/demo/demo-seed.service.js';
import { loadConfigOrExit, startRuntime } from '../runtime.js';

/** `npm run seed -w @portal/api`: adds the demo accounts to the configured database. */
async function main(): Promise<void> {
  const runtime = await startRuntime(loadConfigOrExit());
  const app = await NestFactory.createApplicationContext(
    AppModule.register(runtime.config, runtime.logger, { runWorkers: false }),
    { logger: new PinoNestLogger(runtime.logger) },
  );
  try {
    const seeder = app.get(DemoSeedService);
    const created = await seeder.seed();
    runtime.logger.info(created ? 'demo data created' : 'demo data already present');
    seeder.printAccounts();
  } finally {
    await app.close();
    await runtime.embedded?.stop();
  }
}

void main();
