import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { PinoNestLogger } from '../common/logger.js';
import { DemoSeedService } from '../modules/demo/demo-seed.service.js';
import { ConfigError } from '../config/config.js';
import { loadConfigOrExit, startRuntime } from '../runtime.js';

/**
 * `npm run seed -w @portal/api`: adds the demo accounts to the configured database. Their
 * password is published, so a portal configured to listen beyond this machine (HOST) is
 * refused unless DANGEROUSLY_ALLOW_DEMO_ON_NETWORK=true.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.loopbackOnly && !config.demoOnNetworkAllowed) {
    process.stderr.write(
      `${
        new ConfigError(
          'HOST',
          `HOST=${config.host} listens beyond this machine and the demo accounts have a published ` +
            'password. Seed only a portal on 127.0.0.1, or (a throw-away demo only) set ' +
            'DANGEROUSLY_ALLOW_DEMO_ON_NETWORK=true',
        ).message
      }\n`,
    );
    process.exit(78);
  }
  const runtime = await startRuntime(config);
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
