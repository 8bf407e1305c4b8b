import { checkUsername, suggestUsername } from './username';

describe('checkUsername', () => {
  it.each([
    ['', 'required'],
    ['al', 'tooShort'],
    ['a'.repeat(65), 'tooLong'],
    ['alex rivera', 'characters'],
    ['álex', 'characters'],
  ])('refuses %j (%s)', (username, problem) => {
    expect(checkUsername(username)).toBe(problem);
  });

  it('accepts letters, digits, dots, underscores and dashes', () => {
    expect(checkUsername('Alex.Rivera_2-b')).toBeUndefined();
    expect(checkUsername('a'.repeat(64))).toBeUndefined();
  });
});

describe('suggestUsername', () => {
  it('adds a two-digit number', () => {
    expect(suggestUsername('alex.rivera', () => 0)).toBe('alex.rivera10');
    expect(suggestUsername('alex.rivera', () => 0.999)).toBe('alex.rivera99');
  });

  it('stays within the length and character rules', () => {
    const long = suggestUsername('a'.repeat(64), () => 0.5);
    expect(long).toHaveLength(64);
    expect(checkUsername(long)).toBeUndefined();
    expect(checkUsername(suggestUsername('al ex!', () => 0.5))).toBeUndefined();
  });
});
