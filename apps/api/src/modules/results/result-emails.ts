import { composeEmail } from '../../infra/mail/compose.js';
import type { MailRequest } from '../../infra/mail/mail.service.js';

/**
 * The notice that a result can be read. It names no test, value or provider: an inbox is
 * not a safe place for health data, and the link leads to sign-in.
 */
export function resultAvailableEmail(
  to: string,
  settings: { publicUrl: string; clinicName: string },
): MailRequest {
  return composeEmail({
    template: 'result-available',
    to,
    subject: 'A new test result is available',
    paragraphs: [
      'Hello,',
      'A new test result is available in your patient portal.',
      'Sign in to the portal to read it.',
    ],
    action: { label: 'See your test results', url: `${settings.publicUrl}/results` },
    clinicName: settings.clinicName,
  });
}
