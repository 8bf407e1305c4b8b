/** The API's username rules: 3 to 64 letters, digits, dots, underscores and dashes. */
export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 64;
const USERNAME_PATTERN = /^[A-Za-z0-9._-]+$/;

export type UsernameProblem = 'required' | 'tooShort' | 'tooLong' | 'characters';

/** What is wrong with a username before asking the server (which also checks it is free). */
export function checkUsername(username: string): UsernameProblem | undefined {
  const length = [...username].length;
  if (length === 0) return 'required';
  if (!USERNAME_PATTERN.test(username)) return 'characters';
  if (length < USERNAME_MIN_LENGTH) return 'tooShort';
  if (length > USERNAME_MAX_LENGTH) return 'tooLong';
  return undefined;
}

/**
 * A free-looking alternative to a taken username: the same name with a two-digit number
 * added ("alex.rivera" → "alex.rivera27"), still within the rules. The server still decides.
 */
export function suggestUsername(taken: string, random: () => number = Math.random): string {
  const number = 10 + Math.floor(random() * 90);
  const base = taken.replace(/[^A-Za-z0-9._-]/g, '').slice(0, USERNAME_MAX_LENGTH - 2);
  return `${base || 'patient'}${number}`;
}
