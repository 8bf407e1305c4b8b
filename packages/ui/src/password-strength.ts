/**
 * A small, offline password strength estimate to guide people while they type. It is advice
 * only: the server applies the real rules (length, its list of common passwords, username).
 *
 * The estimate counts roughly how many guesses an attacker would need, in bits:
 * - each character is worth log2 of the alphabet it draws from (lower case, upper case,
 *   digits, spaces and symbols, other scripts), so length and variety both help;
 * - a common word or a year is worth only what picking it from a short list is worth;
 * - repeated characters or chunks ("aaaa", "abcabc") and sequences ("1234", "qwerty") add
 *   almost nothing after their first character;
 * - the username, the owner's names and email address add nothing at all (the server refuses
 *   them as it does: whole, the email's local part, and each run of 3 or more letters).
 */

export type PasswordStrengthLevel = 0 | 1 | 2 | 3 | 4;

/** Why a password is weaker than it looks; each maps to one sentence of advice. */
export type PasswordAdvice =
  | 'tooShort'
  | 'tooLong'
  | 'containsUsername'
  | 'commonWord'
  | 'repeats'
  | 'sequence'
  | 'oneKind'
  | 'addWords';

export interface PasswordStrength {
  /** 0: empty or too short, 1: weak, 2: fair, 3: good, 4: strong. */
  level: PasswordStrengthLevel;
  /** What would make it stronger, most useful first. */
  advice: PasswordAdvice[];
  /** The estimate itself, for tests and tuning. */
  bits: number;
}

export interface PasswordStrengthOptions {
  username?: string;
  /** The owner's names and email address, which the server refuses in a password too. */
  personal?: readonly string[];
  minLength?: number;
  maxLength?: number;
}

/**
 * Fragments that turn up again and again in leaked passwords. Kept short on purpose (it ships
 * in the app); the server checks a million leaked passwords.
 */
const COMMON_WORDS = [
  'password',
  'passw0rd',
  'letmein',
  'welcome',
  'qwerty',
  'admin',
  'login',
  'iloveyou',
  'love',
  'monkey',
  'dragon',
  'master',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'soccer',
  'hockey',
  'shadow',
  'superman',
  'batman',
  'trustno',
  'starwars',
  'whatever',
  'freedom',
  'hello',
  'secret',
  'summer',
  'winter',
  'spring',
  'autumn',
  'charlie',
  'michael',
  'jessica',
  'jordan',
  'hunter',
  'ranger',
  'buster',
  'pepper',
  'ginger',
  'cookie',
  'flower',
  'jesus',
  'money',
  'computer',
  'internet',
  'portal',
  'patient',
  'clinic',
  'health',
  'doctor',
  'hospital',
  'changeme',
  'default',
  'mustang',
  'liverpool',
  'chelsea',
  'pokemon',
  'matrix',
  'access',
  'dallas',
  'tigger',
  'killer',
  'abc123',
  'azerty',
  'qazwsx',
  'zaq12wsx',
  'asdfgh',
  'zxcvbn',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];

/** Bits for a word or year picked from a list of about a thousand likely choices. */
const LIST_PICK_BITS = 10;
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890'];

function alphabetBits(characters: readonly string[]): number {
  let size = 0;
  if (characters.some((c) => /\p{Ll}/u.test(c))) size += 26;
  if (characters.some((c) => /\p{Lu}/u.test(c))) size += 26;
  if (characters.some((c) => /\p{Nd}/u.test(c))) size += 10;
  if (characters.some((c) => /[\s\p{P}\p{S}]/u.test(c))) size += 33;
  if (characters.some((c) => !/[\p{Ll}\p{Lu}\p{Nd}\s\p{P}\p{S}]/u.test(c))) size += 100;
  return Math.log2(Math.max(size, 2));
}

function kindsOf(characters: readonly string[]): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((pattern) =>
    characters.some((c) => pattern.test(c)),
  ).length;
}

/** True when b follows a in the alphabet, the digits or a keyboard row (either way). */
function follows(a: string, b: string): boolean {
  const step = (b.codePointAt(0) ?? 0) - (a.codePointAt(0) ?? 0);
  if ((step === 1 || step === -1) && /[a-z0-9]/.test(a) && /[a-z0-9]/.test(b)) {
    return true;
  }
  return KEYBOARD_ROWS.some((row) => {
    const i = row.indexOf(a);
    return i >= 0 && (row[i + 1] === b || row[i - 1] === b);
  });
}

/** What the server's policy refuses inside a password, lower case. */
function personalWords(username: string, personal: readonly string[]): string[] {
  const words = new Set<string>();
  const add = (word: string) => {
    if ([...word].length >= 3) words.add(word);
  };
  for (const source of [username, ...personal]) {
    const lower = source.trim().toLowerCase();
    add(lower);
    const at = lower.lastIndexOf('@');
    if (at > 0) add(lower.slice(0, at));
    for (const part of (at > 0 ? lower.slice(0, at) : lower).split(/[^\p{L}]+/u)) add(part);
  }
  return [...words];
}

export function estimatePasswordStrength(
  password: string,
  { username = '', personal = [], minLength = 12, maxLength = 128 }: PasswordStrengthOptions = {},
): PasswordStrength {
  const characters = [...password];
  const length = characters.length;
  if (length === 0) {
    return { level: 0, advice: [], bits: 0 };
  }
  const lower = characters.map((c) => c.toLowerCase());
  const text = lower.join('');
  // Characters already paid for by a cheaper explanation (a word, a run, the username).
  const covered = new Array<boolean>(length).fill(false);
  const advice = new Set<PasswordAdvice>();
  let bits = 0;

  const cover = (start: number, end: number) => {
    for (let i = start; i < end; i += 1) covered[i] = true;
  };
  // Indexes into `characters` from a string index (they differ only for astral characters).
  const charIndex = (stringIndex: number) => [...text.slice(0, stringIndex)].length;

  for (const word of personalWords(username, personal)) {
    for (let from = text.indexOf(word); from >= 0; from = text.indexOf(word, from + 1)) {
      const start = charIndex(from);
      cover(start, start + [...word].length);
      advice.add('containsUsername');
    }
  }

  for (const word of COMMON_WORDS) {
    let from = text.indexOf(word);
    while (from >= 0) {
      const start = charIndex(from);
      const end = start + word.length;
      if (!covered.slice(start, end).every(Boolean)) {
        cover(start, end);
        bits += LIST_PICK_BITS;
        advice.add('commonWord');
      }
      from = text.indexOf(word, from + word.length);
    }
  }

  for (const match of text.matchAll(/(?:19|20)\d\d/g)) {
    const start = charIndex(match.index);
    if (!covered[start]) {
      cover(start, start + 4);
      bits += LIST_PICK_BITS;
      advice.add('commonWord');
    }
  }

  // Runs of one character ("aaa") and repeated chunks ("abcabc", "1212").
  for (const match of text.matchAll(/(.+?)\1+/gu)) {
    const [whole, unit] = match;
    const start = charIndex(match.index);
    const unitLength = [...(unit ?? '')].length;
    const wholeLength = [...whole].length;
    if (wholeLength >= 3 && wholeLength >= unitLength * 2) {
      cover(start + unitLength, start + wholeLength);
      bits += 1;
      advice.add('repeats');
    }
  }

  // Sequences of three or more: "abc", "4321", "qwer".
  let runStart = 0;
  for (let i = 1; i <= length; i += 1) {
    const continues = i < length && follows(lower[i - 1] ?? '', lower[i] ?? '');
    if (!continues) {
      if (i - runStart >= 3) {
        cover(runStart + 1, i);
        bits += 2;
        advice.add('sequence');
      }
      runStart = i;
    }
  }

  const perCharacter = alphabetBits(characters);
  bits += covered.filter((isCovered) => !isCovered).length * perCharacter;
  bits = Math.round(bits);

  let level: PasswordStrengthLevel;
  if (length < minLength) {
    level = 0;
  } else if (advice.has('containsUsername') || length > maxLength) {
    level = 1;
  } else if (bits < 45) {
    level = 1;
  } else if (bits < 65) {
    level = 2;
  } else if (bits < 85) {
    level = 3;
  } else {
    level = 4;
  }

  const ordered: PasswordAdvice[] = [];
  if (length < minLength) ordered.push('tooShort');
  if (length > maxLength) ordered.push('tooLong');
  for (const reason of ['containsUsername', 'commonWord', 'repeats', 'sequence'] as const) {
    if (advice.has(reason)) ordered.push(reason);
  }
  if (level >= 1 && level <= 2 && kindsOf(characters) === 1) ordered.push('oneKind');
  if (level >= 1 && level <= 2) ordered.push('addWords');
  return { level, advice: ordered, bits };
}
