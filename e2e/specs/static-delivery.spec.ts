/**
 * How the running portal delivers the two built SPAs: pre-compressed assets chosen by
 * Accept-Encoding, caching (hashed assets immutable, index.html revalidated), robots.txt,
 * and 404s (problem+json) instead of the app's HTML for anything that is not one of the
 * apps' own pages. Raw node:http requests, so no client rewrites the path or the encoding.
 */
import { request as httpRequest } from 'node:http';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { baseUrl } from '../support/env.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET exactly `path` (not normalized) with exactly these headers. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET', headers });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.end();
  });
}

const navigation = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

async function entryScript(base: '/' | '/admin/'): Promise<string> {
  const html = (await get(base, navigation)).body.toString();
  const src = html.match(/<script type="module" crossorigin src="([^"]+)"/)?.[1];
  if (!src) throw new Error(`no entry script in ${base}`);
  return src;
}

describe('the built SPAs, as served', () => {
  it.each(['/', '/admin/'] as const)(
    'send %s scripts pre-compressed: br, else gzip, else plain, with Vary',
    async (base) => {
      const script = await entryScript(base);
      const plain = await get(script);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

      const br = await get(script, { 'accept-encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      expect(br.body.length).toBeLessThan(plain.body.length / 2.5);

      const gzip = await get(script, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    },
  );

  it('compresses the stylesheet and the API document too', async () => {
    const html = (await get('/', navigation)).body.toString();
    const css = html.match(/<link rel="stylesheet" crossorigin href="([^"]+)"/)?.[1];
    expect((await get(css!, { 'accept-encoding': 'br' })).headers['content-encoding']).toBe('br');
    const openapi = await get('/api/openapi.json', { 'accept-encoding': 'br, gzip' });
    expect(openapi.status).toBe(200);
    expect(openapi.headers['content-encoding']).toBe('br');
    expect(openapi.headers.vary).toMatch(/accept-encoding/i);
  });

  it.each(['/', '/appointments', '/results/trends/4548-4', '/admin/', '/admin/staff'])(
    'answers the navigation to %s with the app, revalidated every time',
    async (path) => {
      const page = await get(path, { ...navigation, 'accept-encoding': 'br' });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers.vary).toMatch(/accept-encoding/i);
      const html =
        page.headers['content-encoding'] === 'br' ? brotliDecompressSync(page.body) : page.body;
      expect(html.toString()).toContain('<div id="root">');
    },
  );

  it('keeps the portal out of search indexes with a real robots.txt', async () => {
    const robots = await get('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.body.toString()).toMatch(/^User-agent: \*$/m);
    expect(robots.body.toString()).toMatch(/^Disallow: \/$/m);
  });

  it.each([
    '/assets/no-such-file.js',
    '/admin/assets/no-such-file.css',
    '/manifest.webmanifest',
    '/no-such-file.png',
    '/admin/no-such-file.json',
    '/.well-known/anything',
    '/.well-known/security.txt',
    '/.vite/manifest.json',
    '/%61pi/v1/no-such-route',
    '//api/v1/no-such-route',
    '/API/v1/no-such-route',
    '/Api',
    '/admin/../api/v1/no-such-route',
  ])('answers %s with a problem+json 404, never the app', async (path) => {
    const answer = await get(path, navigation);
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body.toString())).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers an app path asked for as data, not as a page, with a 404', async () => {
    const answer = await get('/appointments', { accept: 'application/json' });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
