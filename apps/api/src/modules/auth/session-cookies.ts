import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readCookie, setCookie, type CookieNames } from '../../common/cookies.js';
import { csrfTokensFor, type CsrfTokens } from '../../common/csrf.js';
import { ServerKeys } from '../../common/server-keys.js';
import { DEVICE_TTL_SECONDS } from './known-devices.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';

/**
 * The session cookie and the CSRF token bound to it, always set together: every new session
 * id comes with a new token, so a token seen before sign-in is worthless after it.
 */
@Injectable()
export class SessionCookies {
  private readonly csrf: CsrfTokens;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    keys: ServerKeys,
  ) {
    this.csrf = csrfTokensFor(config, keys);
  }

  get names(): CookieNames {
    return this.csrf.names;
  }

  /** The session id the request carries, if any. */
  read(request: FastifyRequest): string | undefined {
    return readCookie(request, this.names.session) || undefined;
  }

  /** Sets a new session id and the CSRF token bound to it. */
  open(reply: FastifyReply, sessionToken: string): void {
    setCookie(reply, this.names.session, sessionToken, {
      httpOnly: true,
      secure: this.config.secureCookies,
    });
    this.csrf.issue(reply, sessionToken);
  }

  /** The known-device token the request carries, if any. */
  readDevice(request: FastifyRequest): string | undefined {
    return readCookie(request, this.names.device) || undefined;
  }

  /** The known-device cookie: sign-ins from this browser get their own failure budget. */
  rememberDevice(reply: FastifyReply, deviceToken: string): void {
    setCookie(reply, this.names.device, deviceToken, {
      httpOnly: true,
      secure: this.config.secureCookies,
      maxAge: DEVICE_TTL_SECONDS,
    });
  }

  /** Deletes the session cookie and hands out a fresh anonymous CSRF token. */
  clear(reply: FastifyReply): void {
    setCookie(reply, this.names.session, '', {
      httpOnly: true,
      secure: this.config.secureCookies,
      maxAge: 0,
    });
    this.csrf.issue(reply, null);
  }
}
