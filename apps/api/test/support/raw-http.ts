import net from 'node:net';
import type { TestApp } from './test-app.js';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  body: string;
  json(): Record<string, unknown>;
}

export interface Exchange {
  /** Every complete response read, in order (interim 1xx ones included). */
  responses: RawResponse[];
  /** The error the connection ended with (a reset, a broken pipe), if any. */
  error?: string;
}

/** Parses as many complete HTTP/1.1 responses (with Content-Length) as the bytes hold. */
export function parseResponses(data: Buffer): RawResponse[] {
  const responses: RawResponse[] = [];
  let offset = 0;
  for (;;) {
    const headEnd = data.indexOf('\r\n\r\n', offset);
    if (headEnd < 0) break;
    const [statusLine, ...lines] = data.subarray(offset, headEnd).toString('latin1').split('\r\n');
    const status = Number(statusLine!.split(' ')[1]);
    const headers: Record<string, string> = {};
    const setCookies: string[] = [];
    for (const line of lines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'set-cookie') setCookies.push(value);
      else headers[name] = value;
    }
    const length = status < 200 ? 0 : Number(headers['content-length'] ?? 0);
    if (data.length < headEnd + 4 + length) break;
    const body = data.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
    responses.push({
      status,
      headers,
      setCookies,
      body,
      json: () => JSON.parse(body) as Record<string, unknown>,
    });
    offset = headEnd + 4 + length;
  }
  return responses;
}

/**
 * Writes the chunks to a fresh connection to the test app, one after another (each waits for
 * the previous to be taken by the socket), exactly as given: no client-side normalization of
 * the path, unlike fetch. Resolves when `until` responses have been read (1xx ones count) or
 * the connection ends.
 */
export function exchange(
  testApp: TestApp,
  chunks: Array<string | Buffer>,
  until = Infinity,
): Promise<Exchange> {
  const { port, hostname } = new URL(testApp.url);
  return new Promise((resolve) => {
    let data = Buffer.alloc(0);
    let error: string | undefined;
    let done = false;
    const socket = net.connect(Number(port), hostname);
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ responses: parseResponses(data), ...(error ? { error } : {}) });
    };
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (parseResponses(data).length >= until) finish();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error = e.code ?? e.message;
    });
    socket.on('close', finish);
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (done || socket.destroyed) return;
        await new Promise<void>((written) => socket.write(chunk, () => written()));
      }
    });
  });
}

/** One request over a fresh connection (Connection: close), its path sent byte for byte. */
export async function rawRequest(
  testApp: TestApp,
  options: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const body = options.body ?? '';
  const headers: Record<string, string> = {
    host: new URL(testApp.url).host,
    connection: 'close',
    ...(body || options.method !== 'GET'
      ? { 'content-length': String(Buffer.byteLength(body)) }
      : {}),
    ...options.headers,
  };
  const head =
    `${options.method} ${options.path} HTTP/1.1\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    '\r\n';
  const { responses, error } = await exchange(testApp, [head + body], 1);
  if (!responses[0]) throw new Error(`no response to ${options.method} ${options.path} (${error})`);
  return responses[0];
}
