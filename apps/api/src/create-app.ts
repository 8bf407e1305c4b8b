import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { PinoNestLogger } from './common/logger.js';
import { ProblemFilter } from './common/problem.filter.js';
import { registerCompression } from './common/compression.js';
import { registerContentTypeCheck, registerNulCheck } from './common/content-type.js';
import { registerCsrfProtection } from './common/csrf.js';
import { registerRouteBodyLimits } from './common/route-body-limit.js';
import { registerSecurityHeaders } from './common/security-headers.js';
import { createValidationPipe } from './common/validation.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface CreateAppOptions {
  runWorkers?: boolean;
  /** Build the module graph without connecting to anything (OpenAPI generation). */
  preview?: boolean;
}

/** Builds the HTTP application: the same wiring for the server, the tests and the OpenAPI writer. */
export async function createApp(
  config: AppConfig,
  logger: Logger,
  options: CreateAppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    // Keep a caller's request id when it looks safe, so a trace spans services.
    genReqId: (req: IncomingMessage) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    // Long path segments reach the routes (and their 404s) instead of a bare Fastify 414.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
  });
  // Before Nest declares any route, so every route's own body limit is seen.
  registerRouteBodyLimits(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, logger, { runWorkers: options.runWorkers ?? false }),
    adapter,
    {
      logger: new PinoNestLogger(logger.child({ component: 'nest' })),
      preview: options.preview ?? false,
      abortOnError: false,
      bufferLogs: false,
    },
  );
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  registerSecurityHeaders(fastify, { hsts: config.publicUrl.startsWith('https:') });
  registerContentTypeCheck(fastify);
  registerNulCheck(fastify);
  registerCsrfProtection(fastify, { secureCookies: config.secureCookies });
  await registerCompression(fastify);

  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Patient Portal API')
      .setDescription(
        'REST API of the patient portal. Errors are application/problem+json (RFC 9457) with a ' +
          'stable `code`. Lists use cursor pagination. Times are ISO 8601 in UTC.',
      )
      .setVersion('1')
      .addCookieAuth('portal_session')
      .build(),
  );
  return document;
}
