import { cookieNames, type CookieNames } from '../../src/common/cookies.js';
import type { TestApp } from './test-app.js';

/**
 * Talks to the API the way the SPA does: keeps cookies, and sends the CSRF cookie back in
 * X-CSRF-Token on state-changing requests. The cookie names are the app's (`__Host-` ones
 * when its cookies are Secure).
 */
export class BrowserClient {
  readonly cookies = new Map<string, string>();
  readonly names: CookieNames;

  constructor(
    private readonly testApp: TestApp,
    private readonly ip?: string,
  ) {
    this.names = cookieNames(testApp.config.secureCookies);
  }

  /** The API's origin, for requests this client does not shape (raw file uploads, streams). */
  get baseUrl(): string {
    return this.testApp.url;
  }

  /** The session cookie's value, if any. */
  get session(): string | undefined {
    return this.cookies.get(this.names.session);
  }

  /** The CSRF cookie's value, if any. */
  get csrf(): string | undefined {
    return this.cookies.get(this.names.csrf);
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    if (method !== 'GET' && !this.cookies.has(this.names.csrf))
      await this.request('GET', '/api/v1/auth/session'); // any API answer hands out the CSRF cookie
    const response = await this.testApp.fetch(path, {
      method,
      headers: {
        ...(this.cookies.size
          ? {
              cookie: [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
            }
          : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf ?? '' } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.ip ? { 'x-forwarded-for': this.ip } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = decodeURIComponent(pair!.slice(index + 1));
      if (attributes.some((a) => a.trim() === 'Max-Age=0')) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Record<string, any>) : null, // eslint-disable-line @typescript-eslint/no-explicit-any
    };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown) {
    return this.request('POST', path, body);
  }

  async login(username: string, password: string) {
    return this.post('/api/v1/auth/login', { username, password });
  }
}
