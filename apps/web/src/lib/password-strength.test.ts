import { estimatePasswordStrength } from '@portal/ui';

describe('estimatePasswordStrength (advice only; the server decides)', () => {
  it('says nothing about an empty password', () => {
    expect(estimatePasswordStrength('')).toEqual({ level: 0, advice: [], bits: 0 });
  });

  it('calls anything under 12 characters too short, however varied', () => {
    const result = estimatePasswordStrength('Xq7!bR2#');
    expect(result.level).toBe(0);
    expect(result.advice[0]).toBe('tooShort');
  });

  it('sees through common words, years and sequences', () => {
    expect(estimatePasswordStrength('password1234')).toMatchObject({
      level: 1,
      advice: expect.arrayContaining(['commonWord', 'sequence']),
    });
    expect(estimatePasswordStrength('Summer2024!!')).toMatchObject({
      level: 1,
      advice: expect.arrayContaining(['commonWord']),
    });
    expect(estimatePasswordStrength('qwertyuiop12').advice).toContain('sequence');
  });

  it('sees through repeats', () => {
    expect(estimatePasswordStrength('aaaaaaaaaaaaaaaa')).toMatchObject({
      level: 1,
      advice: expect.arrayContaining(['repeats']),
    });
    expect(estimatePasswordStrength('hat1hat1hat1hat1').advice).toContain('repeats');
  });

  it('marks a password holding the username as weak', () => {
    const result = estimatePasswordStrength('ana.silva and a long tail', { username: 'Ana.Silva' });
    expect(result.level).toBe(1);
    expect(result.advice).toContain('containsUsername');
  });

  it('marks names, the email address and parts of the username as the server refuses them', () => {
    const owner = {
      username: 'ana.silva',
      personal: ['Ana Maria Costa', 'anasilva77@example.test'],
    };
    for (const password of [
      'silva sunset on the pier',
      'walking with MARIA today',
      'costa del sol holiday',
      'hello anasilva77 friend',
    ]) {
      const result = estimatePasswordStrength(password, owner);
      expect(result.level).toBe(1);
      expect(result.advice[0]).toBe('containsUsername');
    }
    // A part shorter than 3 letters does not count, as on the server.
    expect(
      estimatePasswordStrength('jogging near the old bay', { personal: ['Jo'] }).advice,
    ).not.toContain('containsUsername');
  });

  it('rewards length and variety', () => {
    const short = estimatePasswordStrength('bluehorsetab');
    const longer = estimatePasswordStrength('blue horse table river');
    const varied = estimatePasswordStrength('Blue horse 7 table river!');
    expect(short.bits).toBeLessThan(longer.bits);
    expect(longer.bits).toBeLessThan(varied.bits);
    expect(longer.level).toBeGreaterThanOrEqual(3);
    expect(varied.level).toBe(4);
  });

  it('suggests more words for fair passwords of one kind of character', () => {
    const result = estimatePasswordStrength('bluehorsetab');
    expect(result.level).toBe(2);
    expect(result.advice).toEqual(['oneKind', 'addWords']);
  });
});
