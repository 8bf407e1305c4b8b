import { describe, expect, it } from '@jest/globals';
import { checkPassword } from './password-policy.js';

describe('checkPassword', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(checkPassword('purple kettle on the hill', 'alex')).toEqual([]);
  });
  it('refuses fewer than 12 characters, counting characters not bytes', () => {
    expect(checkPassword('short pass', 'alex')[0]!.message).toMatch(/at least 12/);
    expect(checkPassword('ééééééééééé', 'alex')[0]!.message).toMatch(/at least 12/);
  });
  it('refuses more than 128 characters', () => {
    expect(checkPassword('x'.repeat(129), 'alex')[0]!.message).toMatch(/at most 128/);
  });
  it('refuses a password from the common list, whatever its case', () => {
    expect(checkPassword('PASSWORD1234', 'alex')[0]!.message).toMatch(/too common/);
  });
  it('refuses a password containing the username', () => {
    expect(checkPassword('my-alex.rivera-secret', 'Alex.Rivera')[0]!.message).toMatch(/username/);
  });
});
