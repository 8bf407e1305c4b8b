import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildOpenApiDocument } from '../../src/create-app.js';
import { newId } from '../../src/infra/database/ids.js';
import { exchange, rawRequest, type RawResponse } from '../support/raw-http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CSRF = { cookie: 'csrf_token=t0ken', 'x-csrf-token': 't0ken' };

function expectProblem(response: RawResponse, status: number, code?: string) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^https:\/\//),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      code: code ?? expect.any(String),
    }),
  );
}

describe('hostile input at the HTTP layer', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const head = (method: string, path: string, headers: Record<string, string | number>) =>
    `${method} ${path} HTTP/1.1\r\nhost: ${new URL(testApp.url).host}\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n';

  it('refuses a body nested 5,000 deep with a 400 on every JSON write route', async () => {
    const document = buildOpenApiDocument(testApp.app);
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const routes: string[] = [];
    for (const [template, operations] of Object.entries(document.paths)) {
      for (const method of ['post', 'put', 'patch', 'delete'] as const) {
        if (!operations[method]) continue;
        routes.push(`${method.toUpperCase()} ${template.replace(/\{[^}]+\}/g, () => newId())}`);
      }
    }
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const response = await rawRequest(testApp, {
        method,
        path,
        headers: { 'content-type': 'application/json', ...CSRF },
        body: deep,
      });
      expect({ route, status: response.status }).toEqual({ route, status: 400 });
      expectProblem(response, 400, 'json_too_deep');
    }
  });

  it('refuses nesting as deep as the body limit allows, objects as well as arrays', async () => {
    const levels = Math.floor(testApp.config.bodyLimitBytes / 8);
    for (const body of [
      '['.repeat(levels) + ']'.repeat(levels),
      '{"a":'.repeat(levels / 2) + '1' + '}'.repeat(levels / 2),
    ]) {
      const response = await rawRequest(testApp, {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json', ...CSRF },
        body,
      });
      expectProblem(response, 400, 'json_too_deep');
    }
  });

  it('answers an over-long path with a problem+json 414', async () => {
    const line = await rawRequest(testApp, {
      method: 'GET',
      path: `/api/v1/patients/${'x'.repeat(20_000)}`,
    });
    expectProblem(line, 414, 'uri_too_long');
    const segment = await rawRequest(testApp, {
      method: 'GET',
      path: `/api/v1/patients/${'x'.repeat(2_000)}`,
    });
    expectProblem(segment, 414, 'uri_too_long');
  });

  it('answers headers over the limit with a problem+json 431', async () => {
    const response = await rawRequest(testApp, {
      method: 'GET',
      path: '/api/v1/auth/session',
      headers: { 'x-padding': 'y'.repeat(20_000) },
    });
    expectProblem(response, 431, 'headers_too_large');
  });

  it('answers a method a path does not take with a problem+json 405 and Allow', async () => {
    const response = await rawRequest(testApp, {
      method: 'PUT',
      path: '/api/health/live',
      headers: CSRF,
    });
    expectProblem(response, 405, 'method_not_allowed');
    expect(response.headers.allow).toBe('GET, HEAD');
    const unknown = await rawRequest(testApp, {
      method: 'PUT',
      path: '/api/v1/nothing',
      headers: CSRF,
    });
    expectProblem(unknown, 404, 'not_found');
  });

  it('answers requests Node or the router cannot read with problem+json', async () => {
    const garbage = await exchange(testApp, ['NOT HTTP AT ALL\r\n\r\n'], 1);
    expectProblem(garbage.responses[0]!, 400);
    const badUrl = await rawRequest(testApp, { method: 'GET', path: '/api/v1/%E0%A4%A' });
    expectProblem(badUrl, 400, 'bad_url');
  });

  it('reads a 3 MB body before answering 413, so the answer arrives and the connection lives', async () => {
    const size = 3 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const body = Array.from({ length: size / chunk.length }, () => chunk);
    const { responses, error } = await exchange(testApp, [
      head('POST', '/api/v1/auth/login', {
        'content-type': 'application/json',
        'content-length': size,
        ...CSRF,
      }),
      ...body,
      head('GET', '/api/health/live', { connection: 'close' }),
    ]);
    expect(error).toBeUndefined();
    expect(responses.map((r) => r.status)).toEqual([413, 200]);
    expectProblem(responses[0]!, 413, 'payload_too_large');
  });

  it('answers 413 to an over-limit chunked body once it has been read', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pieces = Array.from(
      { length: 48 },
      () => `${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`,
    );
    const { responses, error } = await exchange(testApp, [
      head('POST', '/api/v1/auth/login', {
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
        ...CSRF,
      }),
      ...pieces,
      '0\r\n\r\n',
    ]);
    expect(error).toBeUndefined();
    expectProblem(responses[0]!, 413, 'payload_too_large');
  });

  it('refuses an over-limit body announced with Expect: 100-continue before it is sent', async () => {
    const { responses } = await exchange(
      testApp,
      [
        head('POST', '/api/v1/auth/login', {
          'content-type': 'application/json',
          'content-length': 3 * 1024 * 1024,
          expect: '100-continue',
          ...CSRF,
        }),
      ],
      1,
    );
    expectProblem(responses[0]!, 413, 'payload_too_large');
  });

  it('still says 100 Continue to a body it wants', async () => {
    const body = JSON.stringify({ username: 'nobody-here', password: 'not the password' });
    const { responses } = await exchange(
      testApp,
      [
        head('POST', '/api/v1/auth/login', {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          expect: '100-continue',
          'x-forwarded-for': '10.79.0.1',
          ...CSRF,
        }),
      ],
      1,
    );
    expect(responses[0]!.status).toBe(100);
  });
});
