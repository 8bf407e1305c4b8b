import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../app.module.js';
import { PinoNestLogger } from '../common/logger.js';
import { ServerKeys } from '../common/server-keys.js';
import { MailService } from '../infra/mail/mail.service.js';
import { AccountsService, type ResealCount } from '../modules/accounts/accounts.service.js';
import { loadConfigOrExit, startRuntime, type Runtime } from '../runtime.js';

const USAGE = `Seals every stored secret that is not under the current server key again under it.

Usage:
  npm run rotate-keys -w @portal/api

The current key is the first one in APP_SECRET_KEYS. Values under the other keys listed, and
values stored before secrets were sealed (plain authenticator secrets, unsalted recovery-code
hashes), are sealed under it. Safe to run again, and while the portal runs.
See "Rotating the server keys" in docs/operations.md.

Exit status: 0 done; 2 done, but some values are under no configured key (keep the old key
and find it, or those people set up their second step again); 1 anything else.
`;

const SOME_UNREADABLE = 2;

async function main(): Promise<number> {
  if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (process.argv.length > 2) {
    process.stderr.write(`Unexpected arguments.\n\n${USAGE}`);
    return 1;
  }
  process.env.LOG_LEVEL ??= 'warn';
  let runtime: Runtime | null = null;
  let app: INestApplicationContext | null = null;
  try {
    runtime = await startRuntime(loadConfigOrExit());
    app = await NestFactory.createApplicationContext(
      AppModule.register(runtime.config, runtime.logger, { runWorkers: false }),
      { logger: new PinoNestLogger(runtime.logger) },
    );
    const counts: Record<string, ResealCount> = {
      ...(await app.get(AccountsService).resealSecrets()),
      mailSecrets: await app.get(MailService).resealSecrets(),
    };
    const current = app.get(ServerKeys).currentKeyId;
    process.stdout.write(`Sealed under the current key "${current}":\n`);
    for (const [what, count] of Object.entries(counts)) {
      process.stdout.write(
        `  ${what}: ${count.resealed} sealed again` +
          (count.unreadable ? `, ${count.unreadable} under no configured key` : '') +
          '\n',
      );
    }
    const unreadable = Object.values(counts).reduce((sum, count) => sum + count.unreadable, 0);
    if (unreadable) {
      process.stdout.write(
        `${unreadable} stored values are under no configured key and were left as they are.\n`,
      );
      return SOME_UNREADABLE;
    }
    process.stdout.write(
      'No sealed secret is left under an older key. Emailed codes are keyed hashes that live\n' +
        '10 minutes: remove the old key from APP_SECRET_KEYS once 10 minutes have passed.\n',
    );
    return 0;
  } catch (error) {
    if (runtime) runtime.logger.fatal({ err: error }, 'rotate-keys failed');
    else process.stderr.write(`rotate-keys failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await app?.close().catch(() => undefined);
    await runtime?.embedded?.stop().catch(() => undefined);
  }
}

// Exits explicitly: open handles (queue connections) must not keep a one-shot command alive.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`rotate-keys failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
