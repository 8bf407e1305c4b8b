import type { MailRequest, MailSecret } from './mail.service.js';

/**
 * Stands in an email for its one secret (a sign-in code, a link's token). The stored body
 * keeps this placeholder; the secret itself is kept sealed beside it and put in only when
 * the message is handed to the mail server (send-mail.job.ts).
 */
export const MAIL_SECRET = '{{portal-secret}}';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export interface PlainEmail {
  template: string;
  to: string;
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  /** An optional call to action, shown as a button in HTML and a bare URL in text. */
  action?: { label: string; url: string };
  /** The code or token that MAIL_SECRET stands for in the paragraphs or the action's URL. */
  secret?: MailSecret;
  clinicName: string;
}

/**
 * Every portal email has the same simple shape: a few short paragraphs, at most one link,
 * the clinic's name. Never health data; links and ids only.
 */
export function composeEmail(email: PlainEmail): MailRequest {
  const footer = `${email.clinicName} patient portal. If you did not expect this email, you can ignore it.`;
  const text = [
    ...email.paragraphs,
    ...(email.action ? [`${email.action.label}: ${email.action.url}`] : []),
    '',
    footer,
  ].join('\n\n');
  const html = [
    '<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">',
    ...email.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(email.action
      ? [
          `<p><a href="${escapeHtml(email.action.url)}" style="display:inline-block;padding:12px 20px;background:#0b5cad;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(email.action.label)}</a></p>`,
        ]
      : []),
    `<p style="color:#555;font-size:14px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  if (email.secret) {
    // A slip that writes the secret itself into the body would store it: refuse it here.
    if (!text.includes(MAIL_SECRET) || text.includes(email.secret.value))
      throw new Error(`email "${email.template}" must carry its secret only as MAIL_SECRET`);
  }
  return {
    template: email.template,
    to: email.to,
    subject: email.subject,
    text,
    html,
    ...(email.secret ? { secret: email.secret } : {}),
  };
}
