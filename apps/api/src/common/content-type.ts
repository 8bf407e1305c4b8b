import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './problem.js';
import { isApiRequest } from './request-path.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ACCEPTED = /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i;
const BINARY = /^application\/octet-stream(?:\s*;|$)/i;

/**
 * Marks the one kind of route that takes raw bytes (a file upload) instead of JSON, up to
 * `maxBytes` (its body limit, as RouteBodyLimit would set). A cross-site form cannot send
 * this type without a CORS preflight, and CSRF still applies.
 */
export function AcceptsBinaryBody(maxBytes: number) {
  return RouteConfig({ binaryBody: true, bodyLimit: maxBytes });
}

function acceptsBinary(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { binaryBody?: unknown } | undefined)?.binaryBody === true;
}

/**
 * The API takes JSON bodies only. Rejecting form encodings up front also closes the
 * classic cross-site form post, which needs no CORS preflight.
 */
export function registerContentTypeCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!BODY_METHODS.has(request.method) || !isApiRequest(request)) return;
    const length = request.headers['content-length'];
    const hasBody =
      (length !== undefined && length !== '0') ||
      request.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return;
    const type = request.headers['content-type'] ?? '';
    const binary = acceptsBinary(request);
    if (binary && BINARY.test(type)) return;
    if (!ACCEPTED.test(type)) {
      throw new DomainError(
        415,
        'unsupported_media_type',
        'Unsupported content type',
        binary
          ? 'Send the file’s bytes as application/octet-stream.'
          : 'Send the request body as application/json.',
      );
    }
  });
  // Raw bytes reach a handler as a Buffer, only on routes marked AcceptsBinaryBody.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer' },
    (request, body, done) => {
      done(null, acceptsBinary(request) ? body : undefined);
    },
  );
}

function nulRefused(): DomainError {
  return new DomainError(
    400,
    'bad_request',
    'The request is not valid',
    'The request contains a NUL character, which is not allowed in any field.',
  );
}

/** Deeper than any request the API takes; far below what could exhaust a stack anywhere. */
export const MAX_JSON_DEPTH = 32;

function tooDeep(): DomainError {
  return new DomainError(
    400,
    'json_too_deep',
    'The request is not valid',
    `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`,
  );
}

/**
 * Walks a parsed body without recursion (so no input can overflow the stack): refuses a NUL
 * in any string or key, and nesting deeper than MAX_JSON_DEPTH.
 */
export function checkBody(body: unknown): void {
  const stack: Array<[value: unknown, depth: number]> = [[body, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw nulRefused();
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw tooDeep();
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) throw nulRefused();
      stack.push([item, depth + 1]);
    }
  }
}

/**
 * PostgreSQL text cannot hold NUL (U+0000): refused up front with a 400, so no query ever
 * fails on it with a 500. Bodies nested too deep are refused in the same walk.
 */
export function registerNulCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url) || request.url.includes('\u0000')) throw nulRefused();
  });
  app.addHook('preValidation', async (request) => {
    if (Buffer.isBuffer(request.body)) return; // file bytes: no text fields to check
    if (request.body !== undefined && request.body !== null) checkBody(request.body);
  });
}
