/**
 * Yardstick for the messaging reads: node:http + pg issuing the SQL the API issues, taken
 * from the API's own built repository (so it cannot drift): the session check and touch,
 * the inbox page, the unread counts or a patient's conversation with its messages, and the
 * audit rows. No framework, validation or view mapping beyond JSON.stringify.
 * Input (env): DATABASE_URL. Prints {"port":N} once listening.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { MessagingRepository } = await import(
  path.join(ROOT, 'apps/api/dist/modules/messaging/messaging.repository.js')
);
const { poolReader } = await import(
  path.join(ROOT, 'apps/api/dist/modules/messaging/messaging.rules.js')
);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const db = { query: async (sql, params) => (await pool.query(sql, params)).rows };
const repository = new MessagingRepository(db);

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

async function audit(who, action, rows, request, now) {
  if (!rows.length) return;
  const values = [];
  const params = [];
  for (const row of rows) {
    const base = params.length;
    params.push(randomUUID(), now, who.account_id, who.kind, who.roles, row.patientId, action);
    params.push('conversation', row.id, request.socket.remoteAddress, randomUUID());
    values.push(
      `(${Array.from({ length: 11 }, (_, i) => `$${base + i + 1}`).join(', ')}, 'success')`,
    );
  }
  await pool.query(
    `INSERT INTO audit_event (id, occurred_at, actor_account_id, actor_kind, actor_roles, patient_id,
       action, resource_type, resource_id, ip, request_id, outcome) VALUES ${values.join(', ')}`,
    params,
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
    if (!who) {
      response.writeHead(401);
      return response.end();
    }
    const url = new URL(request.url, 'http://yardstick');
    const principal = { accountId: who.account_id, roles: who.roles, kind: who.kind };
    let body;
    if (url.pathname === '/api/v1/inbox/conversations') {
      const rows = await repository.inbox(poolReader(principal), {
        view: url.searchParams.get('view') ?? 'open',
        poolId: url.searchParams.get('poolId') ?? undefined,
        limit: Number(url.searchParams.get('limit') ?? 20),
        after: null,
        now,
      });
      const items = rows.slice(0, Number(url.searchParams.get('limit') ?? 20));
      await audit(
        who,
        'conversation.inbox',
        items.map((row) => ({ id: row.id, patientId: row.patient_id })),
        request,
        now,
      );
      body = { items, nextCursor: null };
    } else if (url.pathname === '/api/v1/inbox/counts') {
      body = await repository.inboxCounts(
        poolReader(principal),
        url.searchParams.get('poolId') ?? undefined,
      );
    } else {
      const [, , , , patientId, , conversationId] = url.pathname.split('/');
      const row = await repository.patientConversation(patientId, conversationId, who.account_id);
      const messages = await repository.messages(conversationId, false, 50, null);
      await repository.markRead(db, conversationId, who.account_id, now);
      await audit(who, 'conversation.read', [{ id: conversationId, patientId }], request, now);
      body = { ...row, messages: { items: messages.slice(0, 50), nextCursor: null } };
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
