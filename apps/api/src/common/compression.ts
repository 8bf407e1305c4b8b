import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Smaller answers gain nothing worth the CPU: headers alone are a few hundred bytes. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * Routes whose answers may carry a credential (TOTP secret, recovery codes, the state of a
 * sign-in or registration) in the same body as text the request chose: never compressed, so
 * their length cannot leak the secret byte by byte (BREACH). They are small anyway.
 */
const UNCOMPRESSED_ROUTES = /^\/api\/v1\/(?:auth|account|registration)(?:\/|$)/;

/**
 * br or gzip (by Accept-Encoding, with Vary) for API answers and HTML of a kilobyte or more.
 * Decided per route as Fastify registers it, on the route's own path, so no spelling of a
 * request URL changes the choice. Request bodies are never decompressed: a small gzip body
 * must not expand past the body limit. The SPAs' assets come pre-compressed from the build
 * (spa-hosting.ts) and are passed through as they are.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // Before the plugin's own onRoute hook, which reads `compress` off each route.
  app.addHook('onRoute', (route) => {
    if (UNCOMPRESSED_ROUTES.test(route.url)) route.compress = false;
  });
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
  });
}
