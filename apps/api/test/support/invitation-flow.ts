import { randomBytes } from 'node:crypto';
import type { StaffRole } from '../../src/modules/accounts/account.entity.js';
import { createStaffAccount, TEST_PASSWORD } from './accounts.js';
import { BrowserClient } from './browser-client.js';
import type { ReceivedMail } from './smtp-sink.js';
import type { TestApp } from './test-app.js';

let clients = 0;

/** A browser with its own address, so per-IP limits never mix tests up. */
export function newBrowser(testApp: TestApp): BrowserClient {
  clients += 1;
  return new BrowserClient(
    testApp,
    `10.${(process.pid % 200) + 20}.${Math.floor(clients / 250) % 250}.${(clients % 250) + 1}`,
  );
}

/** A staff member of the given roles, signed in. Call again after moving the clock far. */
export async function signedInStaff(testApp: TestApp, roles: StaffRole[]) {
  const { username, account } = await createStaffAccount(testApp, roles);
  const browser = newBrowser(testApp);
  const login = await browser.login(username, TEST_PASSWORD);
  if (login.status !== 200 || login.body?.status !== 'signed-in') {
    throw new Error(`staff sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  }
  return Object.assign(browser, { username, account });
}

/** A unique, letters-only word: family names of test patients never collide. */
export function uniqueWord(prefix = 'T'): string {
  const letters = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${prefix}${letters}`;
}

export interface TestPatient {
  id: string;
  mrn: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  email: string | null;
}

/** A patient registered through the API by a front-desk (or admin) browser. */
export async function createPatient(
  staff: BrowserClient,
  overrides: Record<string, unknown> = {},
): Promise<TestPatient> {
  const familyName = uniqueWord('Test');
  const response = await staff.post('/api/v1/patients', {
    givenName: 'Robin',
    familyName,
    dateOfBirth: '1979-03-14',
    sex: 'other',
    email: `${familyName.toLowerCase()}@example.test`,
    mobilePhone: '+1 555 010 2000',
    address: {
      line1: '1 Test Street',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    ...overrides,
  });
  if (response.status !== 201) {
    throw new Error(`patient not created: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as TestPatient;
}

function splitHeaders(block: string): [Record<string, string>, string] {
  const end = block.search(/\r?\n\r?\n/);
  const head = (end < 0 ? block : block.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const body = end < 0 ? '' : block.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return [headers, body];
}

function decodeBody(body: string, encoding = ''): string {
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_match, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  if (/base64/i.test(encoding))
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  return body;
}

/** The decoded text parts of a raw MIME message (enough MIME for the portal's own emails). */
export function mailParts(raw: string): { type: string; body: string }[] {
  const [headers, body] = splitHeaders(raw);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) {
    return [
      {
        type: type.split(';')[0]!.trim(),
        body: decodeBody(body, headers['content-transfer-encoding']),
      },
    ];
  }
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((part) => !part.startsWith('--'))
    .flatMap((part) => mailParts(part.replace(/^\r?\n/, '')));
}

/** Subject and decoded parts of a received email. */
export function readMail(mail: ReceivedMail) {
  const [headers] = splitHeaders(mail.raw);
  const parts = mailParts(mail.raw);
  return {
    subject: headers.subject ?? '',
    text: parts.find((part) => part.type === 'text/plain')?.body ?? '',
    html: parts.find((part) => part.type === 'text/html')?.body ?? '',
  };
}

/** The invitation token in an email's registration link (in its fragment, `#token=`). */
export function tokenIn(mail: ReceivedMail, publicUrl: string): string {
  const { text } = readMail(mail);
  const escaped = publicUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const match = new RegExp(`${escaped}/register#token=([A-Za-z0-9_-]{43})`).exec(text);
  if (!match) throw new Error('no registration link in the email');
  return match[1]!;
}

/** The 6-digit code in a verification email. */
export function codeIn(mail: ReceivedMail): string {
  const match = /verification code is (\d{6})/.exec(readMail(mail).text);
  if (!match) throw new Error('no code in the email');
  return match[1]!;
}

/** Every message received for an address, oldest first. */
export function mailsTo(received: ReceivedMail[], address: string): ReceivedMail[] {
  return received.filter((mail) => mail.to.includes(address));
}
