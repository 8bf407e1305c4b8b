import { ServerKeys } from '../common/server-keys.js';
import { MailService } from '../infra/mail/mail.service.js';
import { AccountsService, type ResealCount } from '../modules/accounts/accounts.service.js';
import { Refusal, runCommand } from './command.js';

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

runCommand('rotate-keys', {
  readArguments(argv) {
    if (argv.some((arg) => arg === '--help' || arg === '-h')) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    if (argv.length) throw new Refusal(`Unexpected arguments.\n\n${USAGE}`);
  },
  application: true,
  async run(_input, { app }) {
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
  },
});
