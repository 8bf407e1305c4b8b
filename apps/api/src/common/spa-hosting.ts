import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic, { type FastifyStaticOptions } from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem, toProblem } from './problem.filter.js';
import { DomainError } from './problem.js';
import { API_PREFIX, isUnder, normalizedPathOf } from './request-path.js';

interface SpaDirs {
  web: string;
  admin: string;
}

/** Hashed build output: the name changes with the content, so it may be cached for good. */
const HASHED_ASSET = new RegExp(`\\${path.sep}assets\\${path.sep}`);

function serveIndex(reply: FastifyReply, html: string) {
  // The shell is tiny and must never be stale; hashed assets under /assets are cached for a year.
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
}

/** A browser navigation: a GET (or HEAD) that takes HTML. No Accept header takes anything. */
function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  if (!accept) return true;
  return accept
    .split(',')
    .map((part) => part.split(';', 1)[0]!.trim().toLowerCase())
    .some((type) => type === 'text/html' || type === 'text/*' || type === '*/*');
}

/**
 * Whether an unmatched path is one of an app's own client-side routes, answered with its
 * index.html: a navigation that takes HTML, to a path with no file extension, outside
 * /assets, /.well-known and /api in any spelling. Anything else is a 404: a missing script
 * must not come back as HTML with status 200, and neither may robots or manifest look-ups.
 */
function isAppRoute(request: FastifyRequest, normalized: string, base: '' | '/admin'): boolean {
  if (isUnder(normalized, API_PREFIX)) return false;
  if (base && !isUnder(normalized, base)) return false;
  const inside = normalized.slice(base.length) || '/';
  if (isUnder(inside, '/assets') || isUnder(normalized, '/.well-known')) return false;
  const lastSegment = inside.slice(inside.lastIndexOf('/') + 1);
  if (/\.[a-z0-9]+$/.test(lastSegment)) return false;
  return acceptsHtml(request);
}

function notFound(request: FastifyRequest, reply: FastifyReply, detail: string) {
  return sendProblem(
    reply,
    toProblem(new DomainError(404, 'not_found', 'Not found', detail)),
    request.id,
  );
}

/**
 * Serves the built patient SPA at / and the staff SPA at /admin: the build's files (hashed
 * assets immutable, each with the .br or .gz copy the build wrote when the request accepts
 * it), and each app's index.html for its client-side routes. Unknown files, /assets paths,
 * /.well-known paths and /api paths (however spelled) are problem+json 404s.
 */
export async function registerSpaHosting(app: FastifyInstance, dirs: SpaDirs): Promise<string[]> {
  const missing = [dirs.web, dirs.admin].filter((dir) => !existsSync(path.join(dir, 'index.html')));
  if (missing.length) return missing;
  const webIndex = readFileSync(path.join(dirs.web, 'index.html'), 'utf8');
  const adminIndex = readFileSync(path.join(dirs.admin, 'index.html'), 'utf8');
  const setHeaders = (reply: FastifyReply, file: string) => {
    if (HASHED_ASSET.test(file)) {
      void reply.header('cache-control', 'public, max-age=31536000, immutable');
    } else if (file.endsWith('.html')) {
      void reply.header('cache-control', 'no-cache');
    }
  };
  const staticOptions: FastifyStaticOptions = {
    wildcard: false,
    index: false,
    // The build's compressed copies are chosen by Accept-Encoding (with Vary), never served
    // under their own names; the build manifest (.vite/) is not served at all.
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    serveDotFiles: false,
    setHeaders,
  };
  await app.register(fastifyStatic, { ...staticOptions, root: dirs.web, prefix: '/' });
  await app.register(fastifyStatic, {
    ...staticOptions,
    root: dirs.admin,
    prefix: '/admin/',
    decorateReply: false,
  });
  app.get('/admin', (_request, reply) => serveIndex(reply, adminIndex));
  app.get('/admin/*', (request, reply) => {
    const normalized = normalizedPathOf(request);
    return normalized !== null && isAppRoute(request, normalized, '/admin')
      ? serveIndex(reply, adminIndex)
      : notFound(request, reply, 'No file at this address.');
  });
  app.get('/', (_request, reply) => serveIndex(reply, webIndex));
  app.get('/*', (request, reply) => {
    // The same reading of the path as every API check (common/request-path.ts): an /api path
    // however spelled, or one that cannot be decoded, never gets an app's HTML.
    const normalized = normalizedPathOf(request);
    if (normalized === null || isUnder(normalized, API_PREFIX)) {
      return notFound(request, reply, `No API route at ${request.url.split('?')[0]}.`);
    }
    return isAppRoute(request, normalized, '')
      ? serveIndex(reply, webIndex)
      : notFound(request, reply, 'No file at this address.');
  });
  return [];
}
