import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  cookieNames,
  readCookie,
  replySetsCookie,
  setCookie,
  type CookieNames,
} from './cookies.js';
import { DomainError } from './problem.js';
import { isApiRequest, isHealthProbe } from './request-path.js';
import type { ServerKeys } from './server-keys.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface CsrfOptions {
  names: CookieNames;
  secureCookies: boolean;
  keys: ServerKeys;
}

/**
 * The CSRF tokens. With a session, the token is an HMAC of the session id under the server
 * keys (purpose 'csrf'): it is worth nothing with any other session, and a new session (sign
 * in, second factor) makes every earlier token worthless. Without a session (signing in,
 * password reset) it is a random double-submit value: the cookie and the header must match.
 */
export class CsrfTokens {
  constructor(private readonly options: CsrfOptions) {}

  get names(): CookieNames {
    return this.options.names;
  }

  forSession(sessionToken: string): string {
    return this.options.keys.hmac('csrf', `session:${sessionToken}`);
  }

  matchesSession(sessionToken: string, token: string): boolean {
    return this.options.keys.verifyHmac('csrf', `session:${sessionToken}`, token);
  }

  anonymous(): string {
    return randomBytes(32).toString('base64url');
  }

  /** Whether a state-changing request carries the token its session (or its cookie) asks for. */
  accepts(request: FastifyRequest): boolean {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== 'string' || header === '') return false;
    const session = readCookie(request, this.names.session);
    if (session) return this.matchesSession(session, header);
    const cookie = readCookie(request, this.names.csrf);
    return cookie !== undefined && same(cookie, header);
  }

  /** Sets the CSRF cookie: bound to the given session, or a fresh anonymous one. */
  issue(reply: FastifyReply, sessionToken: string | null): void {
    const value = sessionToken ? this.forSession(sessionToken) : this.anonymous();
    setCookie(reply, this.names.csrf, value, {
      httpOnly: false,
      secure: this.options.secureCookies,
    });
  }
}

/** The tokens for this configuration: `__Host-` cookie names where cookies are Secure. */
export function csrfTokensFor(config: { secureCookies: boolean }, keys: ServerKeys): CsrfTokens {
  return new CsrfTokens({
    names: cookieNames(config.secureCookies),
    secureCookies: config.secureCookies,
    keys,
  });
}

/**
 * CSRF protection for every state-changing API request, wherever the router routed it (the
 * path is decided by request-path.ts, never by the raw URL). Any API response to a request
 * that lacks the right token (none, or one not bound to its session) hands one out in a
 * script-readable cookie; the SPA echoes it in X-CSRF-Token. Another site can make the
 * browser send the cookies, but cannot read them.
 */
export function registerCsrfProtection(app: FastifyInstance, tokens: CsrfTokens): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !isApiRequest(request)) return;
    if (!tokens.accepts(request)) {
      throw new DomainError(
        403,
        'csrf_token_invalid',
        'Security check failed',
        'The request is missing its security token. Reload the page and try again.',
      );
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    // Health probes come from load balancers, not browsers: no cookie for them. A reply that
    // opened or closed a session has set its own token already.
    if (
      !isApiRequest(request) ||
      isHealthProbe(request) ||
      replySetsCookie(reply, tokens.names.csrf)
    ) {
      return payload;
    }
    const session = readCookie(request, tokens.names.session);
    const current = readCookie(request, tokens.names.csrf);
    if (session ? !current || !tokens.matchesSession(session, current) : !current) {
      tokens.issue(reply, session ?? null);
    }
    return payload;
  });
}
