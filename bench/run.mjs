#!/usr/bin/env node
/**
 * `npm run bench`: performance budgets, measured against a yardstick in the same run.
 *
 * Starts the built API in the production shape (external PostgreSQL and Redis, no workers,
 * no SPAs, LOG_LEVEL=warn, NODE_ENV=production) on a free port, then for each scenario loads
 * the portal and a bare node:http yardstick that returns the same bytes, one after the
 * other with the same autocannon settings, prints requests/s, p50 and p99 and the ratio,
 * and appends a dated row to docs/benchmarks.md.
 *
 * A benchmark is not a test: a ratio under its target is reported, not failed. The exit code
 * is non-zero only when the harness itself cannot measure (the API does not start, a run
 * answers errors or non-2xx responses, ...).
 *
 *   node bench/run.mjs [name-filter] [--no-record]
 *
 * Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/portal_bench, created
 * when missing, so the large clinic's 500,000 appointments stay out of the test database), REDIS_URL
 * (default redis://127.0.0.1:6379), BENCH_CONNECTIONS (50), BENCH_DURATION (10 s),
 * BENCH_WARMUP (2 s), BENCH_API_NODE_ARGS (Node options for the API process only, e.g.
 * "--cpu-prof --cpu-prof-dir=/tmp/profiles" to see where a scenario's time goes).
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { seedLargeBilling } from './large-billing.mjs';
import { seedLargeClinic } from './large-clinic.mjs';
import { seedLargeInbox } from './large-inbox.mjs';
import { seedLargeRefills } from './large-refills.mjs';
import { seedLargeRecord } from './large-record.mjs';
import { LIGHTHOUSE_GOALS, meetsGoals, runLighthouse } from './lighthouse.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const API_ENTRY = path.join(ROOT, 'apps/api/dist/main.js');
const RESULTS_FILE = path.join(ROOT, 'docs/benchmarks.md');

const LOAD = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
  warmupSeconds: Number(process.env.BENCH_WARMUP ?? 2),
  pipelining: 1,
};

/* ------------------------------------------------------------------------------------------
 * Scenarios. Each one is an entry in this list:
 *   name       the docs/benchmarks.md section ("## <name>") its rows go under
 *   target     the budget for portal req/s ÷ yardstick req/s
 *   setup(ctx) prepares data if it needs any and returns
 *                portal:    { url, method?, headers?, body? }  what autocannon sends to the API
 *                yardstick: { url, method?, headers?, body? }  the same request to the yardstick
 *                teardown?: () => Promise<void>
 *              ctx = { api: { url }, databaseUrl, redisUrl, startYardstick(script, env) }
 *              startYardstick(script, env) runs bench/yardsticks/<script> as its own process
 *              (a node:http server on a free port) and returns { url, close() }; it is
 *              closed for you after the scenario.
 * ---------------------------------------------------------------------------------------- */
const SCENARIOS = [
  {
    name: '/api/health/live vs bare node:http',
    target: 0.45,
    async setup(ctx) {
      const url = `${ctx.api.url}/api/health/live`;
      const response = await fetch(url);
      if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      const contentType = response.headers.get('content-type') ?? 'application/json';
      const yardstick = await ctx.startYardstick('static-response.mjs', {
        YARDSTICK_STATUS: '200',
        YARDSTICK_CONTENT_TYPE: contentType,
        YARDSTICK_BODY_BASE64: body.toString('base64'),
      });
      return { portal: { url }, yardstick: { url: `${yardstick.url}/api/health/live` } };
    },
  },
  {
    name: 'authenticated patient read vs node:http + pg',
    target: 0.6,
    // A patient reads their own record: session check and touch, the patient row, one audit
    // row. The yardstick issues the same three statements with a pool of the same size.
    async setup(ctx) {
      const { cookie, patientId } = await benchPatient(ctx);
      const yardstick = await ctx.startYardstick('pg-patient-read.mjs', {
        DATABASE_URL: ctx.databaseUrl,
      });
      const path = `/api/v1/patients/${patientId}`;
      const headers = { cookie };
      return {
        portal: { url: `${ctx.api.url}${path}`, headers },
        yardstick: { url: `${yardstick.url}${path}`, headers },
      };
    },
  },
  {
    name: 'sign-in latency (argon2id)',
    // Not a ratio: sign-in is dominated by the password hash by design. Goal: p95 ≤ 250 ms.
    latencyGoalMs: 250,
    async run(ctx) {
      const { username, password } = await benchPatient(ctx);
      const csrf = await csrfCookie(ctx.api.url);
      return latencyRun({
        total: Number(process.env.BENCH_SIGNINS ?? 400),
        concurrency: 10,
        request: () =>
          fetch(`${ctx.api.url}/api/v1/auth/login`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              cookie: `csrf_token=${csrf}`,
              'x-csrf-token': csrf,
            },
            body: JSON.stringify({ username, password }),
          }),
      });
    },
  },
  {
    name: 'large clinic: one provider’s open times over 30 days',
    // 200 providers, a year of hours, 500,000 appointments; a patient searches one provider.
    latencyGoalMs: 50,
    async run(ctx) {
      const { cookie, patientId } = await benchPatient(ctx);
      const clinic = await seedLargeClinic(ctx.databaseUrl, patientId, say);
      const from = new Date(Date.now() + 24 * 3600_000);
      const to = new Date(from.getTime() + 30 * 24 * 3600_000);
      const query = new URLSearchParams({
        visitTypeId: clinic.visitTypeId,
        providerId: clinic.providerId,
        from: from.toISOString(),
        to: to.toISOString(),
      });
      const url = `${ctx.api.url}/api/v1/slots?${query}`;
      const sample = await (await fetch(url, { headers: { cookie } })).json();
      if (!Array.isArray(sample.items) || sample.items.length === 0) {
        throw new Error(`the slot search found no open times: ${JSON.stringify(sample)}`);
      }
      return latencyRun({
        seconds: LOAD.durationSeconds,
        concurrency: LOAD.connections,
        request: () => fetch(url, { headers: { cookie } }),
      });
    },
  },
  {
    name: 'large clinic: one patient’s appointments',
    latencyGoalMs: 50,
    async run(ctx) {
      const { cookie, patientId } = await benchPatient(ctx);
      await seedLargeClinic(ctx.databaseUrl, patientId, say);
      const urls = ['upcoming', 'past'].map(
        (when) => `${ctx.api.url}/api/v1/patients/${patientId}/appointments?when=${when}&limit=20`,
      );
      for (const url of urls) {
        const page = await (await fetch(url, { headers: { cookie } })).json();
        if (!Array.isArray(page.items) || page.items.length === 0) {
          throw new Error(`the appointment list is empty: ${url}`);
        }
      }
      let turn = 0;
      return latencyRun({
        seconds: LOAD.durationSeconds,
        concurrency: LOAD.connections,
        request: () => fetch(urls[turn++ % urls.length], { headers: { cookie } }),
      });
    },
  },
  {
    name: 'messages: inbox page of a pool with 10,000 open conversations vs node:http + pg',
    target: 0.6,
    // A nurse's first inbox page: session, the page of 20 (the pool rule, unread flags), and
    // one audit row per patient on it. The yardstick runs the API's own repository SQL.
    async setup(ctx) {
      const inbox = await benchInbox(ctx);
      const yardstick = await ctx.startYardstick('pg-messaging.mjs', {
        DATABASE_URL: ctx.databaseUrl,
      });
      const path = `/api/v1/inbox/conversations?view=open&poolId=${inbox.poolId}&limit=20`;
      const headers = { cookie: inbox.nurseCookie };
      await expectItems(`${ctx.api.url}${path}`, headers);
      return {
        portal: { url: `${ctx.api.url}${path}`, headers },
        yardstick: { url: `${yardstick.url}${path}`, headers },
      };
    },
  },
  {
    name: 'messages: unread counts of a pool with 10,000 open conversations vs node:http + pg',
    target: 0.6,
    async setup(ctx) {
      const inbox = await benchInbox(ctx);
      const yardstick = await ctx.startYardstick('pg-messaging.mjs', {
        DATABASE_URL: ctx.databaseUrl,
      });
      const path = `/api/v1/inbox/counts?poolId=${inbox.poolId}`;
      const headers = { cookie: inbox.nurseCookie };
      return {
        portal: { url: `${ctx.api.url}${path}`, headers },
        yardstick: { url: `${yardstick.url}${path}`, headers },
      };
    },
  },
  {
    name: 'messages: a conversation of a patient with 500 conversations of 50 messages vs node:http + pg',
    target: 0.6,
    // The patient opens their newest conversation: session, the conversation, its 50 newest
    // messages with attachments, the read mark and the audit row.
    async setup(ctx) {
      const inbox = await benchInbox(ctx);
      const { cookie, patientId } = await benchPatient(ctx);
      const yardstick = await ctx.startYardstick('pg-messaging.mjs', {
        DATABASE_URL: ctx.databaseUrl,
      });
      const path = `/api/v1/patients/${patientId}/conversations/${inbox.conversationId}`;
      const headers = { cookie };
      return {
        portal: { url: `${ctx.api.url}${path}`, headers },
        yardstick: { url: `${yardstick.url}${path}`, headers },
      };
    },
  },
  ...['summary', 'charges?limit=20'].map((part) => ({
    name: `billing: the patient’s ${part.startsWith('summary') ? 'summary' : 'first page of itemized charges'} with 5,000 visits on the bill vs node:http + pg`,
    target: 0.8,
    // Session, the account, the balance and latest statement (or a page of 20 charges with
    // what was applied to each), and the audit row. The yardstick runs the repository's SQL.
    async setup(ctx) {
      const { cookie, patientId } = await benchBilling(ctx);
      const yardstick = await ctx.startYardstick('pg-billing.mjs', {
        DATABASE_URL: ctx.databaseUrl,
      });
      const path = `/api/v1/patients/${patientId}/billing/${part}`;
      const headers = { cookie };
      if (part !== 'summary') await expectItems(`${ctx.api.url}${path}`, headers);
      return {
        portal: { url: `${ctx.api.url}${path}`, headers },
        yardstick: { url: `${yardstick.url}${path}`, headers },
      };
    },
  })),
  {
    name: 'refills: the queue page of 10,000 open requests vs node:http + pg',
    target: 0.6,
    // A nurse's first queue page: session, the page of 20 with each medication's earlier
    // requests and the patient's last visit, the page's timelines, one audit row per request.
    async setup(ctx) {
      const refills = await benchRefills(ctx);
      const yardstick = await ctx.startYardstick('pg-refills.mjs', {
        DATABASE_URL: ctx.databaseUrl,
      });
      const path = '/api/v1/refill-queue?limit=20';
      const headers = { cookie: refills.nurseCookie };
      await expectItems(`${ctx.api.url}${path}`, headers);
      return {
        portal: { url: `${ctx.api.url}${path}`, headers },
        yardstick: { url: `${yardstick.url}${path}`, headers },
      };
    },
  },
  {
    name: 'refills: a patient’s page of requests (500, each with its timeline) vs node:http + pg',
    target: 0.6,
    async setup(ctx) {
      await benchRefills(ctx);
      const { cookie, patientId } = await benchPatient(ctx);
      const yardstick = await ctx.startYardstick('pg-refills.mjs', {
        DATABASE_URL: ctx.databaseUrl,
      });
      const path = `/api/v1/patients/${patientId}/refill-requests?limit=20`;
      const headers = { cookie };
      await expectItems(`${ctx.api.url}${path}`, headers);
      return {
        portal: { url: `${ctx.api.url}${path}`, headers },
        yardstick: { url: `${yardstick.url}${path}`, headers },
      };
    },
  },
  {
    name: 'large record: health summary and results list (20,000 observations)',
    // The two calls the patient's health record and results pages make first.
    latencyGoalMs: 50,
    async run(ctx) {
      const { cookie, patientId } = await benchRecordPatient(ctx);
      const urls = [
        `${ctx.api.url}/api/v1/patients/${patientId}/health-summary`,
        `${ctx.api.url}/api/v1/patients/${patientId}/results?limit=20`,
      ];
      let turn = 0;
      return latencyRun({
        seconds: LOAD.durationSeconds,
        concurrency: LOAD.connections,
        request: () => fetch(urls[turn++ % urls.length], { headers: { cookie } }),
      });
    },
  },
  {
    name: 'large record: whole-record PDF (20,000 observations)',
    // One download at a time; the API process's resident memory is sampled while it runs.
    async custom(ctx) {
      const { cookie, patientId } = await benchRecordPatient(ctx);
      const url = `${ctx.api.url}/api/v1/patients/${patientId}/health-record.pdf`;
      const rows = [];
      for (let i = 0; i < 5; i++) {
        const before = residentMb(ctx.api.pid);
        let peak = before;
        const sampler = setInterval(() => {
          peak = Math.max(peak, residentMb(ctx.api.pid));
        }, 10);
        const started = process.hrtime.bigint();
        const response = await fetch(url, { headers: { cookie } });
        const bytes = (await response.arrayBuffer()).byteLength;
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        clearInterval(sampler);
        peak = Math.max(peak, residentMb(ctx.api.pid));
        if (response.status !== 200) throw new Error(`the PDF answered ${response.status}`);
        say(
          `download ${i + 1}: ${ms.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB, ` +
            `API resident memory ${before} → ${peak} MB`,
        );
        rows.push({ ms, bytes, before, peak });
      }
      const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
      const peak = Math.max(...rows.map((r) => r.peak));
      const cpus = os.cpus();
      const machine = (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
      const median = [...rows].sort((a, b) => a.ms - b.ms)[2].ms;
      return {
        header: [
          '| date (UTC) | machine | cores | node | PDF MB | median ms | slowest ms | peak API RSS MB | goal |',
          '|---|---|---:|---|---:|---:|---:|---:|---|',
        ].join('\n'),
        goal: 'Goal: < 2 s and < 200 MB resident memory.',
        row: `| ${new Date().toISOString()} | ${machine} | ${cpus.length} | ${process.version} | ${(worst.bytes / 1e6).toFixed(1)} | ${median.toFixed(0)} | ${worst.ms.toFixed(0)} | ${peak} | ${worst.ms < 2000 && peak < 200 ? 'met' : 'MISSED'} |`,
      };
    },
  },
  {
    name: 'patient app in Lighthouse (mobile)',
    // A second API process that serves the built SPAs (and the demo data, seeded on its first
    // start in this database); Lighthouse 12 on /usr/bin/chromium (CHROMIUM_PATH), mobile
    // preset, simulated throttling, median of three runs per page, signed in as alex.demo.
    async custom(ctx) {
      const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
      if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath}`);
      const web = await ctx.startApi('api-spas', { SERVE_SPAS: 'true', SEED_DEMO: 'true' });
      try {
        const cookie = await signIn(web.url, 'alex.demo', 'portal-demo-2026');
        const only = process.env.BENCH_LIGHTHOUSE_PAGES?.split(',');
        const signedIn = [
          ['home', '/'],
          ['appointments', '/appointments'],
          ['book a visit', '/appointments/new'],
          ['test results', '/results'],
          ['health record', '/health-record'],
          ['account', '/account'],
          ['access log', '/account/access-log'],
        ].map(([name, path]) => ({ name, path, cookie }));
        const results = await runLighthouse({
          baseUrl: web.url,
          // BENCH_LIGHTHOUSE_PAGES=/,/results runs only those pages.
          pages: [{ name: 'sign-in', path: '/sign-in' }, ...signedIn].filter(
            (page) => !only || only.includes(page.path),
          ),
          runs: Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3),
          chromePath,
          say,
          // BENCH_LIGHTHOUSE_REPORTS=<dir> keeps every run's full report (JSON) for a closer look.
          reportDir: process.env.BENCH_LIGHTHOUSE_REPORTS,
        });
        const cpus = os.cpus();
        const machine = (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
        const rows = results.map(
          (r) =>
            `| ${new Date().toISOString()} | ${machine} | ${cpus.length} | ${process.version} | ${r.path} | ${r.performance} (${r.scores.join(', ')}) | ${r.accessibility} | ${(r.fcpMs / 1000).toFixed(2)} | ${(r.lcpMs / 1000).toFixed(2)} | ${r.tbtMs.toFixed(0)} | ${r.cls.toFixed(3)} | ${r.consoleErrors} | ${meetsGoals(r) ? 'met' : 'MISSED'} |`,
        );
        return {
          header: [
            '| date (UTC) | machine | cores | node | page | performance (runs) | accessibility | FCP s | LCP s | TBT ms | CLS | console errors | goal |',
            '|---|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
          ].join('\n'),
          goal:
            `Goal: performance ≥ ${LIGHTHOUSE_GOALS.performance}, accessibility ${LIGHTHOUSE_GOALS.accessibility}, ` +
            `LCP ≤ ${LIGHTHOUSE_GOALS.lcpMs / 1000} s, CLS ≤ ${LIGHTHOUSE_GOALS.cls} (Lighthouse 12.2.3, mobile preset, ` +
            'simulated throttling, median of three runs by performance score).',
          rows,
        };
      } finally {
        await web.stop();
      }
    },
  },
  {
    name: 'reminder queue drain (10,000 jobs)',
    // Reminder jobs for 10,000 large-clinic appointments, queued at once, handled by one
    // worker process (node apps/api/dist/worker.js) on each queue backend. Every job runs the
    // real handler: re-read the appointment, record the reminder, write its email row.
    goals: { redis: 30, postgres: 60 },
    async drain(ctx) {
      const { patientId } = await benchPatient(ctx);
      await seedLargeClinic(ctx.databaseUrl, patientId, say);
      const results = [];
      for (const backend of ['redis', 'postgres']) {
        results.push(await drainReminders(ctx, backend, 10_000));
      }
      return results;
    },
  },
];

/**
 * Queues `count` reminder jobs on one backend, starts a worker process and times how long
 * the reminders queue takes to empty. The offset in each payload is new on every run, so no
 * job finds its reminder already recorded (which would make it cheaper).
 */
async function drainReminders(ctx, backendKind, count) {
  const { redisBackend, postgresBackend } = await import(
    path.join(ROOT, 'apps/api/dist/infra/queue/queue-backend.js')
  );
  const { JOBS } = await import(path.join(ROOT, 'apps/api/dist/infra/queue/jobs.js'));
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    `SELECT id, schedule_version FROM appointment
      WHERE status = 'booked' AND starts_at > now() ORDER BY starts_at LIMIT $1`,
    [count],
  );
  if (rows.length < count) throw new Error(`only ${rows.length} future appointments to remind`);
  const backend =
    backendKind === 'redis' ? redisBackend(ctx.redisUrl) : postgresBackend(ctx.databaseUrl);
  const queue = backend.createQueue('reminders');
  const offsetMinutes = 100_000 + Math.floor(Math.random() * 1_000_000);
  const definition = JOBS['appointment.remind'];
  const jobs = rows.map((row) => ({
    name: 'appointment.remind',
    data: { appointmentId: row.id, scheduleVersion: row.schedule_version, offsetMinutes },
    opts: {
      jobId: `bench-${offsetMinutes}-${row.id}`,
      attempts: definition.attempts,
      backoff: { type: 'exponential', delay: definition.backoffMs },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 3600 },
    },
  }));
  // Done when every job has recorded its reminder (jobs on other queues, or other delayed
  // reminders in a shared Redis, do not count).
  const processed = async () => {
    const { rows: done } = await client.query(
      `SELECT count(*)::int AS n FROM appointment_reminder WHERE offset_minutes = $1`,
      [offsetMinutes],
    );
    return done[0].n;
  };
  const worker = await startWorker(ctx, backendKind);
  try {
    const started = Date.now();
    for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
    const queued = Date.now();
    let done = await processed();
    while (done < count) {
      if (Date.now() - started > 10 * 60_000) {
        throw new Error(`${count - done} jobs still unprocessed after 10 minutes`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      done = await processed();
    }
    const seconds = (Date.now() - started) / 1000;
    say(
      `${backendKind}: ${count} jobs queued in ${((queued - started) / 1000).toFixed(1)} s, ` +
        `drained in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(0)} jobs/s)`,
    );
    return { backend: backendKind, count, seconds };
  } finally {
    await worker.stop();
    await queue.close();
    await backend.close();
    await client.end();
  }
}

/** Worker processes running now: a worker left behind would go on taking jobs from a shared Redis. */
const workerProcesses = new Set();
function killWorkers() {
  for (const child of workerProcesses) child.kill('SIGKILL');
}
process.on('exit', killWorkers);

/** node apps/api/dist/worker.js in the production shape, on the chosen queue backend. */
async function startWorker(ctx, backendKind) {
  // Reminders off: the start-up reconciler would otherwise queue the clinic's own reminders.
  const env = { ...ctx.apiEnv, REMINDER_OFFSETS_HOURS: '', LOG_LEVEL: 'info' };
  if (backendKind === 'postgres') delete env.REDIS_URL;
  const logFile = path.join(ctx.workDir, `worker-${backendKind}.log`);
  const logFd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [path.join(ROOT, 'apps/api/dist/worker.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  workerProcesses.add(child);
  const deadline = Date.now() + 60_000;
  while (!readFileSync(logFile, 'utf8').includes('worker running')) {
    if (hasExited(child)) throw new Error(`the worker exited during start-up:\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      // Left running it would keep this process alive and go on taking jobs.
      child.kill('SIGKILL');
      workerProcesses.delete(child);
      throw new Error(`the worker did not start:\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    async stop() {
      if (!hasExited(child)) child.kill('SIGTERM');
      if (!(await waitForExit(child, 30_000))) child.kill('SIGKILL');
      workerProcesses.delete(child);
    },
  };
}

/**
 * Runs `request` from `concurrency` loops at once, for `total` requests or `seconds` (after a
 * warm-up of LOAD.warmupSeconds when timed), and returns exact latency percentiles. Any answer
 * other than 200 stops the run: a benchmark of errors measures nothing.
 */
async function latencyRun({ request, concurrency, total, seconds }) {
  const once = async (latencies) => {
    const started = process.hrtime.bigint();
    const response = await request();
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${response.url} answered ${response.status}`);
    latencies?.push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  const loops = async (latencies, until) => {
    let sent = 0;
    const loop = async () => {
      while (until ? Date.now() < until : sent < total) {
        sent++;
        await once(latencies);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
  };
  if (seconds) await loops(null, Date.now() + LOAD.warmupSeconds * 1000);
  const latencies = [];
  await loops(latencies, seconds ? Date.now() + seconds * 1000 : null);
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { count: latencies.length, concurrency, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Resident memory of a process in MB (Linux /proc). */
function residentMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** The bench patient, given a 20,000-observation history once per run. */
let benchRecordPromise = null;
function benchRecordPatient(ctx) {
  benchRecordPromise ??= (async () => {
    const patient = await benchPatient(ctx);
    await seedLargeRecord(ctx.databaseUrl, patient.patientId, say);
    return patient;
  })();
  return benchRecordPromise;
}

/** The bench patient's long bill (5,000 visits with insurance), once per run. */
let benchBillingPromise = null;
function benchBilling(ctx) {
  benchBillingPromise ??= (async () => {
    const patient = await benchPatient(ctx);
    await seedLargeBilling(ctx.databaseUrl, patient.patientId, say);
    return patient;
  })();
  return benchBillingPromise;
}

/** The large inbox (a pool of 10,000 open conversations, the bench patient's 500), once per run. */
let benchInboxPromise = null;
function benchInbox(ctx) {
  benchInboxPromise ??= (async () => {
    const patient = await benchPatient(ctx);
    return seedLargeInbox(ctx.databaseUrl, patient.patientId, say);
  })();
  return benchInboxPromise;
}

/** The large refill queue (10,000 open requests, the bench patient's 500), once per run. */
let benchRefillsPromise = null;
function benchRefills(ctx) {
  benchRefillsPromise ??= (async () => {
    const patient = await benchPatient(ctx);
    return seedLargeRefills(ctx.databaseUrl, patient.patientId, say);
  })();
  return benchRefillsPromise;
}

async function expectItems(url, headers) {
  const page = await (await fetch(url, { headers })).json();
  if (!Array.isArray(page.items) || page.items.length === 0) throw new Error(`empty: ${url}`);
}

/* ---- data for the authenticated scenarios ------------------------------------------------ */

const BENCH_PASSWORD = 'bench passphrase for the portal';

async function csrfCookie(apiUrl) {
  const response = await fetch(`${apiUrl}/api/v1/auth/session`);
  const line = response.headers.getSetCookie().find((c) => c.startsWith('csrf_token='));
  return line.split(';')[0].slice('csrf_token='.length);
}

/** Signs in (no second factor) and returns the session cookie, `portal_session=…`. */
async function signIn(apiUrl, username, password) {
  const csrf = await csrfCookie(apiUrl);
  const response = await fetch(`${apiUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `csrf_token=${csrf}`,
      'x-csrf-token': csrf,
    },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${username} answered ${response.status}`);
  const session = response.headers.getSetCookie().find((c) => c.startsWith('portal_session='));
  return session.split(';')[0];
}

/** A patient with a portal account, made once per run, and a signed-in session cookie. */
let benchPatientPromise = null;
function benchPatient(ctx) {
  benchPatientPromise ??= (async () => {
    const { hashPassword } = await import(
      path.join(ROOT, 'apps/api/dist/modules/accounts/passwords.js')
    );
    const { newId } = await import(path.join(ROOT, 'apps/api/dist/infra/database/ids.js'));
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    const patientId = newId();
    const username = `bench-${patientId}`;
    try {
      await client.query(
        `INSERT INTO patient (id, mrn, given_name, family_name, date_of_birth, sex, email, created_at, updated_at)
         VALUES ($1, $2, 'Bench', 'Patient', '1970-01-01', 'unknown', 'bench@example.test', now(), now())`,
        [patientId, `B${patientId.replace(/-/g, '').slice(-12)}`],
      );
      await client.query(
        `INSERT INTO account (id, kind, username, display_name, email, patient_id, password_hash)
         VALUES ($1, 'patient', $2, 'Bench', 'bench@example.test', $3, $4)`,
        [newId(), username, patientId, await hashPassword(BENCH_PASSWORD)],
      );
    } finally {
      await client.end();
    }
    const cookie = await signIn(ctx.api.url, username, BENCH_PASSWORD);
    return { patientId, username, password: BENCH_PASSWORD, cookie };
  })();
  return benchPatientPromise;
}

/* ---------------------------------------------------------------------------------------- */

function say(line = '') {
  process.stdout.write(`${line}\n`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a yardstick script from bench/yardsticks/ as its own process (the load generator
 * must not share an event loop with the server it measures, and the API is a process too).
 * The script prints {"port":N} on its first stdout line once it listens.
 */
function startYardstick(script, env = {}) {
  const file = path.isAbsolute(script) ? script : path.join(ROOT, 'bench/yardsticks', script);
  const child = spawn(process.execPath, [file], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const close = async () => {
    if (!hasExited(child)) child.kill('SIGTERM');
    if (!(await waitForExit(child, 10_000))) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`yardstick ${script} did not start within 10 s`));
    }, 10_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`yardstick ${script} exited during start-up (code ${code})`));
    });
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      try {
        const { port } = JSON.parse(buffered.slice(0, newline));
        resolve({ url: `http://127.0.0.1:${port}`, close });
      } catch (error) {
        void close();
        reject(error);
      }
    });
  });
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child, timeoutMs) {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(hasExited(child)), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function ensureBuilt() {
  if (existsSync(API_ENTRY)) return;
  say('apps/api/dist is missing: npm run build --workspace @portal/api');
  const result = spawnSync('npm', ['run', 'build', '--workspace', '@portal/api'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(API_ENTRY)) {
    throw new Error('building @portal/api failed');
  }
}

/** postgres://…/portal_bench on the local server, created on first use. */
async function defaultBenchDatabase() {
  const server = 'postgres://postgres@127.0.0.1:5432';
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `SELECT 1 FROM pg_database WHERE datname = 'portal_bench'`,
    );
    if (!rowCount) await client.query('CREATE DATABASE portal_bench');
  } finally {
    await client.end();
  }
  return `${server}/portal_bench`;
}

/** The API in the production shape, on a free port; resolves once /api/health/ready is 200. */
async function startApi(workDir, name = 'api', overrides = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(workDir, `${name}.log`);
  const env = { ...process.env };
  delete env.SMTP_URL;
  delete env.NODE_OPTIONS;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATABASE_URL: process.env.DATABASE_URL || (await defaultBenchDatabase()),
    REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    DATA_DIR: path.join(workDir, 'data'),
    RUN_WORKERS: 'false',
    SEED_DEMO: 'false',
    SERVE_SPAS: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    APP_SECRET_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    ...overrides,
  });
  const logFd = openSync(logFile, 'a');
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, API_ENTRY], {
    cwd: ROOT,
    env,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  const api = {
    url,
    pid: child.pid,
    env,
    logFile,
    async stop() {
      if (!hasExited(child)) child.kill('SIGTERM');
      if (!(await waitForExit(child, 30_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
        throw new Error('the API did not stop within 30 s of SIGTERM');
      }
      return child.exitCode;
    },
  };
  const deadline = Date.now() + 90_000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (hasExited(child)) {
      throw new Error(`the API exited during start-up (code ${child.exitCode}):\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(`${url}/api/health/ready`, {
        signal: AbortSignal.timeout(5_000),
      });
      if (response.status === 200) return api;
      last = `HTTP ${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await api.stop().catch(() => undefined);
  throw new Error(`the API was not ready within 90 s (last: ${last}):\n${tail(logFile)}`);
}

function load(request, durationSeconds) {
  return autocannon({
    url: request.url,
    method: request.method ?? 'GET',
    headers: request.headers,
    body: request.body,
    connections: LOAD.connections,
    pipelining: LOAD.pipelining,
    duration: durationSeconds,
    timeout: 10,
  });
}

/** A warm-up, then the measured run; a run with errors or non-2xx answers measures nothing. */
async function measure(label, request) {
  await load(request, LOAD.warmupSeconds);
  const result = await load(request, LOAD.durationSeconds);
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0 || result.requests.total === 0) {
    throw new Error(
      `${label}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx of ` +
        `${result.requests.total} requests (${request.method ?? 'GET'} ${request.url})`,
    );
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

/* ---- docs/benchmarks.md ------------------------------------------------------------------ */

const INTRO = `# Benchmarks

Measured by \`npm run bench\` (bench/run.mjs), never as timed tests. Each scenario loads the
portal and a *yardstick* in the same run, one after the other on the same machine, with the
same [autocannon](https://github.com/mcollina/autocannon) settings (${LOAD.connections} connections, no pipelining, a
${LOAD.warmupSeconds} s warm-up that is not counted, then ${LOAD.durationSeconds} s measured). The yardstick is the least a
server could do for the same answer, so the **ratio** (portal requests/s ÷ yardstick
requests/s) says what the framework and our code cost, and stays comparable across machines
where raw requests/s do not. The load generator runs on the same cores as the servers.

The API runs in the production shape: external PostgreSQL and Redis, \`RUN_WORKERS=false\`,
\`SEED_DEMO=false\`, \`SERVE_SPAS=false\`, \`LOG_LEVEL=warn\`, \`NODE_ENV=production\`.
A row is appended per run; a ratio under target is reported here, not failed.

Targets (from the architecture's performance budgets):

| scenario | yardstick | target |
|---|---|---|
| /api/health/live | bare \`node:http\` returning the same body and content-type | ratio ≥ 0.45 |
| authenticated, database-backed read (planned) | minimal \`node:http\` + \`pg\` issuing the same SQL | ratio ≥ 0.6, p99 < 50 ms at 50 connections |
`;

function tableHeader() {
  return [
    '| date (UTC) | machine | cores | node | portal req/s | portal p50 ms | portal p99 ms | yardstick req/s | yardstick p50 ms | yardstick p99 ms | ratio | target |',
    '|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ].join('\n');
}

function formatRow(scenario, portal, yardstick, ratio) {
  const cpus = os.cpus();
  const machine = (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').replace(/\|/g, '/').trim();
  const met = ratio >= scenario.target ? 'met' : 'MISSED';
  return `| ${new Date().toISOString()} | ${machine} | ${cpus.length} | ${process.version} | ${portal.rps.toFixed(0)} | ${portal.p50} | ${portal.p99} | ${yardstick.rps.toFixed(0)} | ${yardstick.p50} | ${yardstick.p99} | ${ratio.toFixed(3)} | ≥ ${scenario.target} ${met} |`;
}

function latencyRow(result) {
  const cpus = os.cpus();
  const machine = (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').replace(/\|/g, '/').trim();
  return `| ${new Date().toISOString()} | ${machine} | ${cpus.length} | ${process.version} | ${result.count} | ${result.concurrency} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${result.p99.toFixed(1)} |`;
}

async function recordDrain(scenario, result) {
  const cpus = os.cpus();
  const machine = (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').replace(/\|/g, '/').trim();
  const goal = scenario.goals[result.backend];
  const row = `| ${new Date().toISOString()} | ${machine} | ${cpus.length} | ${process.version} | ${result.backend} | ${result.count} | ${result.seconds.toFixed(1)} | ${(result.count / result.seconds).toFixed(0)} | ≤ ${goal} s ${result.seconds <= goal ? 'met' : 'MISSED'} |`;
  const header = [
    '| date (UTC) | machine | cores | node | backend | jobs | seconds | jobs/s | goal |',
    '|---|---|---:|---|---|---:|---:|---:|---|',
  ].join('\n');
  await record(scenario, row, header, 'Goal: drained in ≤ 30 s on Redis, ≤ 60 s on PostgreSQL.');
}

async function recordLatency(scenario, result) {
  const header = [
    '| date (UTC) | machine | cores | node | requests | concurrent | p50 ms | p95 ms | p99 ms |',
    '|---|---|---:|---|---:|---:|---:|---:|---:|',
  ].join('\n');
  await record(scenario, latencyRow(result), header, `Goal: p95 ≤ ${scenario.latencyGoalMs} ms.`);
}

/** Appends the row to the table under "## <scenario name>", creating file or section as needed. */
async function record(
  scenario,
  row,
  header = tableHeader(),
  goal = `Target: ratio ≥ ${scenario.target}.`,
) {
  let text = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : INTRO;
  const heading = `## ${scenario.name}`;
  const lines = text.replace(/\s+$/, '').split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  if (start === -1) {
    lines.push('', heading, '', goal, '', header, row);
  } else {
    let end = lines.findIndex((line, index) => index > start && /^##?\s/.test(line));
    if (end === -1) end = lines.length;
    let lastTableLine = -1;
    for (let i = start + 1; i < end; i++) if (lines[i].startsWith('|')) lastTableLine = i;
    if (lastTableLine === -1) lines.splice(end, 0, '', header, row);
    else lines.splice(lastTableLine + 1, 0, row);
  }
  text = `${lines.join('\n')}\n`;
  writeFileSync(RESULTS_FILE, await formatMarkdown(text));
}

/** Formats with the repository's Prettier settings, so `npm run lint` stays clean after a run. */
async function formatMarkdown(text) {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(RESULTS_FILE)) ?? {};
    return await prettier.format(text, { ...options, filepath: RESULTS_FILE });
  } catch {
    return text; // Prettier is a dev dependency; without it the row is still recorded
  }
}

/* ---- main -------------------------------------------------------------------------------- */

async function main() {
  const args = process.argv.slice(2);
  const noRecord = args.includes('--no-record');
  const filter = args.find((arg) => !arg.startsWith('--'));
  const scenarios = SCENARIOS.filter((s) => !filter || s.name.includes(filter));
  if (scenarios.length === 0) throw new Error(`no scenario matches "${filter}"`);

  ensureBuilt();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-'));
  say(
    `machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, node ${process.version}`,
  );
  say(
    `load: ${LOAD.connections} connections, ${LOAD.warmupSeconds} s warm-up + ${LOAD.durationSeconds} s measured, one target at a time`,
  );
  let api = null;
  const cleanups = [];
  const onSignal = (signal) => {
    killWorkers();
    void Promise.resolve(api?.stop())
      .catch(() => undefined)
      .finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = false;
  try {
    api = await startApi(workDir);
    say(`API (production shape) ready at ${api.url}`);
    const ctx = {
      api: { url: api.url, pid: api.pid },
      databaseUrl: api.env.DATABASE_URL,
      apiEnv: api.env,
      workDir,
      redisUrl: api.env.REDIS_URL,
      /** Another API process (e.g. one serving the SPAs); the scenario stops it. */
      startApi: (name, overrides) => startApi(workDir, name, overrides),
      async startYardstick(script, env) {
        const server = await startYardstick(script, env);
        cleanups.push(server.close);
        return server;
      },
    };
    for (const scenario of scenarios) {
      if (scenario.custom) {
        say(`\n== ${scenario.name}`);
        try {
          const result = await scenario.custom(ctx);
          const rows = result.rows ?? [result.row];
          for (const row of rows) say(row);
          if (!noRecord) {
            for (const row of rows) await record(scenario, row, result.header, result.goal);
            say(`recorded in ${path.relative(ROOT, RESULTS_FILE)}`);
          }
        } catch (error) {
          failed = true;
          say(`scenario failed: ${error.message}`);
        }
        continue;
      }
      if (scenario.drain) {
        say(`\n== ${scenario.name}`);
        try {
          const results = await scenario.drain(ctx);
          if (!noRecord) {
            for (const result of results) await recordDrain(scenario, result);
            say(`recorded in ${path.relative(ROOT, RESULTS_FILE)}`);
          }
        } catch (error) {
          failed = true;
          say(`scenario failed: ${error.message}`);
        }
        continue;
      }
      if (scenario.run) {
        say(`\n== ${scenario.name} (goal p95 ≤ ${scenario.latencyGoalMs} ms)`);
        try {
          const result = await scenario.run(ctx);
          say(
            `${result.count} requests, ${result.concurrency} at a time: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms: goal ${result.p95 <= scenario.latencyGoalMs ? 'met' : 'MISSED'}`,
          );
          if (!noRecord) {
            await recordLatency(scenario, result);
            say(`recorded in ${path.relative(ROOT, RESULTS_FILE)}`);
          }
        } catch (error) {
          failed = true;
          say(`scenario failed: ${error.message}`);
        }
        continue;
      }
      say(`\n== ${scenario.name} (target ratio ≥ ${scenario.target})`);
      try {
        const prepared = await scenario.setup(ctx);
        if (prepared.teardown) cleanups.push(prepared.teardown);
        const portal = await measure('portal', prepared.portal);
        const yardstick = await measure('yardstick', prepared.yardstick);
        const ratio = portal.rps / yardstick.rps;
        const pad = (s) => s.padEnd(11);
        say(`${pad('')}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
        for (const [label, r] of [
          ['portal', portal],
          ['yardstick', yardstick],
        ]) {
          say(
            `${pad(label)}${r.rps.toFixed(0).padStart(10)}${String(r.p50).padStart(9)}${String(r.p99).padStart(9)}`,
          );
        }
        say(
          `ratio ${ratio.toFixed(3)}: target ${ratio >= scenario.target ? 'met' : 'MISSED'} (≥ ${scenario.target})`,
        );
        if (!noRecord) {
          await record(scenario, formatRow(scenario, portal, yardstick, ratio));
          say(`recorded in ${path.relative(ROOT, RESULTS_FILE)}`);
        }
      } catch (error) {
        failed = true;
        say(`scenario failed: ${error.message}`);
      } finally {
        while (cleanups.length)
          await cleanups
            .pop()()
            .catch(() => undefined);
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    let keep = failed;
    if (api) {
      const code = await api.stop();
      if (code !== 0) {
        keep = true;
        say(`warning: the API exited with code ${code} after SIGTERM, not 0 (graceful shutdown)`);
      }
    }
    if (keep) say(`API log kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
