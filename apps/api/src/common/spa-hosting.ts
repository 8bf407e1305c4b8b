import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendProblem, toProblem } from './problem.filter.js';
import { DomainError } from './problem.js';

interface SpaDirs {
  web: string;
  admin: string;
}

function serveIndex(reply: FastifyReply, html: string) {
  // The shell is tiny and must never be stale; hashed assets under /assets are cached for a year.
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
}

/**
 * Serves the built patient SPA at / and the staff SPA at /admin, with client-side routes
 * falling back to each app's index.html. Unknown /api paths stay problem+json 404s.
 */
export async function registerSpaHosting(app: FastifyInstance, dirs: SpaDirs): Promise<string[]> {
  const missing = [dirs.web, dirs.admin].filter((dir) => !existsSync(path.join(dir, 'index.html')));
  if (missing.length) return missing;
  const webIndex = readFileSync(path.join(dirs.web, 'index.html'), 'utf8');
  const adminIndex = readFileSync(path.join(dirs.admin, 'index.html'), 'utf8');
  const setHeaders = (reply: FastifyReply, file: string) => {
    if (file.includes(`${path.sep}assets${path.sep}`)) {
      void reply.header('cache-control', 'public, max-age=31536000, immutable');
    }
  };
  await app.register(fastifyStatic, {
    root: dirs.web,
    prefix: '/',
    wildcard: false,
    index: false,
    setHeaders,
  });
  await app.register(fastifyStatic, {
    root: dirs.admin,
    prefix: '/admin/',
    wildcard: false,
    index: false,
    decorateReply: false,
    setHeaders,
  });
  app.get('/admin', (_request, reply) => serveIndex(reply, adminIndex));
  app.get('/admin/*', (_request, reply) => serveIndex(reply, adminIndex));
  app.get('/', (_request, reply) => serveIndex(reply, webIndex));
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return sendProblem(
        reply,
        toProblem(
          new DomainError(
            404,
            'not_found',
            'Not found',
            `No API route at ${request.url.split('?')[0]}.`,
          ),
        ),
        request.id,
      );
    }
    return serveIndex(reply, webIndex);
  });
  return [];
}
