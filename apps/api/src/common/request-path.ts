import type { FastifyRequest } from 'fastify';

/** Rounds of percent-decoding: enough for /%2561pi, bounded so no input makes it loop long. */
const DECODE_ROUNDS = 3;

/**
 * A request path as the router (or any server behind a proxy) could read it, for security
 * decisions: query and fragment cut off, percent-escapes decoded (again while any remain, so
 * /%2561pi counts as /api and /api%2Fv1 as /api/v1), backslashes read as slashes, empty and
 * `.` segments dropped, `..` resolved, lower case, no trailing slash. null when the path
 * cannot be decoded; callers treat that as the most protected area, never the least.
 */
export function normalizePath(url: string): string | null {
  const end = url.search(/[?#]/);
  let path = end < 0 ? url : url.slice(0, end);
  for (let round = 0; round < DECODE_ROUNDS && path.includes('%'); round++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return null;
    }
  }
  const segments: string[] = [];
  for (const segment of path.split(/[/\\]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return `/${segments.join('/')}`.toLowerCase();
}

/** True when the (normalized) path is the prefix itself or below it. */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

const normalized = new WeakMap<object, string | null>();

/** The normalized path of a request, computed once per request. */
export function normalizedPathOf(request: FastifyRequest): string | null {
  if (!normalized.has(request.raw)) normalized.set(request.raw, normalizePath(request.url));
  return normalized.get(request.raw)!;
}

/**
 * Whether a request falls in an area of the site (`/api`, `/api/health`), decided the way the
 * router decided: by the pattern of the route it matched (request.routeOptions.url, e.g.
 * /api/v1/patients/:patientId, whatever spelling of the path reached it), and also by the
 * normalized path, so an unmatched request or one caught by a catch-all route (/*) counts in
 * the area its path names. An undecodable path counts as inside every area.
 */
export function isRequestIn(request: FastifyRequest, prefix: string): boolean {
  const route = request.routeOptions?.url;
  if (route !== undefined && isUnder(route.toLowerCase(), prefix)) return true;
  const path = normalizedPathOf(request);
  return path === null || isUnder(path, prefix);
}

export const API_PREFIX = '/api';
const HEALTH_PREFIX = '/api/health';

/** The one test every request-level check of the API (CSRF, content type, no-store) uses. */
export function isApiRequest(request: FastifyRequest): boolean {
  return isRequestIn(request, API_PREFIX);
}

/**
 * Health probes (load balancers, not browsers): only exempts from handing out a cookie, so
 * the matched route decides alone when there is one.
 */
export function isHealthProbe(request: FastifyRequest): boolean {
  const route = request.routeOptions?.url;
  const path = route !== undefined ? route.toLowerCase() : normalizedPathOf(request);
  return path !== null && isUnder(path, HEALTH_PREFIX);
}
