import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CookieNames {
  /** The opaque session id (httpOnly). */
  session: string;
  /** The CSRF token the SPA echoes in X-CSRF-Token (readable by script). */
  csrf: string;
  /** The signed known-device token (httpOnly): this browser's own sign-in failure budget. */
  device: string;
}

/**
 * Where the public origin is HTTPS the cookies carry the `__Host-` prefix: browsers then
 * accept them only with Secure, Path=/ and no Domain, so neither a sibling subdomain nor a
 * plain-HTTP page of the same host can plant or overwrite them. Plain names on
 * http://localhost, where browsers refuse prefixed cookies.
 */
export function cookieNames(secure: boolean): CookieNames {
  return secure
    ? {
        session: '__Host-portal_session',
        csrf: '__Host-csrf_token',
        device: '__Host-portal_device',
      }
    : { session: 'portal_session', csrf: 'csrf_token', device: 'portal_device' };
}

/** Reads one cookie from the request's Cookie header. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export interface CookieOptions {
  httpOnly: boolean;
  secure: boolean;
  /** Seconds; 0 deletes the cookie; undefined makes a browser-session cookie. */
  maxAge?: number;
}

/** Appends a Set-Cookie header (SameSite=Lax, Path=/, never a Domain), keeping any set before. */
export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  options: CookieOptions,
): void {
  if (name.startsWith('__Host-') && !options.secure) {
    throw new Error(`The ${name} cookie must be Secure`);
  }
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'SameSite=Lax'];
  if (options.httpOnly) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  const existing = reply.getHeader('set-cookie');
  const list =
    existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  void reply.header('set-cookie', [...list, parts.join('; ')]);
}

/** True when the reply already sets the named cookie. */
export function replySetsCookie(reply: FastifyReply, name: string): boolean {
  const existing = reply.getHeader('set-cookie');
  const list =
    existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  return list.some((line) => line.startsWith(`${name}=`));
}
