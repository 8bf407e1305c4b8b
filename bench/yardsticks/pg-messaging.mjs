/**
 * Yardstick for the messaging reads: node:http + pg issuing the SQL the API issues, taken
 * from the API's own built repository (so it cannot drift): the session check and touch,
 * the inbox page, the unread counts or a patient's conversation with its messages, and the
 * audit rows. No framework, validation or view mapping beyond JSON.stringify.
 * Input (env): DATABASE_URL. Prints {"port":N} once listening.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { audit, sessionOf } from './session.mjs';

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

const server = http.createServer(async (request, response) => {
  try {
    const now = new Date();
    const who = await sessionOf(pool, request, now);
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
        pool,
        who,
        'conversation.inbox',
        'conversation',
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
      await audit(
        pool,
        who,
        'conversation.read',
        'conversation',
        [{ id: conversationId, patientId }],
        request,
        now,
      );
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
