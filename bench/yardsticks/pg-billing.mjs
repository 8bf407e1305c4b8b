/**
 * Yardstick for the patient's billing reads: node:http + pg issuing the SQL the API issues,
 * taken from the API's own built repository (so it cannot drift): the session check and
 * touch, the account, then the balance and latest statement (summary) or a page of charges
 * with what was applied to each (itemized charges), and the audit row. No framework,
 * validation or view mapping beyond JSON.stringify.
 * Input (env): DATABASE_URL. Prints {"port":N} once listening.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { BillingRepository } = await import(
  path.join(ROOT, 'apps/api/dist/modules/billing/billing.repository.js')
);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const db = { query: async (sql, params) => (await pool.query(sql, params)).rows };
const repository = new BillingRepository();

function cookie(header, name) {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const SESSION_SQL = `WITH live AS (
   SELECT s.id_hash, s.account_id, s.stage, s.absolute_expires_at, s.last_seen_at,
          a.kind, a.roles, a.patient_id, a.username, a.display_name
     FROM session s JOIN account a ON a.id = s.account_id
    WHERE s.id_hash = $1 AND a.status = 'active' AND s.ended_at IS NULL
      AND s.last_seen_at > $2::timestamptz - make_interval(secs => $3)
      AND s.absolute_expires_at > $2
 ), touched AS (
   UPDATE session SET last_seen_at = $2
    WHERE id_hash = (SELECT id_hash FROM live)
      AND last_seen_at < $2::timestamptz - make_interval(secs => $4)
   RETURNING last_seen_at
 )
 SELECT live.account_id, live.stage, live.absolute_expires_at, live.kind, live.roles,
        live.patient_id, live.username, live.display_name,
        COALESCE((SELECT last_seen_at FROM touched), live.last_seen_at) AS last_seen_at
   FROM live`;

async function audit(who, action, patientId, accountId, request, now) {
  await pool.query(
    `INSERT INTO audit_event (id, occurred_at, actor_account_id, actor_kind, actor_roles, patient_id,
       action, resource_type, resource_id, outcome, ip, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'billing-account', $8, 'success', $9, $10)`,
    [
      randomUUID(),
      now,
      who.account_id,
      who.kind,
      who.roles,
      patientId,
      action,
      accountId,
      request.socket.remoteAddress,
      randomUUID(),
    ],
  );
}

const server = http.createServer(async (request, response) => {
  try {
    const token = cookie(request.headers.cookie, 'portal_session') ?? '';
    const now = new Date();
    const session = await pool.query(SESSION_SQL, [
      createHash('sha256').update(token).digest(),
      now,
      900,
      30,
    ]);
    const who = session.rows[0];
    const url = new URL(request.url, 'http://yardstick');
    const [, , , , patientId, , part] = url.pathname.split('/');
    if (!who || who.patient_id !== patientId) {
      response.writeHead(404);
      return response.end();
    }
    const ref = await repository.accountOf(db, patientId);
    let body;
    if (part === 'summary') {
      const balance = await repository.balance(db, ref.account_id);
      const latest = await repository.latestStatement(db, ref.account_id);
      await audit(who, 'billing.summary.read', patientId, ref.account_id, request, now);
      body = { balance, latestStatementCode: latest?.code ?? null };
    } else {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const rows = await repository.chargePage(db, ref.account_id, limit, null);
      await audit(who, 'billing.charges.read', patientId, ref.account_id, request, now);
      body = { items: rows.slice(0, limit), nextCursor: null };
    }
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(JSON.stringify(body));
  } catch (error) {
    response.writeHead(500);
    response.end(String(error));
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => pool.end().then(() => process.exit(0)));
});
