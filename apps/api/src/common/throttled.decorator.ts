import { ApiExtension } from '@nestjs/swagger';

/** The OpenAPI extension of a throttled route (read by common/openapi.ts). */
export const THROTTLED_EXTENSION = 'x-portal-throttled';

/**
 * Marks a route whose calls are counted and refused for a while past a limit (sign-in,
 * sending codes and emails): its OpenAPI operation documents the 429 answer, with the
 * Retry-After header when the route sends one. The counting itself is done by the route's service.
 */
export const Throttled = (options: { retryAfter: boolean }) =>
  ApiExtension(THROTTLED_EXTENSION, options);
