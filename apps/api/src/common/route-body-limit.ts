import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * A larger body limit for one route (an import file, a PDF attachment), through the Nest
 * route config: Nest passes only `config` to Fastify, so the hook below copies it to the
 * route's own bodyLimit. Every other route keeps the global limit.
 */
export function RouteBodyLimit(bytes: number) {
  return applyDecorators(RouteConfig({ bodyLimit: bytes }));
}

/** Installs the hook; Fastify calls onRoute hooks as each route is declared, so call it first. */
export function registerRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });
}
