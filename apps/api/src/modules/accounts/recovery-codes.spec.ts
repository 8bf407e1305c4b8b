import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ServerKeys } from '../../common/server-keys.js';
import {
  findRecoveryCode,
  newRecoveryCode,
  resealRecoveryCode,
  sealRecoveryCode,
} from './recovery-codes.js';

function keyring(...ids: string[]) {
  const entries = ids.map((id) => [id, randomBytes(32)] as const);
  return {
    current: { id: entries[0]![0], key: entries[0]![1] },
    all: new Map(entries),
  };
}

describe('recovery codes', () => {
  it('look like "abcde-fghjk" from an unambiguous alphabet', () => {
    for (let n = 0; n < 50; n++)
      expect(newRecoveryCode()).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it('are stored sealed and salted: the same code twice stores differently, and only it matches', () => {
    const keys = new ServerKeys(keyring('k1'));
    const rows = ['aaaaa-bbbbb', 'ccccc-ddddd', 'aaaaa-bbbbb'].map((code, id) => ({
      id,
      codeHash: sealRecoveryCode(keys, code),
    }));
    expect(rows[0]!.codeHash).not.toBe(rows[2]!.codeHash);
    expect(findRecoveryCode(keys, 'ccccc-ddddd', rows)?.id).toBe(1);
    expect(findRecoveryCode(keys, 'eeeee-fffff', rows)).toBeNull();
    // Without the key that sealed them, nothing matches.
    expect(findRecoveryCode(new ServerKeys(keyring('k1')), 'ccccc-ddddd', rows)).toBeNull();
  });

  it('still match when stored as an unsalted hash before, and are sealed again under a new key', () => {
    const old = keyring('k1');
    const legacy = createHash('sha256').update('ggggg-hhhhh').digest('hex');
    const sealedByOld = sealRecoveryCode(new ServerKeys(old), 'jjjjj-kkkkk');
    const rotated = keyring('k2');
    const both = new ServerKeys({
      current: rotated.current,
      all: new Map([...rotated.all, ...old.all]),
    });
    const resealed = [legacy, sealedByOld].map((stored) => resealRecoveryCode(both, stored));
    for (const value of resealed) expect(ServerKeys.keyIdOf(value as string)).toBe('k2');
    expect(resealRecoveryCode(both, resealed[0] as string)).toBe('current');
    const newOnly = new ServerKeys(rotated);
    const rows = resealed.map((codeHash, id) => ({ id, codeHash: codeHash as string }));
    expect(findRecoveryCode(newOnly, 'ggggg-hhhhh', rows)?.id).toBe(0);
    expect(findRecoveryCode(newOnly, 'jjjjj-kkkkk', rows)?.id).toBe(1);
    expect(resealRecoveryCode(newOnly, sealedByOld)).toBeNull();
  });
});
