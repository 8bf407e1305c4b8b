/**
 * Yardstick for the refill reads: node:http + pg issuing the SQL the API issues, taken from
 * the API's own built repository (so it cannot drift): the session check and touch, the
 * patient's page of requests or the staff queue's page, the page's timelines, and the audit
 * rows. No framework, validation or view mapping beyond JSON.stringify.
 * Input (env): DATABASE_URL. Prints {"port":N} once listening.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { audit, sessionOf } from './session.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { RefillsRepository } = await import(
  path.join(ROOT, 'apps/api/dist/modules/refills/refills.repository.js')
);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const db = { query: async (sql, params) => (await pool.query(sql, params)).rows };
const repository = new RefillsRepository();

const server = http.createServer(async (request, response) => {
  try {
    const now = new Date();
    const who = await sessionOf(pool, request, now);
    if (!who) {
      response.writeHead(401);
      return response.end();
    }
    const url = new URL(request.url, 'http://yardstick');
    const limit = Number(url.searchParams.get('limit') ?? 20);
    let rows;
    if (url.pathname === '/api/v1/refill-queue') {
      rows = await repository.queue(
        db,
        { status: null, prescriber: null, locationId: null, requestedBefore: null },
        limit,
        null,
      );
    } else {
      const [, , , , patientId] = url.pathname.split('/');
      rows = await repository.patientRequests(db, patientId, limit, null);
    }
    const items = rows.slice(0, limit);
    const [history] = await Promise.all([
      repository.history(
        db,
        items.map((row) => row.id),
      ),
      url.pathname === '/api/v1/refill-queue'
        ? audit(
            pool,
            who,
            'refill.queue',
            'refill_request',
            items.map((row) => ({ id: row.id, patientId: row.patient_id })),
            request,
            now,
          )
        : audit(
            pool,
            who,
            'refill.list',
            null,
            [{ id: null, patientId: who.patient_id }],
            request,
            now,
          ),
    ]);
    const body = {
      items: items.map((row) => ({
        ...row,
        history: history.filter((entry) => entry.request_id === row.id),
      })),
      nextCursor: null,
    };
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
