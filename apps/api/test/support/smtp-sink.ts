import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { startTestApp, type TestApp } from './test-app.js';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port that keeps what it receives, or refuses it on demand. */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  const arrivals = new EventEmitter();
  let refuse = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse)
          return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 450 }));
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        arrivals.emit('mail');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseAll(value: boolean) {
      refuse = value;
    },
    /** The count-th mail to an address, as soon as it arrives (waits on arrivals, 15 s at most). */
    async mailTo(address: string, count = 1): Promise<ReceivedMail> {
      const signal = AbortSignal.timeout(15_000);
      for (;;) {
        const mails = received.filter((mail) => mail.to.includes(address));
        if (mails.length >= count) return mails[count - 1]!;
        await once(arrivals, 'mail', { signal }).catch(() => {
          throw new Error(`mail ${count} to ${address} did not arrive within 15 s`);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>;

/** The real application sending its email to a fresh SMTP sink (`.smtp`); close() stops both. */
export async function startTestAppWithMail(
  env: Record<string, string | undefined> = {},
  options: { runWorkers?: boolean } = { runWorkers: true },
): Promise<TestApp & { smtp: SmtpSink }> {
  const smtp = await startSmtpSink();
  const testApp = await startTestApp({ SMTP_URL: smtp.url, ...env }, options).catch(
    async (error: unknown) => {
      await smtp.close();
      throw error;
    },
  );
  return {
    ...testApp,
    smtp,
    close: async () => {
      await testApp.close();
      await smtp.close();
    },
  };
}
