/**
 * What every authenticated yardstick does first, as the API does it: read the session
 * cookie and run the session check and touch (the same statement as the API's
 * SessionsRepository), so each yardstick only adds its own reads.
 */
import { createHash, randomUUID } from 'node:crypto';

export function cookie(header, name) {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export const SESSION_SQL = `WITH live AS (
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

/** The caller of a request (the session row), or undefined when it has no live session. */
export async function sessionOf(pool, request, now) {
  const token = cookie(request.headers.cookie, 'portal_session') ?? '';
  const session = await pool.query(SESSION_SQL, [
    createHash('sha256').update(token).digest(),
    now,
    900,
    30,
  ]);
  return session.rows[0];
}

/** The audit rows of a read, one per resource shown, in one INSERT as the API writes them. */
export async function audit(pool, who, action, resourceType, rows, request, now) {
  if (!rows.length) return;
  const values = [];
  const params = [];
  for (const row of rows) {
    const base = params.length;
    params.push(randomUUID(), now, who.account_id, who.kind, who.roles, row.patientId, action);
    params.push(resourceType, row.id, request.socket.remoteAddress, randomUUID());
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
