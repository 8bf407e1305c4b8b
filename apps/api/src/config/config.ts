import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './config-error.js';
import { loadSecretKeys, type SecretKeys } from './secret-keys.js';

/** The repository root: this file sits at apps/api/{src,dist}/config/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Typed configuration, read once at boot from the environment. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** Interface to listen on: loopback unless HOST says otherwise. */
  host: string;
  /**
   * HOST is a loopback address: nobody but this machine can reach the portal. Only then may it
   * seed the demo accounts (published passwords), let staff in without a second factor, or
   * print emailed links in the log, unless DANGEROUSLY_ALLOW_DEMO_ON_NETWORK says otherwise.
   */
  loopbackOnly: boolean;
  /** DANGEROUSLY_ALLOW_DEMO_ON_NETWORK: a throw-away demo that others may reach, on purpose. */
  demoOnNetworkAllowed: boolean;
  /** Public origin used to build links in emails. */
  publicUrl: string;
  /** null means "start the embedded PostgreSQL". */
  databaseUrl: string | null;
  /** The embedded default (no DATABASE_URL given), even after the embedded server's URL is known. */
  embedded: boolean;
  /** null means "BullMQ on its PostgreSQL backend, in the app's database". */
  redisUrl: string | null;
  /** null means "write .eml files to the outbox folder". */
  smtpUrl: string | null;
  mailFrom: string;
  clinicName: string;
  /** The clinic's phone number, given where the portal asks patients to call (CLINIC_PHONE). */
  clinicPhone: string;
  /**
   * The clinic's colour (#rrggbb) for headers and buttons in both apps; it carries white text,
   * so it must reach 4.5:1 contrast against white (WCAG AA).
   */
  clinicBrandColor: string;
  /** The clinic's logo (PNG or JPEG, up to 512 KiB), or null for none. */
  clinicLogoPath: string | null;
  dataDir: string;
  outboxDir: string;
  embeddedPgPort: number;
  runWorkers: boolean;
  seedDemo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** How long a portal invitation link stays valid. */
  invitationTtlDays: number;
  /** Secure messaging (modules/messaging). */
  messaging: {
    /** A staff reply the patient has not read this many minutes later gets a "new message" email. */
    unreadEmailDelayMinutes: number;
    /** How often a live event stream checks that its session is still signed in. */
    streamSessionCheckSeconds: number;
    /** An uploaded file no message has taken this many hours later is removed. */
    unsentUploadKeepHours: number;
  };
  /** Scheduling rules for patients booking online (staff are not bound by them). */
  scheduling: {
    /** Patients may cancel or reschedule online until this many hours before the start. */
    cancelCutoffHours: number;
    /** How far ahead patients may book. */
    bookingHorizonDays: number;
    /** How many future appointments a patient may hold from online booking. */
    maxFutureOnlineBookings: number;
    /** Reminder emails go out this many minutes before the start, largest first. */
    reminderOffsetsMinutes: number[];
  };
  /** Secure cookies everywhere but plain-http localhost. */
  secureCookies: boolean;
  /**
   * The reverse proxies whose X-Forwarded-For hops give the client address (addresses, CIDRs
   * or proxy-addr's named ranges); empty: the socket's peer is the client.
   */
  trustProxy: string[];
  /**
   * Staff without an authenticator app get emailed codes. On everywhere but the loopback demo;
   * off is refused beyond loopback.
   */
  staffSecondFactorRequired: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  staticDirs: { web: string; admin: string } | null;
  /**
   * Server keys (APP_SECRET_KEYS): the first signs and encrypts, the others only verify and
   * decrypt, so a key can be rotated without losing what the old one protected.
   */
  secretKeys: SecretKeys;
  /**
   * How often each process links new audit rows into the hash chain; 0 turns the timer off
   * (the test suite links explicitly, so background statements never mix with a request's).
   */
  auditChainIntervalMs: number;
  /** How long an emergency access ("break the glass") opens a patient's record to its user. */
  emergencyAccessMinutes: number;
}

export { ConfigError } from './config-error.js';

type Env = Record<string, string | undefined>;

/** REMINDER_OFFSETS_HOURS: a comma-separated list of hours, e.g. "72,24"; empty turns reminders off. */
function reminderOffsets(env: Env): number[] {
  const raw = env.REMINDER_OFFSETS_HOURS;
  if (raw === undefined) return [72 * 60, 24 * 60];
  if (raw.trim() === '') return [];
  const hours = raw.split(',').map((part) => Number(part.trim()));
  if (hours.some((h) => !Number.isInteger(h) || h < 1 || h > 24 * 30)) {
    throw new ConfigError(
      'REMINDER_OFFSETS_HOURS',
      'expected whole hours from 1 to 720, e.g. "72,24"',
    );
  }
  return [...new Set(hours)].sort((a, b) => b - a).map((h) => h * 60);
}

function str(env: Env, name: string, fallback: string): string {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  return value;
}

function optionalUrl(env: Env, name: string, protocols: string[]): string | null {
  const value = env[name];
  if (value === undefined || value === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `expected a ${protocols.join(' or ')} URL, got ${parsed.protocol}`);
  }
  return value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `expected a number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** 127.0.0.0/8, ::1 and localhost; 0.0.0.0, :: and every other address reach the network. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    bare === 'localhost' ||
    bare === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(bare)
  );
}

/**
 * The demo (accounts whose password is in the README) and staff sign-in without a second
 * factor are for a portal only this machine can reach. Elsewhere they are refused at boot,
 * unless the operator sets DANGEROUSLY_ALLOW_DEMO_ON_NETWORK=true, knowing that anyone who
 * reaches the portal can then sign in as the demo admin.
 */
function demoAndStaffFactor(
  env: Env,
  { host, embedded }: { host: string; embedded: boolean },
): Pick<
  AppConfig,
  'loopbackOnly' | 'demoOnNetworkAllowed' | 'seedDemo' | 'staffSecondFactorRequired'
> {
  const loopbackOnly = isLoopbackHost(host);
  const demoOnNetworkAllowed = bool(env, 'DANGEROUSLY_ALLOW_DEMO_ON_NETWORK', false);
  // The embedded default seeds the demo only where nobody else can reach it.
  const seedDemo = bool(env, 'SEED_DEMO', embedded && loopbackOnly);
  if (seedDemo && !loopbackOnly && !demoOnNetworkAllowed) {
    throw new ConfigError(
      'SEED_DEMO',
      `the demo accounts have published passwords (an admin among them) and HOST=${host} ` +
        'listens beyond this machine. Use HOST=127.0.0.1, or SEED_DEMO=false, or (a throw-away ' +
        'demo only) DANGEROUSLY_ALLOW_DEMO_ON_NETWORK=true',
    );
  }
  // Staff skip the second factor only in the loopback demo (`npm start`).
  const staffSecondFactorRequired = bool(
    env,
    'STAFF_SECOND_FACTOR_REQUIRED',
    !(embedded && loopbackOnly && seedDemo),
  );
  if (!staffSecondFactorRequired && !loopbackOnly && !demoOnNetworkAllowed) {
    throw new ConfigError(
      'STAFF_SECOND_FACTOR_REQUIRED',
      `staff may sign in without a second factor only on a portal listening on loopback, and ` +
        `HOST=${host} listens beyond this machine. Remove STAFF_SECOND_FACTOR_REQUIRED=false ` +
        'or use HOST=127.0.0.1',
    );
  }
  return { loopbackOnly, demoOnNetworkAllowed, seedDemo, staffSecondFactorRequired };
}

/** Named ranges proxy-addr understands, for proxies on the same host or private network. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: the addresses (or CIDRs) of the reverse proxies in front of the API, e.g.
 * "10.0.3.7,10.0.3.8" or "10.0.0.0/16". Only a hop from one of them may name the client in
 * X-Forwarded-For; anyone else's header is ignored. "true" and hop counts would let any client
 * choose its address (and its per-IP sign-in budget), so they stop the boot.
 */
/** WCAG relative luminance of an sRGB colour written #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function brandColor(env: Env): string {
  const color = str(env, 'CLINIC_BRAND_COLOR', '#1f6f5c').toLowerCase();
  if (!/^#[0-9a-f]{6}$/.test(color)) {
    throw new ConfigError('CLINIC_BRAND_COLOR', 'expected a colour written #rrggbb');
  }
  const contrast = 1.05 / (luminance(color) + 0.05);
  if (contrast < 4.5) {
    throw new ConfigError(
      'CLINIC_BRAND_COLOR',
      `white text on ${color} has a contrast of ${contrast.toFixed(2)}:1; choose a darker colour (at least 4.5:1)`,
    );
  }
  return color;
}

function trustProxy(env: Env): string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || raw === 'false') return [];
  const instead =
    'list the addresses or CIDRs of your reverse proxies instead, e.g. TRUST_PROXY=10.0.3.7,10.0.3.8 ' +
    '(or loopback for a proxy on the same host); leave it unset when clients connect directly';
  if (raw === 'true' || /^\d+$/.test(raw)) {
    throw new ConfigError(
      'TRUST_PROXY',
      `"${raw}" would believe X-Forwarded-For from any client, who could then pick its own address; ${instead}`,
    );
  }
  const parts = raw.split(',').map((part) => part.trim());
  for (const part of parts) {
    if (PROXY_RANGES.includes(part)) continue;
    const [address = '', prefix, extra] = part.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk =
      prefix === undefined ||
      (/^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= bits);
    if (!family || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        'TRUST_PROXY',
        `"${part}" is not an IP address or CIDR (a /0 would trust every client); ${instead}`,
      );
    }
  }
  return parts;
}

/** Parses and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env, root = REPO_ROOT): AppConfig {
  const nodeEnv = oneOf(
    env,
    'NODE_ENV',
    ['development', 'production', 'test'] as const,
    'development',
  );
  const port = int(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = optionalUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = optionalUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const smtpUrl = optionalUrl(env, 'SMTP_URL', ['smtp:', 'smtps:']);
  const publicUrl =
    optionalUrl(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const dataDir = path.resolve(root, str(env, 'DATA_DIR', '.data'));
  const embedded = databaseUrl === null;
  const mailFrom = str(env, 'MAIL_FROM', 'Patient Portal <no-reply@portal.localhost>');
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', 'expected an email address');
  // Loopback by default: the Dockerfile and docker-compose.yml set HOST=0.0.0.0 on purpose.
  const host = str(env, 'HOST', '127.0.0.1');
  const demo = demoAndStaffFactor(env, { host, embedded });
  return {
    env: nodeEnv,
    port,
    host,
    loopbackOnly: demo.loopbackOnly,
    demoOnNetworkAllowed: demo.demoOnNetworkAllowed,
    publicUrl: publicUrl.replace(/\/$/, ''),
    databaseUrl,
    embedded,
    redisUrl,
    smtpUrl,
    mailFrom,
    clinicName: str(env, 'CLINIC_NAME', 'Riverside Family Clinic'),
    clinicPhone: str(env, 'CLINIC_PHONE', '+1 555 010 0100'),
    clinicBrandColor: brandColor(env),
    clinicLogoPath:
      env.CLINIC_LOGO === ''
        ? null
        : path.resolve(root, str(env, 'CLINIC_LOGO', 'apps/api/assets/clinic-logo.png')),
    dataDir,
    outboxDir: path.resolve(dataDir, 'outbox'),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    runWorkers: bool(env, 'RUN_WORKERS', embedded),
    seedDemo: demo.seedDemo,
    sessionIdleMinutes: int(env, 'SESSION_IDLE_MINUTES', 15, 1, 24 * 60),
    sessionAbsoluteHours: int(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7),
    invitationTtlDays: int(env, 'INVITATION_TTL_DAYS', 7, 1, 90),
    messaging: {
      unreadEmailDelayMinutes: int(env, 'MESSAGE_EMAIL_DELAY_MINUTES', 5, 0, 1440),
      streamSessionCheckSeconds: int(env, 'MESSAGE_STREAM_SESSION_CHECK_SECONDS', 30, 1, 600),
      unsentUploadKeepHours: int(env, 'MESSAGE_UPLOAD_KEEP_HOURS', 24, 1, 24 * 30),
    },
    scheduling: {
      cancelCutoffHours: int(env, 'CANCEL_CUTOFF_HOURS', 24, 0, 14 * 24),
      bookingHorizonDays: int(env, 'BOOKING_HORIZON_DAYS', 90, 1, 730),
      maxFutureOnlineBookings: int(env, 'MAX_FUTURE_ONLINE_BOOKINGS', 3, 1, 50),
      reminderOffsetsMinutes: reminderOffsets(env),
    },
    secureCookies: !/^http:\/\/(localhost|127\.0\.0\.1)(:|\/|$)/.test(publicUrl),
    trustProxy: trustProxy(env),
    staffSecondFactorRequired: demo.staffSecondFactorRequired,
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'silent' : 'info',
    ),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
    staticDirs: bool(env, 'SERVE_SPAS', true)
      ? { web: path.join(root, 'apps/web/dist'), admin: path.join(root, 'apps/admin/dist') }
      : null,
    secretKeys: loadSecretKeys(env, { production: nodeEnv === 'production', dataDir }),
    auditChainIntervalMs: int(env, 'AUDIT_CHAIN_INTERVAL_MS', 1_000, 0, 60_000),
    emergencyAccessMinutes: int(env, 'EMERGENCY_ACCESS_MINUTES', 240, 5, 24 * 60),
  };
}
