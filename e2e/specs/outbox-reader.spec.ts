/**
 * The outbox reader the later flows rely on (invitations, one-time codes, reminders):
 * checked against messages shaped the way nodemailer writes them.
 */
import { describe, expect, it } from '@jest/globals';
import { parseEmail } from '../support/outbox.js';

const PLAIN = [
  'Content-Type: text/plain; charset=utf-8',
  'From: Patient Portal <no-reply@portal.localhost>',
  'To: ana@example.test',
  'Subject: =?UTF-8?Q?Your_security_code_=E2=80=93_Riverside?=',
  ' =?UTF-8?Q?_Family_Clinic?=',
  'Message-ID: <abc@portal.localhost>',
  'Content-Transfer-Encoding: quoted-printable',
  'Date: Thu, 27 Nov 2025 11:00:00 +0000',
  'MIME-Version: 1.0',
  '',
  'Hello Ana =E2=80=94 follow this link to continue: http://127.0.0.1:3000/accept?to=',
  'ken=3Dabc123',
  '',
  'Or open http://127.0.0.1:3000/help.',
  '',
].join('\n');

const MULTIPART = [
  'Content-Type: multipart/alternative;',
  ' boundary="--_NmP-1"',
  'From: Patient Portal <no-reply@portal.localhost>',
  'To: "Ben Lee" <ben@example.test>',
  'Subject: Welcome',
  'MIME-Version: 1.0',
  '',
  '----_NmP-1',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 7bit',
  '',
  'Set your password: https://portal.example/invite/xyz',
  '----_NmP-1',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('<p><a href="https://portal.example/invite/xyz">Set your password</a></p>').toString(
    'base64',
  ),
  '----_NmP-1--',
  '',
].join('\n');

describe('parseEmail', () => {
  it('decodes headers, quoted-printable text and its links', () => {
    const email = parseEmail(PLAIN);
    expect(email.to).toBe('ana@example.test');
    expect(email.subject).toBe('Your security code – Riverside Family Clinic');
    expect(email.text).toContain('Hello Ana — follow this link');
    expect(email.links).toEqual([
      'http://127.0.0.1:3000/accept?token=abc123',
      'http://127.0.0.1:3000/help',
    ]);
    expect(email.html).toBeNull();
  });

  it('finds the text and html parts of a multipart message', () => {
    const email = parseEmail(MULTIPART);
    expect(email.to).toBe('"Ben Lee" <ben@example.test>');
    expect(email.text).toBe('Set your password: https://portal.example/invite/xyz');
    expect(email.html).toContain('<a href="https://portal.example/invite/xyz">');
    expect(email.links).toEqual(['https://portal.example/invite/xyz']);
  });
});
