/**
 * Yardstick for the authenticated read: a minimal node:http + pg server issuing the same SQL
 * as GET /api/v1/patients/:id does for a patient (session check and touch, the patient row,
 * one audit row), with a pool of the same size. No framework, validation or serialization
 * beyond JSON.stringify. Input (env): DATABASE_URL. Prints {"port":N} once listening.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

function cookie(header, name) {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const server = http.createServer(async (request, response) => {
  try {
    const token = cookie(request.headers.cookie, 'portal_session') ?? '';
    const now = new Date();
    const session = await pool.query(
      `WITH live AS (
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
         FROM live`,
      [createHash('sha256').update(token).digest(), now, 900, 30],
    );
    const who = session.rows[0];
    const patientId = request.url.split('/')[4];
    if (!who || who.patient_id !== patientId) {
      response.writeHead(404, { 'content-type': 'application/problem+json' });
      return response.end('{"status":404}');
    }
    const patient = await pool.query('SELECT * FROM patient WHERE id = $1 LIMIT 1', [patientId]);
    await pool.query(
      `INSERT INTO audit_event (id, occurred_at, actor_account_id, actor_kind, actor_roles, patient_id, action,
         resource_type, resource_id, outcome, ip, user_agent, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'patient.read', 'patient', $7, 'success', $8, $9, $10)`,
      [
        randomUUID(),
        now,
        who.account_id,
        who.kind,
        who.roles,
        patientId,
        patientId,
        request.socket.remoteAddress,
        request.headers['user-agent'] ?? null,
        randomUUID(),
      ],
    );
    const body = JSON.stringify(patient.rows[0]);
    response.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(body);
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
