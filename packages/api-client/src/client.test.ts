import { ApiError, createApiClient, CSRF_HEADER, expectData, readCookie } from './index';

type Captured = { request?: Request };

/** A fetch stand-in that records the request and answers with the given response. */
function fakeFetch(captured: Captured, respond: () => Response): typeof fetch {
  return async (input: RequestInfo | URL) => {
    captured.request = input instanceof Request ? input : new Request(input);
    return respond();
  };
}

function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

function setCookies(cookie: string | undefined): void {
  Object.defineProperty(globalThis, 'document', {
    value: cookie === undefined ? undefined : { cookie },
    configurable: true,
    writable: true,
  });
}

const session = {
  user: {
    id: '0190b5d2-7c4e-7000-8000-000000000001',
    username: 'ana',
    kind: 'patient',
    displayName: 'Ana',
    roles: [],
  },
  idleExpiresAt: '2026-12-03T15:45:00.000Z',
  absoluteExpiresAt: '2026-12-04T03:30:00.000Z',
};

afterEach(() => setCookies(undefined));

describe('createApiClient', () => {
  it('echoes the csrf_token cookie in X-CSRF-Token on POST', async () => {
    setCookies('theme=dark; csrf_token=abc%2F123; other=1');
    const captured: Captured = {};
    const api = createApiClient('http://portal.test', {
      fetch: fakeFetch(captured, () => new Response(null, { status: 204 })),
    });

    await api.POST('/api/v1/auth/logout');

    expect(captured.request?.method).toBe('POST');
    expect(captured.request?.headers.get(CSRF_HEADER)).toBe('abc/123');
  });

  it('prefers the __Host-csrf_token cookie of an HTTPS portal', async () => {
    setCookies('csrf_token=plain; __Host-csrf_token=k1%24bound');
    const captured: Captured = {};
    const api = createApiClient('https://portal.test', {
      fetch: fakeFetch(captured, () => new Response(null, { status: 204 })),
    });

    await api.POST('/api/v1/auth/logout');

    expect(captured.request?.headers.get(CSRF_HEADER)).toBe('k1$bound');
  });

  it('does not send the CSRF header on GET', async () => {
    setCookies('csrf_token=abc123');
    const captured: Captured = {};
    const api = createApiClient('http://portal.test', {
      fetch: fakeFetch(captured, () => json(session)),
    });

    const result = await api.GET('/api/v1/auth/session');

    expect(captured.request?.headers.has(CSRF_HEADER)).toBe(false);
    expect(expectData(result).user.displayName).toBe('Ana');
  });

  it('sends cookies with every request', async () => {
    const captured: Captured = {};
    const api = createApiClient('http://portal.test', {
      fetch: fakeFetch(captured, () => json(session)),
    });

    await api.GET('/api/v1/auth/session');

    expect(captured.request?.credentials).toBe('include');
    expect(captured.request?.url).toBe('http://portal.test/api/v1/auth/session');
  });

  it('asks the API for a CSRF token first when a state-changing request has none', async () => {
    setCookies('');
    const sent: Request[] = [];
    const api = createApiClient('http://portal.test', {
      fetch: async (input: RequestInfo | URL) => {
        const request = input instanceof Request ? input : new Request(input);
        sent.push(request);
        // The API sets the cookie on its answer, as a browser would store it.
        if (request.method === 'GET') setCookies('csrf_token=fresh-token');
        return new Response(null, { status: 204 });
      },
    });

    await api.POST('/api/v1/auth/logout');

    expect(sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /api/v1/auth/session',
      'POST /api/v1/auth/logout',
    ]);
    expect(sent[0]?.credentials).toBe('include');
    expect(sent[1]?.headers.get(CSRF_HEADER)).toBe('fresh-token');
  });

  it('sends the request without the header when no token can be had (the API then answers 403)', async () => {
    setCookies('');
    const sent: Request[] = [];
    const api = createApiClient('http://portal.test', {
      fetch: async (input: RequestInfo | URL) => {
        sent.push(input instanceof Request ? input : new Request(input));
        return new Response(null, { status: 204 });
      },
    });

    await api.POST('/api/v1/auth/logout');

    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('throws an ApiError carrying the problem document', async () => {
    const api = createApiClient('http://portal.test', {
      fetch: fakeFetch({}, () =>
        json(
          {
            type: 'https://portal.test/problems/validation',
            title: 'Invalid request',
            status: 400,
            detail: 'Some fields are not filled in correctly.',
            code: 'validation.failed',
            errors: [{ field: 'username', message: 'Enter your username.' }],
          },
          400,
          'application/problem+json; charset=utf-8',
        ),
      ),
    });

    const failure = api.POST('/api/v1/auth/login', { body: { username: '', password: 'x' } });

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    const error = (await failure.catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation.failed');
    expect(error.title).toBe('Invalid request');
    expect(error.detail).toBe('Some fields are not filled in correctly.');
    expect(error.fieldErrors).toEqual([{ field: 'username', message: 'Enter your username.' }]);
    expect(error.fieldError('username')).toBe('Enter your username.');
    expect(error.fieldError('password')).toBeUndefined();
  });

  it('throws an ApiError for an error response that is not a problem document', async () => {
    const api = createApiClient('http://portal.test', {
      fetch: fakeFetch(
        {},
        () =>
          new Response('<h1>Bad gateway</h1>', {
            status: 502,
            statusText: 'Bad Gateway',
            headers: { 'Content-Type': 'text/html' },
          }),
      ),
    });

    const error = (await api
      .GET('/api/v1/auth/session')
      .catch((caught: unknown) => caught)) as ApiError;

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('client.unexpected_response');
    expect(error.title).toBe('Bad Gateway');
  });

  it('makes a relative base URL absolute from location when there is one', async () => {
    Object.defineProperty(globalThis, 'location', {
      value: { origin: 'https://portal.example' },
      configurable: true,
    });
    try {
      const captured: Captured = {};
      const api = createApiClient('', { fetch: fakeFetch(captured, () => json(session)) });
      await api.GET('/api/v1/auth/session');
      expect(captured.request?.url).toBe('https://portal.example/api/v1/auth/session');
    } finally {
      Reflect.deleteProperty(globalThis, 'location');
    }
  });
});

describe('readCookie', () => {
  it('finds one cookie among several and decodes it', () => {
    expect(readCookie('csrf_token', 'a=1; csrf_token=x%3Dy; b=2')).toBe('x=y');
  });

  it('does not match a cookie whose name only ends with the wanted name', () => {
    expect(readCookie('csrf_token', 'old_csrf_token=nope')).toBeUndefined();
  });
});
