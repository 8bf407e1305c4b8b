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
