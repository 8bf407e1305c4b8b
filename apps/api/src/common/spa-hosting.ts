import { existsSync, readFileSync } from 'node:fs';
import { constants as zlibConstants, brotliCompressSync, gzipSync } from 'node:zlib';
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

/** An app's index.html, with its br and gzip forms made once at boot. */
interface IndexPage {
  identity: Buffer;
  br: Buffer;
  gzip: Buffer;
}

function indexPage(file: string): IndexPage {
  const identity = readFileSync(file);
  return {
    identity,
    br: brotliCompressSync(identity, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
    gzip: gzipSync(identity, { level: 9 }),
  };
}

/** The encodings a request accepts (q=0 refuses one), from its Accept-Encoding. */
function accepted(request: FastifyRequest): Set<string> {
  const header = request.headers['accept-encoding'];
  const names = new Set<string>();
  for (const part of (typeof header === 'string' ? header : '').split(',')) {
    const [name = '', ...params] = part.split(';').map((item) => item.trim().toLowerCase());
    if (params.some((param) => /^q=0(?:\.0{0,3})?$/.test(param))) continue;
    if (name) names.add(name);
  }
  return names;
}

function serveIndex(request: FastifyRequest, reply: FastifyReply, page: IndexPage) {
  // The shell must never be stale (hashed assets under /assets are cached for a year), and is
  // the first thing a phone downloads: compressed whatever its size, by Accept-Encoding.
  const encodings = accepted(request);
  const encoding = encodings.has('br') ? 'br' : encodings.has('gzip') ? 'gzip' : null;
  void reply
    .header('cache-control', 'no-cache')
    .header('vary', 'Accept-Encoding')
    .type('text/html; charset=utf-8');
  if (encoding) void reply.header('content-encoding', encoding);
  return reply.send(encoding ? page[encoding] : page.identity);
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
  const webIndex = indexPage(path.join(dirs.web, 'index.html'));
  const adminIndex = indexPage(path.join(dirs.admin, 'index.html'));
  // Its own encodings (above): the API's compression must not encode it a second time.
  const index = { compress: false as const };
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
  app.get('/admin', index, (request, reply) => serveIndex(request, reply, adminIndex));
  app.get('/admin/*', index, (request, reply) => {
    const normalized = normalizedPathOf(request);
    return normalized !== null && isAppRoute(request, normalized, '/admin')
      ? serveIndex(request, reply, adminIndex)
      : notFound(request, reply, 'No file at this address.');
  });
  app.get('/', index, (request, reply) => serveIndex(request, reply, webIndex));
  app.get('/*', index, (request, reply) => {
    // The same reading of the path as every API check (common/request-path.ts): an /api path
    // however spelled, or one that cannot be decoded, never gets an app's HTML.
    const normalized = normalizedPathOf(request);
    if (normalized === null || isUnder(normalized, API_PREFIX)) {
      return notFound(request, reply, `No API route at ${request.url.split('?')[0]}.`);
    }
    return isAppRoute(request, normalized, '')
      ? serveIndex(request, reply, webIndex)
      : notFound(request, reply, 'No file at this address.');
  });
  return [];
}
