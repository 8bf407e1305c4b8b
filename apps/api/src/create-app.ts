import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { PinoNestLogger } from './common/logger.js';
import { registerMethodNotAllowed } from './common/allowed-methods.js';
import {
  clientErrorHandler,
  ProblemFilter,
  sendProblem,
  toProblem,
} from './common/problem.filter.js';
import { registerCompression } from './common/compression.js';
import { registerContentTypeCheck, registerNulCheck } from './common/content-type.js';
import { csrfTokensFor, registerCsrfProtection } from './common/csrf.js';
import { registerBodyLimitAnswers, registerRouteBodyLimits } from './common/route-body-limit.js';
import { ServerKeys } from './common/server-keys.js';
import { finishOpenApiDocument } from './common/openapi.js';
import { registerSecurityHeaders } from './common/security-headers.js';
import { createValidationPipe } from './common/validation.js';
import { FHIR_SCHEMAS } from './modules/record-export/record-fhir.schema.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
// Long path segments reach the routes (and their 404s) instead of a 414.
const ROUTER_OPTIONS = { ignoreTrailingSlash: true, maxParamLength: 1000 };

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
    // Only hops from the configured proxies may name the client (see TRUST_PROXY).
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    // Keep a caller's request id when it looks safe, so a trace spans services.
    genReqId: (req: IncomingMessage) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    routerOptions: ROUTER_OPTIONS,
    // Errors of the HTTP layer itself are problem+json too: a URL the router cannot decode
    // or a path segment over maxParamLength (here), and requests Node cannot parse (below).
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(reply, toProblem(error), request.id),
    clientErrorHandler,
  });
  // Before Nest declares any route, so every route is seen.
  registerRouteBodyLimits(adapter.getInstance());
  registerMethodNotAllowed(adapter.getInstance(), ROUTER_OPTIONS);
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
  registerCsrfProtection(fastify, csrfTokensFor(config, app.get(ServerKeys)));
  registerBodyLimitAnswers(fastify, app.getHttpServer());
  await registerCompression(fastify);

  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Patient Portal API').setVersion('1').build(),
  );
  // Security, error responses, tags and format bounds from each route's metadata.
  return finishOpenApiDocument(document, { schemas: FHIR_SCHEMAS });
}
