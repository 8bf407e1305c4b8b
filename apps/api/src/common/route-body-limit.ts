import type { Server } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { applyDecorators } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { DomainError } from './problem.js';

/**
 * A larger body limit for one route (an import file, a PDF attachment), through the Nest
 * route config: Nest passes only `config` to Fastify, so the hook below copies it to the
 * route's own bodyLimit. Every other route keeps the global limit.
 */
export function RouteBodyLimit(bytes: number) {
  return applyDecorators(RouteConfig({ bodyLimit: bytes }));
}

/** Installs the hook; Fastify calls onRoute hooks as each route is declared, so call it first. */
export function registerRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });
}

/**
 * An over-limit body this size or smaller is read to its end (and thrown away) before the 413
 * goes out: a client that sends its whole body before reading the answer gets the answer
 * instead of a reset connection. Beyond it the connection is cut.
 */
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

function tooLarge(limit: number): DomainError {
  return new DomainError(
    413,
    'payload_too_large',
    'The request body is too large',
    `The request body is larger than this request accepts (${limit} bytes).`,
  );
}

function expectsContinue(request: FastifyRequest): boolean {
  return /^100-continue$/i.test(request.headers.expect ?? '');
}

/** Reads a stream to its end, keeping nothing; rejects when it passes `max` bytes. */
function drain(stream: Readable, max: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    stream.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > max) {
        stream.destroy();
        reject(new Error('body beyond the drain limit'));
      }
    });
    stream.once('end', () => resolve());
    stream.once('error', reject);
  });
}

/** Passes a chunked body on up to the limit; past it, reads the rest away and then fails. */
function limited(stream: Readable, limit: number): Transform {
  let seen = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > DRAIN_LIMIT_BYTES) return callback(tooLarge(limit));
      callback(null, seen > limit ? undefined : chunk);
    },
    flush(callback) {
      callback(seen > limit ? tooLarge(limit) : null);
    },
  });
  stream.on('error', (error) => transform.destroy(error));
  return stream.pipe(transform);
}

/**
 * Bodies over the route's limit get a problem+json 413 that the client can read, and
 * `Expect: 100-continue` is answered only once the body is wanted: a request refused by its
 * headers (CSRF, content type, size) gets its final answer before it sends any body.
 */
export function registerBodyLimitAnswers(fastify: FastifyInstance, server: Server): void {
  // With a listener, Node leaves the 100 Continue to us (written in preParsing below).
  server.on('checkContinue', (request, response) => server.emit('request', request, response));
  fastify.addHook('preParsing', async (request: FastifyRequest, reply: FastifyReply, payload) => {
    const limit = request.routeOptions.bodyLimit;
    const declared = Number(request.headers['content-length']);
    if (declared > limit) {
      if (expectsContinue(request)) throw tooLarge(limit); // nothing was sent yet
      if (declared > DRAIN_LIMIT_BYTES) void reply.header('connection', 'close');
      else await drain(payload, declared).catch(() => undefined);
      throw tooLarge(limit);
    }
    if (expectsContinue(request) && !reply.raw.headersSent) reply.raw.writeContinue();
    if (request.headers['transfer-encoding'] !== undefined) return limited(payload, limit);
    return payload;
  });
}
