import type { FastifyInstance, RouteOptions } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { DomainError } from './problem.js';

/**
 * 405 with an Allow header for a path that exists under other methods (Fastify itself answers
 * 404 there). A second router, with the router options of the real one, learns every route as
 * it is declared and is asked only for requests the real router did not match. Catch-all
 * routes (`/*`, the SPA fallback) do not count: a path only they match stays a 404.
 */
export function registerMethodNotAllowed(
  fastify: FastifyInstance,
  routerOptions: { ignoreTrailingSlash?: boolean; maxParamLength?: number },
): void {
  const router = FindMyWay({ ...routerOptions });
  const methods = new Set<HTTPMethod>();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.url.endsWith('*')) return;
    for (const method of [route.method].flat() as HTTPMethod[]) {
      methods.add(method);
      if (router.hasRoute(method, route.url)) continue;
      router.on(method, route.url, () => undefined);
    }
  });
  // After the body checks, like any route: the answer does not depend on which check ran first.
  fastify.addHook('preHandler', async (request, reply) => {
    if (!request.is404) return;
    const path = request.url.split('?')[0]!;
    const allowed = [...methods].filter((method) => router.find(method, path) !== null);
    if (!allowed.length) return;
    void reply.header('allow', allowed.sort().join(', '));
    throw new DomainError(
      405,
      'method_not_allowed',
      'Method not allowed',
      `This path does not take ${request.method}; it takes ${allowed.sort().join(', ')}.`,
    );
  });
}
