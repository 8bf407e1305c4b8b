/**
 * Foundation: the running portal's health endpoints and its problem+json answer for an
 * API route that does not exist, over real HTTP.
 */
import { describe, expect, it } from '@jest/globals';
import { portalUrl } from '../support/env.js';

describe('the portal API', () => {
  it('is live', async () => {
    const response = await fetch(portalUrl('/api/health/live'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('is ready, with the database and the queue answering', async () => {
    const response = await fetch(portalUrl('/api/health/ready'));
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { status: string }>;
    };
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.checks.database?.status).toBe('ok');
    expect(body.checks.queue?.status).toBe('ok');
    // Mail goes to the outbox in e2e runs (SMTP_URL is never set).
    expect(body.checks.mail).toMatchObject({ transport: 'outbox' });
  });

  it('answers an unknown /api route with a problem+json 404', async () => {
    const response = await fetch(portalUrl('/api/v1/no-such-route-e2e'), {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({
      status: 404,
      title: expect.any(String),
      code: expect.any(String),
    });
    expect(JSON.stringify(problem)).not.toMatch(/\bat .+\.js:\d+/); // no stack trace
  });

  it('serves its OpenAPI document', async () => {
    const response = await fetch(portalUrl('/api/openapi.json'));
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health/live', '/api/health/ready']),
    );
  });
});
