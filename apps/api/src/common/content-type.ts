import type { FastifyInstance } from 'fastify';
import { DomainError } from './problem.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ACCEPTED = /^application\/(?:[\w.+-]+\+)?json(?:\s*;|$)/i;

/**
 * The API takes JSON bodies only. Rejecting form encodings up front also closes the
 * classic cross-site form post, which needs no CORS preflight.
 */
export function registerContentTypeCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!BODY_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const length = request.headers['content-length'];
    const hasBody =
      (length !== undefined && length !== '0') ||
      request.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return;
    const type = request.headers['content-type'] ?? '';
    if (!ACCEPTED.test(type)) {
      throw new DomainError(
        415,
        'unsupported_media_type',
        'Unsupported content type',
        'Send the request body as application/json.',
      );
    }
  });
}

function nulRefused(): DomainError {
  return new DomainError(
    400,
    'bad_request',
    'The request is not valid',
    'The request contains a NUL character, which is not allowed in any field.',
  );
}

/**
 * PostgreSQL text cannot hold NUL (U+0000): refused up front with a 400, so no query ever
 * fails on it with a 500.
 */
export function registerNulCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url) || request.url.includes('\u0000')) throw nulRefused();
  });
  app.addHook('preValidation', async (request) => {
    if (
      request.body !== undefined &&
      request.body !== null &&
      JSON.stringify(request.body).includes('\\u0000')
    ) {
      throw nulRefused();
    }
  });
}
