import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface OutgoingMail {
  /** Stable across retries, so a receiver can drop a duplicate delivery. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** The mail port: SMTP in production, an outbox folder of .eml files by default. */
export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

/**
 * Writes each message as an RFC 5322 .eml file; in the embedded default also prints its links
 * to the log so a developer can follow an invitation without a mail server.
 */
export function outboxTransport(
  dir: string,
  logger: Logger,
  options: { logLinks: boolean },
): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    kind: 'outbox',
    async send(mail) {
      const info = await transporter.sendMail(mail);
      await mkdir(dir, { recursive: true });
      const id = mail.messageId.replace(/[<>]/g, '').split('@')[0];
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`);
      await writeFile(file, info.message as Buffer, { mode: 0o600 });
      // Links (with their tokens) go to the log only in the embedded default, for development.
      const links = options.logLinks ? (mail.text.match(/https?:\/\/\S+/g) ?? []) : undefined;
      logger.info({ file, links }, 'email written to the outbox');
      return { messageId: mail.messageId };
    },
    close: () => transporter.close(),
  };
}
