import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Ajv } from 'ajv';
import {
  API_TAGS,
  CSRF_SCHEME,
  NON_PROBLEM_RESPONSES,
  SESSION_SCHEME,
} from '../../src/common/openapi.js';
import { buildOpenApiDocument } from '../../src/create-app.js';
import { cookieNames } from '../../src/common/cookies.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The OpenAPI document as a third-party developer reads it: every operation states its
 * security, every error is a problem document, every tag is declared, and every string,
 * array and integer is bounded. New routes are held to the same rules, and the live API is
 * checked against what the document says of CSRF and of error bodies.
 */

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  tags?: string[];
  parameters?: { in: string; name: string; schema?: Json }[];
  requestBody?: { content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
  security?: Record<string, string[]>[];
}
interface Route {
  method: string;
  path: string;
  operation: Operation;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every schema node of the document with where it is, for messages. */
function schemaNodes(node: unknown, where: string, out: [string, Json][] = []): [string, Json][] {
  if (Array.isArray(node)) {
    node.forEach((child, index) => schemaNodes(child, `${where}/${index}`, out));
    return out;
  }
  if (typeof node !== 'object' || node === null) return out;
  const schema = node as Json;
  if (typeof schema.type === 'string') out.push([where, schema]);
  for (const [key, child] of Object.entries(schema)) {
    // Examples and defaults are values, not schemas.
    if (key === 'example' || key === 'examples' || key === 'default') continue;
    schemaNodes(child, `${where}/${key}`, out);
  }
  return out;
}

/** What is unbounded in one schema node, if anything. */
function unbounded(schema: Json): string | null {
  // Bounded by what it refers to or enumerates.
  if (schema.enum || schema.const !== undefined || schema.allOf || schema.oneOf) return null;
  if (schema.type === 'string') {
    if (schema.format === 'binary') return null; // a file body, not a text field
    if (typeof schema.maxLength !== 'number') return 'string without maxLength';
    if (schema.format === 'uuid' && schema.maxLength !== 36) return 'uuid without maxLength 36';
  }
  if (schema.type === 'array' && typeof schema.maxItems !== 'number') {
    return 'array without maxItems';
  }
  if (schema.type === 'integer') {
    if (schema.format !== 'int32' && schema.format !== 'int64') return 'integer without format';
    if (typeof schema.minimum !== 'number' || typeof schema.maximum !== 'number') {
      return 'integer without minimum and maximum';
    }
  }
  return null;
}

describe('the OpenAPI document', () => {
  let testApp: TestApp;
  let document: OpenAPIObject;
  let routes: Route[];

  beforeAll(async () => {
    testApp = await startTestApp();
    document = buildOpenApiDocument(testApp.app);
    routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operation,
      })),
    );
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const where = (route: Route) => `${route.method} ${route.path}`;

  it('bounds every string, array and integer', () => {
    const problems = schemaNodes(document, '#')
      .map(([at, schema]) => [at, unbounded(schema)] as const)
      .filter(([, problem]) => problem !== null)
      .map(([at, problem]) => `${at}: ${problem}`);
    expect(problems).toEqual([]);
  });

  it('states the security of every operation: the session unless public, CSRF on every change', () => {
    const schemes = document.components?.securitySchemes ?? {};
    expect(schemes[SESSION_SCHEME]).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: cookieNames(false).session,
    });
    expect(schemes[CSRF_SCHEME]).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
    });
    const wrong: string[] = [];
    for (const route of routes) {
      const { security, responses } = route.operation;
      if (!Array.isArray(security)) {
        wrong.push(`${where(route)}: no security`);
        continue;
      }
      const required = new Set(security.flatMap((requirement) => Object.keys(requirement)));
      for (const name of required) if (!schemes[name]) wrong.push(`${where(route)}: ${name}?`);
      if (STATE_CHANGING.has(route.method) && !required.has(CSRF_SCHEME)) {
        wrong.push(`${where(route)}: changes state without the CSRF requirement`);
      }
      if (!STATE_CHANGING.has(route.method) && required.has(CSRF_SCHEME)) {
        wrong.push(`${where(route)}: CSRF on a safe method`);
      }
      if (required.has(SESSION_SCHEME) && !responses['401']) {
        wrong.push(`${where(route)}: signed-in route without 401`);
      }
      if (STATE_CHANGING.has(route.method) && !responses['403']) {
        wrong.push(`${where(route)}: no 403 for the CSRF check`);
      }
      if (route.operation.requestBody && !(responses['400'] && responses['415'])) {
        wrong.push(`${where(route)}: body route without 400 and 415`);
      }
      if (route.path.includes('{') && !responses['404']) {
        wrong.push(`${where(route)}: id route without 404`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('documents every error response as application/problem+json with the Problem schema', () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const [status, response] of Object.entries(route.operation.responses)) {
        if (!/^[45]/.test(status)) continue;
        if (NON_PROBLEM_RESPONSES[`${route.operation.operationId} ${status}`]) continue;
        const types = Object.keys(response.content ?? {});
        const schema = response.content?.['application/problem+json']?.schema;
        if (
          types.join() !== 'application/problem+json' ||
          schema?.$ref !== '#/components/schemas/Problem'
        ) {
          wrong.push(`${where(route)} ${status}: ${types.join(', ') || 'no body'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('declares every tag with a description, and its servers', () => {
    const declared = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));
    const undeclared = routes
      .flatMap((route) => (route.operation.tags ?? []).map((tag) => [where(route), tag]))
      .filter(([, tag]) => !declared.get(tag!))
      .map(([at, tag]) => `${at}: ${tag}`);
    expect(undeclared).toEqual([]);
    expect(routes.every((route) => (route.operation.tags ?? []).length > 0)).toBe(true);
    expect([...declared.keys()].every((tag) => API_TAGS[tag])).toBe(true);
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.info.description).toContain('X-CSRF-Token');
    expect(document.info.description).toContain('csrf_token');
  });

  it('answers what it documents: 403 problem+json to every state-changing request without the CSRF token', async () => {
    const fill = (path: string) =>
      path.replace(/\{[^}]+\}/g, '01900000-0000-7000-8000-0000000000aa');
    const wrong: string[] = [];
    for (const route of routes.filter((r) => STATE_CHANGING.has(r.method))) {
      const response = await testApp.fetch(fill(route.path), {
        method: route.method,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.251.0.1' },
        body: '{}',
      });
      const body = (await response.json()) as { code?: string };
      if (
        response.status !== 403 ||
        !/^application\/problem\+json(;|$)/.test(response.headers.get('content-type') ?? '') ||
        body.code !== 'csrf_token_invalid'
      ) {
        wrong.push(`${where(route)} → ${response.status} ${body.code ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sends error bodies that match the documented Problem schema', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ $id: 'portal', components: document.components });
    const validate = ajv.getSchema('portal#/components/schemas/Problem')!;
    const answers = [
      await testApp.fetch('/api/v1/account/sessions'),
      await testApp.fetch('/api/v1/patients?limit=1000'),
      await testApp.fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'x-forwarded-for': '10.251.0.2' },
        body: 'x',
      }),
    ];
    // A body whose unknown fields are many and named at length: the validation problem
    // still fits the documented bounds (at most 100 errors, fields and messages clipped).
    const first = await testApp.fetch('/api/v1/auth/session', {
      headers: { 'x-forwarded-for': '10.251.0.3' },
    });
    const csrf = first.headers
      .getSetCookie()
      .map((cookie) => /^((?:__Host-)?csrf_token)=([^;]+)/.exec(cookie))
      .find((match) => match !== null);
    expect(csrf).toBeTruthy();
    const junk = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`${'x'.repeat(400)}${i}`, 'y']),
    );
    const invalid = await testApp.fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: `${csrf![1]}=${csrf![2]}`,
        'x-csrf-token': decodeURIComponent(csrf![2]!),
        'x-forwarded-for': '10.251.0.3',
      },
      body: JSON.stringify({ username: 'someone', password: 'x'.repeat(12), ...junk }),
    });
    expect(invalid.status).toBe(400);
    answers.push(invalid);
    for (const response of answers) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json(;|$)/);
      const body = (await response.json()) as Json;
      expect(validate(body) ? [] : validate.errors).toEqual([]);
      const documented = Object.keys(
        (document.components?.schemas?.Problem as { properties: Json }).properties,
      );
      expect(Object.keys(body).filter((key) => !documented.includes(key))).toEqual([]);
      expect(body.requestId).toEqual(expect.any(String));
    }
  });
});
