import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppModule } from '../app.module.js';
import { PinoNestLogger } from '../common/logger.js';
import { flattenValidationErrors } from '../common/validation.js';
import { CreateStaffRequest } from '../modules/staff/staff.dto.js';
import { UsernameTakenError } from '../modules/staff/staff.errors.js';
import { StaffService, type NewStaff } from '../modules/staff/staff.service.js';
import { loadConfigOrExit, startRuntime, type Runtime } from '../runtime.js';

const USAGE = `Creates an administrator account and prints a one-time link to choose its password.

Usage:
  npm run create-admin -w @portal/api -- --username <username> --email <address> --name "<Full Name>"

Runs against the configured database (DATABASE_URL, or the embedded one). The link starts
with PUBLIC_URL: set it to the address staff use.
`;

/** Exit codes: 0 created, 1 unexpected failure, 2 refused (bad arguments, username taken). */
const REFUSED = 2;

const OPTION_OF: Record<string, string> = {
  username: '--username',
  displayName: '--name',
  email: '--email',
};

class Refusal extends Error {}

/** The same rules as POST /api/v1/staff, so an account made here is one the API accepts. */
function readArguments(argv: string[]): NewStaff {
  let values: { username?: string; email?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Refusal(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
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

async function main(): Promise<number> {
  let input: NewStaff;
  try {
    input = readArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    process.stderr.write(error.message);
    return REFUSED;
  }
  // Only warnings and errors in the log, so stdout is essentially the link.
  process.env.LOG_LEVEL ??= 'warn';
  let runtime: Runtime | null = null;
  let app: INestApplicationContext | null = null;
  try {
    runtime = await startRuntime(loadConfigOrExit());
    app = await NestFactory.createApplicationContext(
      AppModule.register(runtime.config, runtime.logger, { runWorkers: false }),
      { logger: new PinoNestLogger(runtime.logger) },
    );
    const { account, setPasswordUrl } = await app.get(StaffService).create(input, null);
    process.stdout.write(
      `Created administrator "${account.username}" (${account.email}).\n` +
        'Give this link to them; it works once, within 72 hours, to choose a password:\n\n' +
        `${setPasswordUrl}\n\n` +
        'Treat it like a password. If it expires, use "Forgot password" on the staff sign-in page.\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof UsernameTakenError) {
      process.stderr.write(
        `The username "${input.username}" is already taken; nothing was created. Choose another one.\n`,
      );
      return REFUSED;
    }
    if (runtime) runtime.logger.fatal({ err: error }, 'create-admin failed');
    else process.stderr.write(`create-admin failed: ${(error as Error).message}\n`);
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
    process.stderr.write(`create-admin failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
