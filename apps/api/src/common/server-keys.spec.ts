import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ServerKeys } from './server-keys.js';

function keys(id: string) {
  const key = randomBytes(32);
  return { all: new Map([[id, key]]), current: { id, key } };
}

describe('ServerKeys', () => {
  it('verifies its own HMACs, per purpose, and refuses a changed value', () => {
    const server = new ServerKeys(keys('k1'));
    const stored = server.hmac('recovery-code', 'abcd-efgh');
    expect(stored.startsWith('k1$')).toBe(true);
    expect(server.verifyHmac('recovery-code', 'abcd-efgh', stored)).toBe(true);
    expect(server.verifyHmac('recovery-code', 'abcd-efgi', stored)).toBe(false);
    expect(server.verifyHmac('csrf', 'abcd-efgh', stored)).toBe(false);
    expect(server.verifyHmac('recovery-code', 'abcd-efgh', 'nokey$xyz')).toBe(false);
  });

  it('round-trips encryption, refuses tampering, and reads values under an older key', () => {
    const old = keys('k1');
    const sealedByOld = new ServerKeys(old).encrypt('totp-secret', 'JBSWY3DPEHPK3PXP');
    const rotated = new ServerKeys({
      current: { id: 'k2', key: randomBytes(32) },
      all: new Map([...old.all, ['k2', randomBytes(32)]]),
    });
    expect(rotated.decrypt('totp-secret', sealedByOld)).toBe('JBSWY3DPEHPK3PXP');
    expect(ServerKeys.keyIdOf(rotated.encrypt('totp-secret', 'x'))).toBe('k2');
    const parts = sealedByOld.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(rotated.decrypt('totp-secret', parts.join('.'))).toBeNull();
    expect(rotated.decrypt('csrf', sealedByOld)).toBeNull();
    expect(new ServerKeys(keys('k3')).decrypt('totp-secret', sealedByOld)).toBeNull();
  });
});
