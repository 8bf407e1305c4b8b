import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock } from '../common/clock.js';
import { ServerKeys } from '../common/server-keys.js';
import type { AppConfig } from './config.js';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** Makes the validated configuration (APP_CONFIG), the pino logger (ROOT_LOGGER), the Clock and the ServerKeys injectable. */
@Global()
@Module({})
export class ConfigModule {
  static register(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ROOT_LOGGER, useValue: logger },
        Clock,
        { provide: ServerKeys, useValue: new ServerKeys(config.secretKeys) },
      ],
      exports: [APP_CONFIG, ROOT_LOGGER, Clock, ServerKeys],
    };
  }
}
