import type { FieldError } from '../../common/problem.js';
import { canonical, isBreached, unleet } from './breached-passwords.js';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** Who the password is for: what it must not contain. */
export interface PasswordOwner {
  username: string;
  email?: string | null;
  /** Display name, given, family and preferred names: each part of 3 or more letters counts. */
  names?: (string | null | undefined)[];
}

export const LEAKED_MESSAGE =
  'This password appears in lists of leaked passwords, so attackers try it first. Choose another one: a few unrelated words work well.';
export const PERSONAL_MESSAGE = "Don't use your name, username or email address in your password.";

/**
 * The words a password must not contain, in canonical form: the username, the email address
 * and its local part whole (3 characters or more), and every run of 3 or more letters in the
 * username, the local part and the names ("alex.rivera" gives "alex" and "rivera").
 */
export function personalWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const whole = (text: string) => {
    const c = canonical(text);
    if ([...c].length >= 3) words.add(c);
  };
  const parts = (text: string) => {
    for (const part of text.normalize('NFKC').split(/[^\p{L}]+/u)) {
      if ([...part].length >= 3) words.add(canonical(part));
    }
  };
  whole(owner.username);
  parts(owner.username);
  const email = owner.email?.trim() ?? '';
  if (email) {
    const at = email.lastIndexOf('@');
    const local = at > 0 ? email.slice(0, at) : email;
    whole(email);
    whole(local);
    parts(local);
  }
  for (const name of owner.names ?? []) parts(name ?? '');
  return [...words];
}

/**
 * ASVS 5.0 password rules: 12 to 128 characters, no composition rules, not in the shipped
 * breached-password corpus (breached-passwords.ts), not containing the owner's name,
 * username or email. Returns what is wrong, in words a patient reads.
 */
export function checkPassword(
  password: string,
  owner: PasswordOwner,
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
  const c = canonical(password);
  const readings = [c, ...unleet(c)];
  if (personalWords(owner).some((word) => readings.some((text) => text.includes(word)))) {
    return [{ field, message: PERSONAL_MESSAGE }];
  }
  if (isBreached(password)) return [{ field, message: LEAKED_MESSAGE }];
  return [];
}
