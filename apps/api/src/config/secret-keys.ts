import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error.js';

/** One server key: a short id (stored beside what it protects) and 32 random bytes. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** The first key is current (signs, encrypts); all of them verify and decrypt. */
export interface SecretKeys {
  current: SecretKey;
  all: ReadonlyMap<string, Buffer>;
}

const ENTRY = /^([A-Za-z0-9_-]{1,16}):([A-Za-z0-9+/_-]{43,44}={0,2})$/;
const KEY_FILE = 'secret-keys';

function parse(raw: string, variable: string): SecretKeys {
  const entries = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new ConfigError(variable, 'expected at least one key');
  const all = new Map<string, Buffer>();
  const keys: SecretKey[] = [];
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    const id = match?.[1];
    const key = match?.[2] ? Buffer.from(match[2], 'base64') : null;
    if (!id || !key || key.length !== 32) {
      throw new ConfigError(
        variable,
        'expected a comma-separated list of id:key, each key 32 random bytes in base64 ' +
          "(generate one with: node -e \"console.log('k1:'+crypto.randomBytes(32).toString('base64'))\")",
      );
    }
    if (all.has(id)) throw new ConfigError(variable, `key id "${id}" appears twice`);
    all.set(id, key);
    keys.push({ id, key });
  }
  return { current: keys[0]!, all };
}

export function formatSecretKey(id: string, key: Buffer): string {
  return `${id}:${key.toString('base64')}`;
}

/**
 * APP_SECRET_KEYS when set. Production must set it (the process stops, naming the variable);
 * elsewhere (the embedded default, development, tests) a key is generated once and kept in
 * DATA_DIR/secret-keys, readable by the owner only, so it survives restarts.
 */
export function loadSecretKeys(
  env: Record<string, string | undefined>,
  options: { production: boolean; dataDir: string },
): SecretKeys {
  const raw = env.APP_SECRET_KEYS;
  if (raw !== undefined && raw !== '') return parse(raw, 'APP_SECRET_KEYS');
  if (options.production) {
    throw new ConfigError(
      'APP_SECRET_KEYS',
      'required in production: a comma-separated list of id:key, newest first (see docs/operations.md)',
    );
  }
  const file = path.join(options.dataDir, KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    try {
      writeFileSync(file, `${formatSecretKey('local1', randomBytes(32))}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      // Another process (a parallel test worker) wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  return parse(readFileSync(file, 'utf8'), `${file} (or APP_SECRET_KEYS)`);
}
