import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { postgresBackend, redisBackend } from './queue-backend.js';
import { QueueService } from './queue.service.js';
import { QUEUE_BACKEND } from './queue.tokens.js';
import { WORKERS_ENABLED, WorkerHost } from './worker-host.js';

/** BullMQ: Redis when REDIS_URL is set, otherwise its PostgreSQL backend in the app database. */
@Global()
@Module({})
export class QueueModule {
  static register(options: { runWorkers: boolean }): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers: [
        {
          provide: QUEUE_BACKEND,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            config.redisUrl ? redisBackend(config.redisUrl) : postgresBackend(config.databaseUrl!),
        },
        { provide: WORKERS_ENABLED, useValue: options.runWorkers },
        QueueService,
        WorkerHost,
      ],
      exports: [QueueService],
    };
  }
}
