/**
 * Starts the BUILT portal (apps/api/dist/main.js) once for the whole e2e run, as a child
 * process on a free port, and waits until /api/health/ready answers 200.
 *
 * - DATABASE_URL set: that PostgreSQL (and REDIS_URL when set): the production shape.
 * - DATABASE_URL unset: the embedded default, with a throw-away DATA_DIR and a free port
 *   for the embedded PostgreSQL.
 *
 * Either way SMTP_URL is removed, so every email lands as an .eml file in DATA_DIR/outbox
 * (read it with support/outbox.ts), and RUN_WORKERS=true so queued mail is really delivered.
 * The specs find the server through E2E_BASE_URL, E2E_DATA_DIR and E2E_OUTBOX_DIR.
 *
 * Jest loads this file (and global-teardown.ts) through require(), outside its ESM test
 * runtime, so it imports nothing relative at run time and does not use import.meta.
 */
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface E2eServerHandle {
  baseUrl: string;
  stop(): Promise<void>;
}

declare global {
  var __PORTAL_E2E_SERVER__: E2eServerHandle | undefined;
}

const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

function write(line: string): void {
  process.stdout.write(`[e2e] ${line}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(hasExited(child)), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Last resort after a server that would not stop: stops its embedded PostgreSQL too. */
async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function logTail(logFile: string, lines = 60): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitUntilReady(
  baseUrl: string,
  child: ChildProcess,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(
        `The portal exited during start-up (code ${child.exitCode}, signal ${child.signalCode}).\n` +
          `Last lines of ${logFile}:\n${logTail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health/ready`, {
        signal: AbortSignal.timeout(5_000),
      });
      if (response.status === 200) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `The portal was not ready within ${READY_TIMEOUT_MS / 1000} s (last: ${last}).\n` +
      `Last lines of ${logFile}:\n${logTail(logFile)}`,
  );
}

/**
 * The specs drive Debian's Chromium (browser downloads are not possible here). On a fresh
 * Debian machine where we are root, `npm test` installs it, so the README's test command
 * needs nothing beforehand; elsewhere it says exactly what to install.
 */
function ensureChromium(): void {
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(executable)) return;
  const root = process.getuid?.() === 0;
  if (!process.env.CHROMIUM_PATH && root && existsSync('/usr/bin/apt-get')) {
    write("Chromium is missing: installing Debian's chromium package (apt-get)...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env,
    });
    if (update.status === 0 && install.status === 0 && existsSync(executable)) return;
  }
  throw new Error(
    `No Chromium at ${executable}. Install Debian's chromium package (apt-get install chromium) ` +
      'or set CHROMIUM_PATH to a Chromium-based browser.',
  );
}

export default async function globalSetup(
  _globalConfig: unknown,
  projectConfig: { rootDir: string },
): Promise<void> {
  const repoRoot = path.resolve(projectConfig.rootDir, '..');
  const entry = path.join(repoRoot, 'apps/api/dist/main.js');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run "npm run build" before "npm run test:e2e".`);
  }
  ensureChromium();
  for (const app of ['web', 'admin']) {
    if (!existsSync(path.join(repoRoot, `apps/${app}/dist/index.html`))) {
      write(`warning: apps/${app}/dist is not built; the specs that open that app will fail.`);
    }
  }

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
  // mkdtemp makes it 0700; run as root, the embedded PostgreSQL runs as its own user and
  // must be able to reach DATA_DIR/pg below it.
  chmodSync(workDir, 0o711);
  const dataDir = path.join(workDir, 'data');
  const logFile = path.join(workDir, 'server.log');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const external = Boolean(process.env.DATABASE_URL);

  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.SMTP_URL; // mail goes to DATA_DIR/outbox, where the specs read it
  delete env.NODE_OPTIONS; // Jest's --experimental-vm-modules is not for the server
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    APP_SECRET_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
    RUN_WORKERS: 'true',
    // The demo staff accounts sign in to the staff app; patients are made by the specs.
    SEED_DEMO: 'true',
    SERVE_SPAS: 'true',
  });
  if (!external) {
    delete env.REDIS_URL; // the embedded default: BullMQ on its PostgreSQL backend
    env.EMBEDDED_PG_PORT = String(await freePort());
  }

  const logFd = openSync(logFile, 'a');
  const started = Date.now();
  // Its own process group: a Ctrl+C in the terminal reaches Jest, which forwards one SIGTERM.
  const child = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });

  const forward = (signal: NodeJS.Signals) => {
    if (child.pid && !hasExited(child)) child.kill('SIGTERM');
    removeHandlers();
    process.kill(process.pid, signal);
  };
  const onExit = () => {
    // Jest ends without running the teardown (a crash): the server still shuts down cleanly.
    if (child.pid && !hasExited(child)) child.kill('SIGTERM');
  };
  const onSigint = () => forward('SIGINT');
  const onSigterm = () => forward('SIGTERM');
  const onSighup = () => forward('SIGHUP');
  process.on('exit', onExit);
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigterm);
  process.once('SIGHUP', onSighup);
  function removeHandlers(): void {
    process.off('exit', onExit);
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    process.off('SIGHUP', onSighup);
  }

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    removeHandlers();
    if (!hasExited(child)) child.kill('SIGTERM');
    const exited = await waitForExit(child, STOP_TIMEOUT_MS);
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await waitForExit(child, 5_000);
    }
    if (!external) await stopLeftoverPostgres(dataDir);
    closeSync(logFd);
    const clean = exited && child.exitCode === 0;
    if (!clean) {
      throw new Error(
        `The portal did not shut down cleanly on SIGTERM (${
          exited
            ? `exit code ${child.exitCode}, signal ${child.signalCode}`
            : `still running after ${STOP_TIMEOUT_MS / 1000} s`
        }). Its files are kept in ${workDir}.\nLast lines of ${logFile}:\n${logTail(logFile, 15)}`,
      );
    }
    if (process.env.E2E_KEEP_DATA) {
      write(`server files kept in ${workDir}`);
    } else {
      rmSync(workDir, { recursive: true, force: true });
    }
  };

  try {
    await waitUntilReady(baseUrl, child, logFile);
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }

  globalThis.__PORTAL_E2E_SERVER__ = { baseUrl, stop };
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_DATA_DIR = dataDir;
  process.env.E2E_OUTBOX_DIR = path.join(dataDir, 'outbox');
  process.env.E2E_SERVER_LOG = logFile;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  write(
    `portal ready at ${baseUrl} in ${seconds} s (${
      external ? `DATABASE_URL${env.REDIS_URL ? ' + REDIS_URL' : ''}` : 'embedded PostgreSQL'
    }; log ${logFile})`,
  );
}
