import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('HTTP platform', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => {
    await testApp?.close();
  });

  // A valid double-submit pair, so these requests reach the body checks.
  const post = (path: string, contentType: string, body: string) =>
    testApp.fetch(path, {
      method: 'POST',
      headers: { 'content-type': contentType, cookie: 'csrf_token=t0ken', 'x-csrf-token': 't0ken' },
      body,
    });

  it('answers liveness and readiness with the database and queue checked', async () => {
    expect(await (await testApp.fetch('/api/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await testApp.fetch('/api/health/ready');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as {
      checks: {
        database: { status: string };
        queue: { status: string; queues: Record<string, unknown> };
      };
    };
    expect(body.checks.database.status).toBe('ok');
    expect(body.checks.queue.status).toBe('ok');
    expect(body.checks.queue.queues.mail).toEqual(
      expect.objectContaining({ waiting: expect.any(Number), failed: expect.any(Number) }),
    );
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const response = await testApp.fetch('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      title: 'Not found',
    });
  });

  it('refuses a body that is not JSON with 415', async () => {
    const response = await post(
      '/api/health/live',
      'application/x-www-form-urlencoded',
      'username=a',
    );
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await post('/api/health/live', 'application/json', '{"username": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'malformed_json' });
  });

  it('refuses an oversize body with 413', async () => {
    const response = await post(
      '/api/health/live',
      'application/json',
      JSON.stringify({ blob: 'x'.repeat(testApp.config.bodyLimitBytes) }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('sends security headers, a request id and no-store on API responses', async () => {
    const response = await testApp.fetch('/api/health/live', {
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('replaces a request id that could forge log lines', async () => {
    const response = await testApp.fetch('/api/health/live', {
      headers: { 'x-request-id': 'a b;c' },
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a NUL character anywhere with a 400, never a 500', async () => {
    const body = await post(
      '/api/v1/auth/login',
      'application/json',
      JSON.stringify({ username: 'a\u0000b', password: 'x' }),
    );
    expect(body.status).toBe(400);
    const query = await testApp.fetch('/api/v1/patients?query=a%00b');
    expect(query.status).toBe(400);
  });

  it('answers an over-long path segment with a problem+json 404, not a bare 414', async () => {
    const response = await testApp.fetch(`/api/v1/invitations/${'x'.repeat(300)}/resend`, {
      method: 'POST',
      headers: { cookie: 'csrf_token=t0ken', 'x-csrf-token': 't0ken' },
    });
    expect([401, 404]).toContain(response.status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('hands out the CSRF cookie on API answers, but not to health probes', async () => {
    const api = await testApp.fetch('/api/v1/auth/session');
    expect(
      api.headers.getSetCookie().some((c) => c.startsWith('csrf_token=') && !/HttpOnly/i.test(c)),
    ).toBe(true);
    const probe = await testApp.fetch('/api/health/live');
    expect(probe.headers.getSetCookie()).toEqual([]);
  });
});
