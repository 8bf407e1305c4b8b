import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { readCookie } from './cookies';
import { ApiError, CLIENT_ERROR_CODES } from './errors';
import type { paths } from './schema';

/**
 * Cookies the API sets with the CSRF token, on any response to a request that lacks the right
 * one: `__Host-csrf_token` where the portal is served over HTTPS, `csrf_token` on
 * http://localhost. The prefixed one wins when both are present.
 */
export const CSRF_COOKIES = ['__Host-csrf_token', 'csrf_token'] as const;
/** Header every state-changing request must echo the cookie in. */
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Replaces global fetch; tests use it to see the exact Request sent. */
  fetch?: typeof globalThis.fetch;
}

/**
 * The one middleware every SPA request goes through:
 * - keeps the session cookie flowing (`credentials: 'include'`),
 * - echoes the CSRF cookie (see {@link CSRF_COOKIES}) in `X-CSRF-Token` on state-changing requests,
 * - turns every error response into a thrown {@link ApiError}.
 */
export const portalMiddleware: Middleware = {
  onRequest({ request }) {
    let next = request;
    if (next.credentials !== 'include') {
      next = new Request(next, { credentials: 'include' });
    }
    if (!SAFE_METHODS.has(next.method.toUpperCase())) {
      const token = csrfToken();
      if (token) {
        next.headers.set(CSRF_HEADER, token);
      }
    }
    return next;
  },
  async onResponse({ response }) {
    if (!response.ok) {
      throw await ApiError.fromResponse(response);
    }
    return undefined;
  },
};

/**
 * Browsers resolve a relative URL against the page, but Node's Request (used under Jest) cannot,
 * so a relative base is made absolute from `location` whenever there is one.
 */
function resolveBaseUrl(baseUrl: string): string {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(baseUrl)) {
    return baseUrl;
  }
  const origin = globalThis.location?.origin;
  if (!origin || origin === 'null') {
    return baseUrl;
  }
  return new URL(baseUrl || '/', origin).href.replace(/\/+$/, '');
}

/** Any API response hands out a CSRF token; the session check is the cheapest one to ask. */
const TOKEN_SOURCE = '/api/v1/auth/session';

function csrfToken(): string | undefined {
  const cookies = globalThis.document?.cookie ?? '';
  return CSRF_COOKIES.map((name) => readCookie(name, cookies)).find(Boolean);
}

/**
 * A page opened straight from an emailed link may post before the browser has ever talked to
 * the API, so it holds no CSRF token yet: fetch one first instead of failing with a 403.
 */
function withCsrfToken(send: (input: Request) => Promise<Response>) {
  return async (input: Request): Promise<Response> => {
    if (
      SAFE_METHODS.has(input.method.toUpperCase()) ||
      input.headers.has(CSRF_HEADER) ||
      globalThis.document === undefined
    ) {
      return send(input);
    }
    await send(new Request(new URL(TOKEN_SOURCE, input.url), { credentials: 'include' }));
    const token = csrfToken();
    if (!token) return send(input);
    const request = new Request(input);
    request.headers.set(CSRF_HEADER, token);
    return send(request);
  };
}

/** A typed client for the portal API; paths and bodies come from the generated schema. */
export function createApiClient(baseUrl = '', options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: resolveBaseUrl(baseUrl),
    credentials: 'include',
    // Look fetch up on every call rather than once at start-up, so anything that wraps it
    // later (request mocking in tests, monitoring) is honoured.
    fetch: withCsrfToken(options.fetch ?? ((input: Request) => globalThis.fetch(input))),
  });
  client.use(portalMiddleware);
  return client;
}

/**
 * The body of a successful call. The middleware already threw for error responses, so an
 * undefined body here means the API broke its own contract.
 */
export function expectData<T>(result: { data?: T; response: Response }): T {
  if (result.data === undefined) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Empty response',
      status: result.response.status,
      detail: '',
      code: CLIENT_ERROR_CODES.emptyResponse,
    });
  }
  return result.data;
}
