import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { readCookie, setCookie } from './cookies.js';
import { DomainError } from './problem.js';

export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Double-submit CSRF protection: a script-readable csrf_token cookie is handed out on any
 * API response to a request without one; every state-changing API request must echo it in
 * X-CSRF-Token. Another site can make the browser send the cookie, but cannot read it.
 */
export function registerCsrfProtection(
  app: FastifyInstance,
  options: { secureCookies: boolean },
): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const cookie = readCookie(request, CSRF_COOKIE);
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== 'string' || !same(cookie, header)) {
      throw new DomainError(
        403,
        'csrf_token_invalid',
        'Security check failed',
        'The request is missing its security token. Reload the page and try again.',
      );
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // Health probes come from load balancers, not browsers: no cookie for them.
    if (
      request.url.startsWith('/api/') &&
      !request.url.startsWith('/api/health/') &&
      !readCookie(request, CSRF_COOKIE)
    ) {
      setCookie(reply, CSRF_COOKIE, randomBytes(32).toString('base64url'), {
        httpOnly: false,
        secure: options.secureCookies,
      });
    }
    return payload;
  });
}
