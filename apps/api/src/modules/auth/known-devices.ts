import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { ServerKeys } from '../../common/server-keys.js';

/** How long the known-device cookie (a browser where the account's owner signed in before) lasts. */
export const DEVICE_TTL_SECONDS = 180 * 24 * 60 * 60;
const PURPOSE = 'known-device';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;

export interface KnownDevice {
  accountId: string;
  deviceId: string;
}

/**
 * Known-device tokens: `v1.<account id>.<device id>.<expiry, unix s>.<HMAC>`, signed with the
 * server keys (purpose "known-device"), so nothing is stored and any API process can check
 * one. A token is handed out after a right password (or an unlock link) on that browser; a
 * sign-in that presents one for the account typed is throttled per device, not on the
 * account's shared budget, which a stranger guessing from elsewhere can exhaust. The token
 * never signs anyone in or skips a factor: a wrong password on a known device still fails.
 */
@Injectable()
export class KnownDevicesService {
  constructor(
    private readonly keys: ServerKeys,
    private readonly clock: Clock,
  ) {}

  /** A token for this browser; keeps the device id when the browser already had one. */
  issue(accountId: string, deviceId = randomBytes(16).toString('base64url')): string {
    const expires = Math.floor(this.clock.now().getTime() / 1000) + DEVICE_TTL_SECONDS;
    const payload = `v1.${accountId}.${deviceId}.${expires}`;
    return `${payload}.${this.keys.hmac(PURPOSE, payload)}`;
  }

  /** The device a token names, or null when it is malformed, forged or expired. */
  read(token: string | undefined): KnownDevice | null {
    if (!token || token.length > 300) return null;
    const parts = token.split('.');
    if (parts.length !== 5 || parts[0] !== 'v1') return null;
    const [, accountId = '', deviceId = '', expires = '', mac = ''] = parts;
    if (!UUID.test(accountId) || !DEVICE_ID.test(deviceId) || !/^\d{1,12}$/.test(expires)) {
      return null;
    }
    if (!this.keys.verifyHmac(PURPOSE, parts.slice(0, 4).join('.'), mac)) return null;
    if (Number(expires) * 1000 <= this.clock.now().getTime()) return null;
    return { accountId, deviceId };
  }
}
