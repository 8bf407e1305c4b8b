import { describe, expect, it } from '@jest/globals';
import {
  checkPassword,
  LEAKED_MESSAGE,
  PERSONAL_MESSAGE,
  personalWords,
} from './password-policy.js';

const alex = { username: 'alex', email: 'alex@example.test', names: ['Alex'] };

describe('checkPassword', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(checkPassword('purple kettle on the hill', alex)).toEqual([]);
  });
  it('refuses fewer than 12 characters, counting characters not bytes', () => {
    expect(checkPassword('short pass', alex)[0]!.message).toMatch(/at least 12/);
    expect(checkPassword('ééééééééééé', alex)[0]!.message).toMatch(/at least 12/);
  });
  it('refuses more than 128 characters', () => {
    expect(checkPassword('x'.repeat(129), alex)[0]!.message).toMatch(/at most 128/);
  });

  it.each([
    // Whole leaked passwords of 12 characters or more, whatever the case.
    'PASSWORD1234',
    'qwertyuiopasdfghjkl',
    '1q2w3e4r5t6y7u8i',
    // Short leaked bases dressed up to pass the length rule.
    'Monkey2024!!',
    'sunshine123456',
    'Baseball12345',
    'iloveyou1234',
    'Liverpool1892!',
    'michael19851985',
    'P@ssw0rd2024',
    'trustno1trustno1',
    'Football 2024!',
  ])('refuses %s as leaked', (password) => {
    expect(checkPassword(password, alex)).toEqual([{ field: 'password', message: LEAKED_MESSAGE }]);
  });

  it('accepts uncommon passwords of the allowed length', () => {
    for (const password of [
      'rkdfz qpwo xmv',
      'walrus tundra 47 lantern',
      'Glacier-Pickle-Vortex',
      'a7Kq!mZ2#wLp',
    ]) {
      expect(checkPassword(password, alex)).toEqual([]);
    }
  });

  it('refuses the username, the email and its local part, and names, whatever the case', () => {
    const owner = {
      username: 'ana.silva',
      email: 'anasilva77@example.test',
      names: ['Ana Maria Silva-Costa', 'Jo'],
    };
    const refused = (password: string) => checkPassword(password, owner, 'newPassword');
    for (const password of [
      'my ANA.SILVA secret key',
      'hello anasilva77 friend',
      'the costa del sol walk',
      'walking with maria now',
      'S1lva is my family name',
    ]) {
      expect(refused(password)).toEqual([{ field: 'newPassword', message: PERSONAL_MESSAGE }]);
    }
    // "Jo": a part shorter than 3 letters does not count.
    expect(refused('jogging near the old bay')).toEqual([]);
  });

  it('lists the personal words in canonical form', () => {
    expect(
      personalWords({ username: 'J.Doe-99', email: 'Jane.Doe@Mail.Example', names: ['Jane Doe'] }),
    ).toEqual(
      expect.arrayContaining(['j.doe-99', 'doe', 'jane.doe@mail.example', 'jane.doe', 'jane']),
    );
  });
});
