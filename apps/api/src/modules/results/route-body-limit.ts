import { applyDecorators, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * A larger body limit for one route (an import file, a PDF attachment), through the Nest
 * route config: Nest passes only `config` to Fastify, so a hook copies it to the route's own
 * bodyLimit as each route is added. Every other route keeps the global limit.
 */
export function RouteBodyLimit(bytes: number) {
  return applyDecorators(RouteConfig({ bodyLimit: bytes }));
}

/**
 * Installs the hook. Providers are built before Nest adds the routes, so constructing this
 * one is early enough; Fastify calls onRoute hooks as each route is declared.
 */
@Injectable()
export class RouteBodyLimits {
  constructor(adapterHost: HttpAdapterHost) {
    const fastify = adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.addHook !== 'function') return;
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
      if (typeof limit === 'number') route.bodyLimit = limit;
    });
  }
}
