import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../common/validation.js';
import { CreateStaffRequest } from '../modules/staff/staff.dto.js';
import { UsernameTakenError } from '../modules/staff/staff.errors.js';
import { StaffService, type NewStaff } from '../modules/staff/staff.service.js';
import { REFUSED, Refusal, readOptions, runCommand } from './command.js';

const USAGE = `Creates an administrator account and prints a one-time link to choose its password.

Usage:
  npm run create-admin -w @portal/api -- --username <username> --email <address> --name "<Full Name>"

Runs against the configured database (DATABASE_URL, or the embedded one). The link starts
with PUBLIC_URL: set it to the address staff use.
`;

/** Exit codes: 0 created, 1 unexpected failure, 2 refused (bad arguments, username taken). */
const OPTION_OF: Record<string, string> = {
  username: '--username',
  displayName: '--name',
  email: '--email',
};

/** The same rules as POST /api/v1/staff, so an account made here is one the API accepts. */
function readArguments(argv: string[]): NewStaff {
  const values = readOptions(argv, ['username', 'email', 'name'], USAGE);
  const missing = ['username', 'email', 'name'].filter(
    (key) => values[key as 'username' | 'email' | 'name'] === undefined,
  );
  if (missing.length) {
    throw new Refusal(`Missing ${missing.map((key) => `--${key}`).join(', ')}.\n\n${USAGE}`);
  }
  const request = plainToInstance(CreateStaffRequest, {
    username: values.username,
    displayName: values.name,
    email: values.email,
    roles: ['admin'],
  });
  const problems = flattenValidationErrors(validateSync(request));
  if (problems.length) {
    throw new Refusal(
      problems.map((p) => `${OPTION_OF[p.field] ?? p.field}: ${p.message}`).join('\n') + '\n',
    );
  }
  return request;
}

runCommand('create-admin', {
  readArguments,
  application: true,
  async run(input, { app }) {
    try {
      const { account, setPasswordUrl } = await app.get(StaffService).create(input, null);
      process.stdout.write(
        `Created administrator "${account.username}" (${account.email}).\n` +
          'Give this link to them; it works once, within 72 hours, to choose a password:\n\n' +
          `${setPasswordUrl}\n\n` +
          'Treat it like a password. If it expires, use "Forgot password" on the staff sign-in page.\n',
      );
      return 0;
    } catch (error) {
      if (!(error instanceof UsernameTakenError)) throw error;
      process.stderr.write(
        `The username "${input.username}" is already taken; nothing was created. Choose another one.\n`,
      );
      return REFUSED;
    }
  },
});
