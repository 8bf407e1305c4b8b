import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { PinoNestLogger } from '../common/logger.js';
import { loadConfigOrExit, startRuntime, type Runtime } from '../runtime.js';

/** Exit status of a command that refused its arguments or its input. */
export const REFUSED = 2;

/** Thrown by a command's argument reader: its message is printed as is, exit status 2. */
export class Refusal extends Error {}

/**
 * The command's string options, by name (strict: no positionals, no unknown options), with
 * -h/--help printing the usage and exiting. A malformed command line is refused with the usage.
 */
export function readOptions<Name extends string>(
  argv: string[],
  names: readonly Name[],
  usage: string,
): Partial<Record<Name, string>> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Refusal(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return values as Partial<Record<Name, string>>;
}

export interface CommandContext<WithApp extends boolean> {
  runtime: Runtime;
  /** The application's providers (no HTTP server, no queue workers), when the command asked. */
  app: WithApp extends true ? INestApplicationContext : null;
}

export interface Command<Input, WithApp extends boolean> {
  /** Reads and checks the arguments before anything starts; throws Refusal to refuse them. */
  readArguments(argv: string[]): Input;
  /** Whether run() needs the application's providers or only the runtime (the database). */
  application: WithApp;
  /** Does the work and returns the exit status. */
  run(input: Input, context: CommandContext<WithApp>): Promise<number>;
}

/**
 * Runs a one-shot command: arguments first, then the runtime (the embedded PostgreSQL when no
 * DATABASE_URL is set) and, when asked, the application context; whatever happens, closes
 * both and exits with the command's status (open queue connections must not keep a one-shot
 * command alive).
 */
export function runCommand<Input, WithApp extends boolean>(
  name: string,
  command: Command<Input, WithApp>,
): void {
  void execute(name, command).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}

async function execute<Input, WithApp extends boolean>(
  name: string,
  command: Command<Input, WithApp>,
): Promise<number> {
  let input: Input;
  try {
    input = command.readArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    process.stderr.write(error.message);
    return REFUSED;
  }
  // Only warnings and errors in the log, so stdout holds what the command prints.
  process.env.LOG_LEVEL ??= 'warn';
  let runtime: Runtime | null = null;
  let app: INestApplicationContext | null = null;
  try {
    runtime = await startRuntime(loadConfigOrExit());
    if (command.application) {
      app = await NestFactory.createApplicationContext(
        AppModule.register(runtime.config, runtime.logger, { runWorkers: false }),
        { logger: new PinoNestLogger(runtime.logger) },
      );
    }
    return await command.run(input, { runtime, app } as CommandContext<WithApp>);
  } catch (error) {
    if (runtime) runtime.logger.fatal({ err: error }, `${name} failed`);
    else process.stderr.write(`${name} failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await app?.close().catch(() => undefined);
    await runtime?.embedded?.stop().catch(() => undefined);
  }
}
