import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FieldError } from '../../common/problem.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

let common: Set<string> | null = null;

/** The shipped list of common passwords, read once on first use. */
function commonPasswords(): Set<string> {
  if (!common) {
    // The .txt sits next to the source; the build copies it beside the compiled file.
    const file = fileURLToPath(new URL('./common-passwords.txt', import.meta.url));
    common = new Set(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line && !line.startsWith('#')),
    );
  }
  return common;
}

/**
 * ASVS 5.0 password rules: 12 to 128 characters, no composition rules, not a common
 * password, not containing the username. Returns what is wrong, in words a patient reads.
 */
export function checkPassword(
  password: string,
  username: string,
  field = 'password',
): FieldError[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN) {
    return [
      {
        field,
        message: `Use at least ${PASSWORD_MIN} characters. A short sentence is easy to remember.`,
      },
    ];
  }
  if (length > PASSWORD_MAX) return [{ field, message: `Use at most ${PASSWORD_MAX} characters.` }];
  if (commonPasswords().has(password.toLowerCase())) {
    return [
      { field, message: 'This password is too common and easy to guess. Choose another one.' },
    ];
  }
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    return [{ field, message: 'Your password must not contain your username.' }];
  }
  return [];
}
