import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Clock } from '../../common/clock.js';
import { ServerKeys } from '../../common/server-keys.js';
import { newId } from '../../infra/database/ids.js';
import { DEVICE_TTL_SECONDS, KnownDevicesService } from './known-devices.js';

function serverKeys(id = 'k1') {
  const key = randomBytes(32);
  return new ServerKeys({ all: new Map([[id, key]]), current: { id, key } });
}

describe('KnownDevicesService', () => {
  const clock = new Clock();
  const keys = serverKeys();
  const devices = new KnownDevicesService(keys, clock);
  const accountId = newId();

  it('reads back the account and device of a token it issued', () => {
    const token = devices.issue(accountId);
    const device = devices.read(token)!;
    expect(device.accountId).toBe(accountId);
    expect(device.deviceId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // Re-issued on the next sign-in, the device keeps its id.
    expect(devices.read(devices.issue(accountId, device.deviceId))).toEqual(device);
  });

  it('refuses a token altered, signed with another key, malformed or missing', () => {
    const token = devices.issue(accountId);
    const [v, , device, expires, mac] = token.split('.');
    expect(devices.read([v, newId(), device, expires, mac].join('.'))).toBeNull();
    expect(
      devices.read([v, accountId, device, String(Number(expires) + 1), mac].join('.')),
    ).toBeNull();
    expect(new KnownDevicesService(serverKeys(), clock).read(token)).toBeNull();
    for (const bad of [undefined, '', 'v1', `${token}.extra`, 'x'.repeat(400)]) {
      expect(devices.read(bad)).toBeNull();
    }
  });

  it('expires after 180 days', () => {
    const token = devices.issue(accountId);
    const later = new Clock();
    later.advance(DEVICE_TTL_SECONDS * 1000 - 60_000);
    expect(new KnownDevicesService(keys, later).read(token)).not.toBeNull();
    later.advance(120_000);
    expect(new KnownDevicesService(keys, later).read(token)).toBeNull();
  });
});
