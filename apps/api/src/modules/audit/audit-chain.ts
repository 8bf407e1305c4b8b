import { createHash } from 'node:crypto';

/**
 * The audit trail's hash chain, checked from outside the database. audit_chain holds one link
 * per audit row: position 1, 2, 3 ... without a gap, prev_hash = the hash of the link before
 * (zeros at position 1), hash = sha256(prev_hash || canonical encoding of the row). The
 * database computes the same encoding in audit_event_digest() (migration
 * 1764231100000-AuditChain); this is the independent copy.
 */

export const GENESIS_HASH = Buffer.alloc(32);

/** One link and its audit row as the verifier reads them (event fields null if it is gone). */
export interface ChainRow {
  position: string;
  event_id: string;
  prev_hash: Buffer;
  hash: Buffer;
  horizon: string;
  id: string | null;
  txid: string | null;
  /** occurred_at in UTC, to the microsecond. */
  occurred_key: string;
  actor_account_id: string | null;
  actor_kind: string | null;
  actor_roles: (string | null)[];
  patient_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: string;
  reason: string | null;
  route: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
}

const LINKS = `SELECT c.position::text AS position, c.event_id, c.prev_hash, c.hash,
    c.horizon::text AS horizon, e.id, e.txid::text AS txid,
    to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_key,
    e.actor_account_id, e.actor_kind, e.actor_roles, e.patient_id, e.action, e.resource_type,
    e.resource_id, e.outcome, e.reason, e.route, e.ip, e.user_agent, e.request_id
  FROM audit_chain c LEFT JOIN audit_event e ON e.id = c.event_id
  WHERE c.position >= $1 ORDER BY c.position LIMIT $2`;

/** <characters>:<text>, or "-" for NULL (PostgreSQL's length() counts characters too). */
function field(value: string | null): string {
  return value === null ? '-' : `${Array.from(value).length}:${value}`;
}

export function canonicalEncoding(row: ChainRow): string {
  return [
    'audit-v1',
    field(row.id),
    field(row.occurred_key),
    field(row.actor_account_id),
    field(row.actor_kind),
    field(String(row.actor_roles.length)),
    ...row.actor_roles.map(field),
    field(row.patient_id),
    field(row.action),
    field(row.resource_type),
    field(row.resource_id),
    field(row.outcome),
    field(row.reason),
    field(row.route),
    field(row.ip),
    field(row.user_agent),
    field(row.request_id),
  ].join('');
}

export function linkHash(previous: Buffer, row: ChainRow): Buffer {
  return createHash('sha256').update(previous).update(canonicalEncoding(row), 'utf8').digest();
}

export interface ChainCheckpoint {
  /** The first link to check. */
  fromPosition: bigint;
  /** The hash of the link before it, as recorded at the checkpoint; zeros at position 1. */
  prevHash?: Buffer;
}

export interface ChainBreak {
  /** The link's position; null for an audit row that has no link at all. */
  position: string | null;
  /** The audit row (audit_event.id) the break is about. */
  eventId: string;
  problem: string;
}

export type ChainVerdict =
  | {
      intact: true;
      checked: number;
      head: { position: string; hash: string } | null;
      /** Rows written since the last link, waiting for the next audit_chain_extend(). */
      pending: number;
    }
  | { intact: false; checked: number; broken: ChainBreak };

type Query = <Row>(sql: string, parameters: unknown[]) => Promise<Row[]>;

/**
 * Walks the chain in position order from the checkpoint (or the start) to the newest link, in
 * batches, and names the first link that does not fit; then looks for audit rows that should
 * have a link by now and have none (a link removed, or a row slipped in under the chain).
 */
export async function verifyAuditChain(
  query: Query,
  checkpoint: ChainCheckpoint = { fromPosition: 1n },
  batchSize = 5_000,
): Promise<ChainVerdict> {
  const fromStart = checkpoint.fromPosition === 1n;
  let expected = checkpoint.fromPosition;
  let previous: Buffer | null = checkpoint.prevHash ?? (fromStart ? GENESIS_HASH : null);
  let checked = 0;
  let head: { position: string; hash: string; horizon: string } | null = null;
  let lowestTxid: bigint | null = null;
  for (;;) {
    const rows = await query<ChainRow>(LINKS, [expected.toString(), batchSize]);
    for (const row of rows) {
      const broken = (problem: string): ChainVerdict => ({
        intact: false,
        checked,
        broken: { position: row.position, eventId: row.event_id, problem },
      });
      if (BigInt(row.position) !== expected) {
        return broken(`links ${expected} to ${BigInt(row.position) - 1n} are missing`);
      }
      if (previous && !row.prev_hash.equals(previous)) {
        return broken('its prev_hash is not the hash of the link before it');
      }
      if (row.id === null) return broken('its audit row is gone');
      if (!linkHash(row.prev_hash, row).equals(row.hash)) {
        return broken('the audit row does not match its hash');
      }
      if (row.txid !== null && (lowestTxid === null || BigInt(row.txid) < lowestTxid)) {
        lowestTxid = BigInt(row.txid);
      }
      previous = row.hash;
      expected += 1n;
      checked += 1;
      head = { position: row.position, hash: row.hash.toString('hex'), horizon: row.horizon };
    }
    if (rows.length < batchSize) break;
  }
  if (!head && !fromStart && checkpoint.prevHash) {
    // Nothing after the checkpoint: the checkpoint's own link must still be the head.
    const [last] = await query<{ event_id: string; hash: Buffer }>(
      'SELECT event_id, hash FROM audit_chain WHERE position = $1',
      [(checkpoint.fromPosition - 1n).toString()],
    );
    if (!last || !last.hash.equals(checkpoint.prevHash)) {
      return {
        intact: false,
        checked,
        broken: {
          position: (checkpoint.fromPosition - 1n).toString(),
          eventId: last?.event_id ?? '',
          problem: 'the checkpoint link is missing or no longer has the recorded hash',
        },
      };
    }
  }
  if (head) {
    // Every row settled before the newest link's horizon must have a link. From the start,
    // that includes the rows from before the chain existed (txid NULL).
    const [unlinked] = await query<{ id: string }>(
      `SELECT e.id FROM audit_event e
        WHERE (e.txid < $1::xid8 ${fromStart ? 'OR e.txid IS NULL' : 'AND e.txid >= $2::xid8'})
          AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)
        ORDER BY e.seq NULLS FIRST LIMIT 1`,
      fromStart ? [head.horizon] : [head.horizon, (lowestTxid ?? BigInt(head.horizon)).toString()],
    );
    if (unlinked) {
      return {
        intact: false,
        checked,
        broken: { position: null, eventId: unlinked.id, problem: 'it has no link in the chain' },
      };
    }
  }
  const [{ pending }] = (await query<{ pending: string }>(
    `SELECT count(*)::text AS pending FROM audit_event
      WHERE txid >= coalesce($1::xid8, '0'::xid8)
        AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = audit_event.id)`,
    [head?.horizon ?? null],
  )) as [{ pending: string }];
  return {
    intact: true,
    checked,
    head: head && { position: head.position, hash: head.hash },
    pending: Number(pending),
  };
}
