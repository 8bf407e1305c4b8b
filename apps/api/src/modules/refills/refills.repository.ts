import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { PageKey } from '../../common/pager.js';
import { returnedRows } from '../../infra/database/sql.js';
import type { DenialReason, RefillKind, RefillStatus } from './refills.rules.js';

export type Queryable = Pick<DataSource | EntityManager, 'query'>;

const KEY = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A LIKE pattern matching values that start with `text`, wildcards in it taken literally. */
function startsWith(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PharmacyRow {
  id: string;
  ncpdp_id: string;
  name: string;
  address_line: string;
  city: string;
  region: string;
  postal_code: string;
  phone: string;
  sort_key: string;
}

const PHARMACY_COLUMNS = `ph.id, ph.ncpdp_id, ph.name, ph.address_line, ph.city, ph.region,
  ph.postal_code, ph.phone, lower(ph.name) AS sort_key`;

export interface RefillRow {
  id: string;
  patient_id: string;
  medication_id: string;
  medication_name: string;
  rxnorm_code: string;
  kind: RefillKind;
  status: RefillStatus;
  version: number;
  prescriber: string | null;
  note: string | null;
  requested_by: string;
  requested_at: Date;
  updated_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
  decision_reason_code: DenialReason | null;
  decision_reason: string | null;
  approved_quantity: number | null;
  approved_refills: number | null;
  send_status: 'waiting' | 'sent' | null;
  sent_at: Date | null;
  sent_message_id: string | null;
  sort_key: string;
  /** The pharmacy, as one JSON object of PharmacyRow's columns. */
  pharmacy: PharmacyRow;
}

/** A request with the pharmacy and the medication's name (aliases r, m, ph). */
const REFILL_COLUMNS = `r.id, r.patient_id, r.medication_id, m.display AS medication_name,
  m.rxnorm_code, r.kind, r.status, r.version, r.prescriber, r.note, r.requested_by,
  r.requested_at, r.updated_at, r.decided_at, r.decided_by, r.decision_reason_code,
  r.decision_reason, r.approved_quantity, r.approved_refills, r.send_status, r.sent_at,
  r.sent_message_id, ${KEY('r.requested_at')} AS sort_key,
  json_build_object('id', ph.id, 'ncpdp_id', ph.ncpdp_id, 'name', ph.name,
    'address_line', ph.address_line, 'city', ph.city, 'region', ph.region,
    'postal_code', ph.postal_code, 'phone', ph.phone, 'sort_key', lower(ph.name)) AS pharmacy`;
const REFILL_FROM = `refill_request r JOIN medication m ON m.id = r.medication_id
  JOIN pharmacy ph ON ph.id = r.pharmacy_id`;

export interface QueueRow extends RefillRow {
  given_name: string;
  preferred_name: string | null;
  family_name: string;
  mrn: string;
  date_of_birth: string;
  dose: string | null;
  frequency: string | null;
  refills_remaining: number | null;
  last_filled_on: string | null;
  start_date: string;
  last_visit_at: Date | null;
  recent: { id: string; status: RefillStatus; requested_at: string; decided_at: string | null }[];
}

export interface HistoryRow {
  id: string;
  request_id: string;
  at: Date;
  event: 'status' | 'sent';
  from_status: RefillStatus | null;
  to_status: RefillStatus;
  reason: string | null;
  by_kind: 'patient' | 'staff' | null;
  by_name: string | null;
}

export interface MedicationFacts {
  id: string;
  status: 'active' | 'stopped' | 'entered-in-error';
  controlled: boolean;
  refills_remaining: number | null;
  prescriber: string | null;
  open_request_id: string | null;
}

export interface QueueFilter {
  status: RefillStatus | null;
  prescriber: string | null;
  locationId: string | null;
  requestedBefore: Date | null;
}

export interface Transition {
  id: string;
  from: readonly RefillStatus[];
  to: RefillStatus;
  version: number | null;
  at: Date;
  by: string;
  /** Extra columns the move sets (decision, approval). */
  set: {
    decided?: boolean;
    decisionReasonCode?: DenialReason | null;
    decisionReason?: string | null;
    approvedQuantity?: number | null;
    approvedRefills?: number | null;
  };
}

/**
 * Every statement of prescription refills. A patient's own rows are always asked for with
 * their patient id (the one visibility rule of the patient side).
 */
@Injectable()
export class RefillsRepository {
  // ---- Pharmacies ----

  async searchPharmacies(
    db: Queryable,
    q: string | null,
    limit: number,
    after: PageKey | null,
  ): Promise<PharmacyRow[]> {
    const pattern = q === null ? null : startsWith(q.toLowerCase());
    return (await db.query(
      `SELECT ${PHARMACY_COLUMNS} FROM pharmacy ph
        WHERE ph.active
          AND ($1::text IS NULL OR lower(ph.name) LIKE $1 OR lower(ph.city) LIKE $1
               OR ph.postal_code LIKE $1)
          AND ($2::text IS NULL OR (lower(ph.name), ph.id) > ($2::text, $3::uuid))
        ORDER BY lower(ph.name), ph.id
        LIMIT $4`,
      [pattern, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    )) as PharmacyRow[];
  }

  async pharmacy(db: Queryable, id: string): Promise<PharmacyRow | null> {
    const [row] = (await db.query(
      `SELECT ${PHARMACY_COLUMNS} FROM pharmacy ph WHERE ph.id = $1 AND ph.active`,
      [id],
    )) as PharmacyRow[];
    return row ?? null;
  }

  async preferredPharmacy(db: Queryable, patientId: string): Promise<PharmacyRow | null> {
    const [row] = (await db.query(
      `SELECT ${PHARMACY_COLUMNS} FROM patient_pharmacy pp JOIN pharmacy ph ON ph.id = pp.pharmacy_id
        WHERE pp.patient_id = $1`,
      [patientId],
    )) as PharmacyRow[];
    return row ?? null;
  }

  async setPreferredPharmacy(
    db: Queryable,
    patientId: string,
    pharmacyId: string,
    by: string,
    at: Date,
  ): Promise<void> {
    await db.query(
      `INSERT INTO patient_pharmacy (patient_id, pharmacy_id, updated_by, updated_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (patient_id) DO UPDATE SET pharmacy_id = $2, updated_by = $3, updated_at = $4`,
      [patientId, pharmacyId, by, at],
    );
  }

  // ---- Requests: the patient side ----

  /** The patient's medications among `ids` and each one's open request, locked for the insert. */
  async medicationFacts(
    manager: EntityManager,
    patientId: string,
    ids: string[],
  ): Promise<MedicationFacts[]> {
    return (await manager.query(
      `SELECT m.id, m.status, m.controlled, m.refills_remaining, m.prescriber,
              (SELECT o.id FROM refill_request o
                WHERE o.medication_id = m.id AND o.status IN ('requested', 'in_review')) AS open_request_id
         FROM medication m
        WHERE m.patient_id = $1 AND m.id = ANY($2::uuid[])
        FOR UPDATE OF m`,
      [patientId, ids],
    )) as MedicationFacts[];
  }

  /** The open request of each of these medications that has one, by medication id. */
  async openRequests(db: Queryable, medicationIds: string[]): Promise<Map<string, string>> {
    const rows = (await db.query(
      `SELECT medication_id, id FROM refill_request
        WHERE medication_id = ANY($1::uuid[]) AND status IN ('requested', 'in_review')`,
      [medicationIds],
    )) as { medication_id: string; id: string }[];
    return new Map(rows.map((row) => [row.medication_id, row.id]));
  }

  async insertRequests(
    manager: EntityManager,
    rows: {
      id: string;
      patientId: string;
      medicationId: string;
      kind: RefillKind;
      pharmacyId: string;
      prescriber: string | null;
      note: string | null;
      by: string;
      at: Date;
    }[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO refill_request (id, patient_id, medication_id, kind, pharmacy_id, prescriber,
                                   note, status, version, requested_by, requested_at, updated_at)
       SELECT x.id, x.patient_id, x.medication_id, x.kind, x.pharmacy_id, x.prescriber, x.note,
              'requested', 1, x.requested_by, x.at, x.at
         FROM json_to_recordset($1::json) AS x(id uuid, patient_id uuid, medication_id uuid,
              kind text, pharmacy_id uuid, prescriber text, note text, requested_by uuid,
              at timestamptz)`,
      [
        JSON.stringify(
          rows.map((row) => ({
            id: row.id,
            patient_id: row.patientId,
            medication_id: row.medicationId,
            kind: row.kind,
            pharmacy_id: row.pharmacyId,
            prescriber: row.prescriber,
            note: row.note,
            requested_by: row.by,
            at: row.at.toISOString(),
          })),
        ),
      ],
    );
  }

  async insertHistory(
    db: Queryable,
    entries: {
      id: string;
      requestId: string;
      at: Date;
      by: string | null;
      event: 'status' | 'sent';
      from: RefillStatus | null;
      to: RefillStatus;
      reason: string | null;
    }[],
  ): Promise<void> {
    if (!entries.length) return;
    await db.query(
      `INSERT INTO refill_history (id, request_id, at, by_account_id, event, from_status, to_status, reason)
       SELECT x.id, x.request_id, x.at, x.by_account_id, x.event, x.from_status, x.to_status, x.reason
         FROM json_to_recordset($1::json) AS x(id uuid, request_id uuid, at timestamptz,
              by_account_id uuid, event text, from_status text, to_status text, reason text)`,
      [
        JSON.stringify(
          entries.map((entry) => ({
            id: entry.id,
            request_id: entry.requestId,
            at: entry.at.toISOString(),
            by_account_id: entry.by,
            event: entry.event,
            from_status: entry.from,
            to_status: entry.to,
            reason: entry.reason,
          })),
        ),
      ],
    );
  }

  /** Requests by id; the patient's own only when `patientId` is given. */
  async requests(db: Queryable, ids: string[], patientId: string | null): Promise<RefillRow[]> {
    return (await db.query(
      `SELECT ${REFILL_COLUMNS} FROM ${REFILL_FROM}
        WHERE r.id = ANY($1::uuid[]) AND ($2::uuid IS NULL OR r.patient_id = $2)
        ORDER BY r.requested_at DESC, r.id DESC`,
      [ids, patientId],
    )) as RefillRow[];
  }

  /** The patient's requests, newest first. */
  async patientRequests(
    db: Queryable,
    patientId: string,
    limit: number,
    after: PageKey | null,
  ): Promise<RefillRow[]> {
    return (await db.query(
      `SELECT ${REFILL_COLUMNS} FROM ${REFILL_FROM}
        WHERE r.patient_id = $1
          AND ($2::timestamptz IS NULL OR (r.requested_at, r.id) < ($2::timestamptz, $3::uuid))
        ORDER BY r.requested_at DESC, r.id DESC
        LIMIT $4`,
      [patientId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    )) as RefillRow[];
  }

  /** The timelines of several requests in one statement, oldest entry first. */
  async history(db: Queryable, requestIds: string[]): Promise<HistoryRow[]> {
    if (!requestIds.length) return [];
    return (await db.query(
      `SELECT h.id, h.request_id, h.at, h.event, h.from_status, h.to_status, h.reason,
              a.kind AS by_kind, a.display_name AS by_name
         FROM refill_history h LEFT JOIN account a ON a.id = h.by_account_id
        WHERE h.request_id = ANY($1::uuid[])
        ORDER BY h.at, h.id`,
      [requestIds],
    )) as HistoryRow[];
  }

  // ---- Requests: the staff side ----

  /**
   * The queue, oldest request first, with what a reviewer looks at beside each: the
   * medication's facts and earlier requests and the patient's last visit. One statement.
   */
  async queue(
    db: Queryable,
    filter: QueueFilter,
    limit: number,
    after: PageKey | null,
  ): Promise<QueueRow[]> {
    // The page's ids first, from refill_request alone in index order (each condition is
    // written only when it filters, so the planner sees the index it can walk); then the
    // page's columns and its context for those rows only.
    const params: unknown[] = [];
    const add = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [
      filter.status === null
        ? `r.status IN ('requested', 'in_review')`
        : `r.status = ${add(filter.status)}`,
    ];
    if (filter.prescriber !== null) {
      where.push(`lower(r.prescriber) = lower(${add(filter.prescriber)})`);
    }
    if (filter.locationId !== null) {
      where.push(`EXISTS (SELECT 1 FROM appointment a
                           WHERE a.patient_id = r.patient_id AND a.location_id = ${add(filter.locationId)})`);
    }
    if (filter.requestedBefore !== null) {
      where.push(`r.requested_at <= ${add(filter.requestedBefore)}`);
    }
    if (after !== null) {
      where.push(
        `(r.requested_at, r.id) > (${add(after[0])}::timestamptz, ${add(after[1])}::uuid)`,
      );
    }
    return (await db.query(
      `WITH page AS (
         SELECT r.id FROM refill_request r
          WHERE ${where.join(' AND ')}
          ORDER BY r.requested_at, r.id
          LIMIT ${add(limit + 1)})
       SELECT ${REFILL_COLUMNS}, p.given_name, p.preferred_name, p.family_name, p.mrn,
              p.date_of_birth::text AS date_of_birth, m.dose, m.frequency, m.refills_remaining,
              m.last_filled_on::text AS last_filled_on, m.start_date::text AS start_date,
              (SELECT max(a.starts_at) FROM appointment a
                WHERE a.patient_id = r.patient_id AND a.status = 'completed') AS last_visit_at,
              (SELECT coalesce(json_agg(o ORDER BY o.requested_at DESC), '[]'::json)
                 FROM (SELECT e.id, e.status, e.requested_at, e.decided_at
                         FROM refill_request e
                        WHERE e.medication_id = r.medication_id AND e.id <> r.id
                        ORDER BY e.requested_at DESC LIMIT 5) o) AS recent
         FROM page JOIN refill_request r ON r.id = page.id
         JOIN medication m ON m.id = r.medication_id JOIN pharmacy ph ON ph.id = r.pharmacy_id
         JOIN patient p ON p.id = r.patient_id
        ORDER BY r.requested_at, r.id`,
      params,
    )) as QueueRow[];
  }

  /**
   * One move, decided by the database: the row changes only while its status is one the move
   * starts from (and its version the one loaded, when given), so of two reviewers deciding at
   * once exactly one changes it. The changed row's id and old status, or null.
   */
  async transition(
    manager: EntityManager,
    move: Transition,
  ): Promise<{
    id: string;
    patient_id: string;
    from_status: RefillStatus;
    version: number;
  } | null> {
    const decided = move.set.decided === true;
    const result = await manager.query(
      `UPDATE refill_request r
          SET status = $2, version = r.version + 1, updated_at = $5,
              decided_at = CASE WHEN $6 THEN $5 ELSE r.decided_at END,
              decided_by = CASE WHEN $6 THEN $7::uuid ELSE r.decided_by END,
              decision_reason_code = coalesce($8, r.decision_reason_code),
              decision_reason = coalesce($9, r.decision_reason),
              approved_quantity = coalesce($10, r.approved_quantity),
              approved_refills = coalesce($11, r.approved_refills),
              send_status = CASE WHEN $2 = 'approved' THEN 'waiting' ELSE r.send_status END
         FROM (SELECT id, status AS from_status FROM refill_request WHERE id = $1) old
        WHERE r.id = $1 AND old.id = r.id AND r.status = ANY($3::text[])
          AND ($4::integer IS NULL OR r.version = $4)
        RETURNING r.id, r.patient_id, old.from_status, r.version`,
      [
        move.id,
        move.to,
        move.from,
        move.version,
        move.at,
        decided,
        move.by,
        move.set.decisionReasonCode ?? null,
        move.set.decisionReason ?? null,
        move.set.approvedQuantity ?? null,
        move.set.approvedRefills ?? null,
      ],
    );
    const [row] = returnedRows<{
      id: string;
      patient_id: string;
      from_status: RefillStatus;
      version: number;
    }>(result);
    return row ?? null;
  }

  async state(
    db: Queryable,
    id: string,
  ): Promise<{ status: RefillStatus; version: number; patient_id: string } | null> {
    const [row] = (await db.query(
      `SELECT status, version, patient_id FROM refill_request WHERE id = $1`,
      [id],
    )) as { status: RefillStatus; version: number; patient_id: string }[];
    return row ?? null;
  }

  /** Facts an approval's defaults come from. */
  async approvalDefaults(
    db: Queryable,
    id: string,
  ): Promise<{ kind: RefillKind; refills_remaining: number | null } | null> {
    const [row] = (await db.query(
      `SELECT r.kind, m.refills_remaining FROM refill_request r
         JOIN medication m ON m.id = r.medication_id WHERE r.id = $1`,
      [id],
    )) as { kind: RefillKind; refills_remaining: number | null }[];
    return row ?? null;
  }

  // ---- Sending ----

  /** An approved request to send, locked against a second sender. */
  async lockForSending(manager: EntityManager, id: string): Promise<RefillRow | null> {
    const [row] = (await manager.query(
      `SELECT ${REFILL_COLUMNS} FROM ${REFILL_FROM} WHERE r.id = $1 FOR UPDATE OF r`,
      [id],
    )) as RefillRow[];
    return row ?? null;
  }

  async markSent(manager: EntityManager, id: string, messageId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE refill_request SET send_status = 'sent', sent_at = $2, sent_message_id = $3,
              version = version + 1, updated_at = $2
        WHERE id = $1 AND send_status = 'waiting'`,
      [id, at, messageId],
    );
  }

  /** What the prescription names besides the request: the patient and how it is taken. */
  async prescriptionFacts(
    manager: EntityManager,
    id: string,
  ): Promise<{
    mrn: string;
    given_name: string;
    family_name: string;
    date_of_birth: string;
    dose: string | null;
    frequency: string | null;
  } | null> {
    const [row] = (await manager.query(
      `SELECT p.mrn, p.given_name, p.family_name, p.date_of_birth::text AS date_of_birth,
              m.dose, m.frequency
         FROM refill_request r JOIN patient p ON p.id = r.patient_id
         JOIN medication m ON m.id = r.medication_id
        WHERE r.id = $1`,
      [id],
    )) as {
      mrn: string;
      given_name: string;
      family_name: string;
      date_of_birth: string;
      dose: string | null;
      frequency: string | null;
    }[];
    return row ?? null;
  }

  /** Approved requests still waiting to be sent, oldest first, a batch after `after`. */
  async waitingToSend(db: Queryable, limit: number, after: string | null): Promise<string[]> {
    const rows = (await db.query(
      `SELECT id FROM refill_request WHERE send_status = 'waiting' AND ($1::uuid IS NULL OR id > $1)
        ORDER BY id LIMIT $2`,
      [after, limit],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Where the patient's emails go: the record's address, else their portal account's. */
  async patientEmail(db: Queryable, patientId: string): Promise<string | null> {
    const [row] = (await db.query(
      `SELECT coalesce(p.email,
                (SELECT a.email FROM account a WHERE a.patient_id = p.id AND a.email IS NOT NULL
                  ORDER BY a.created_at LIMIT 1)) AS email
         FROM patient p WHERE p.id = $1`,
      [patientId],
    )) as { email: string | null }[];
    return row?.email ?? null;
  }

  // ---- Report ----

  async turnaround(
    db: Queryable,
    from: string,
    to: string,
  ): Promise<{
    weeks: { week_start: string; requested: number; decided: number }[];
    prescribers: {
      prescriber: string | null;
      decided: number;
      median_hours: number;
      p90_hours: number;
    }[];
  }> {
    const range = `r.requested_at >= $1::date AND r.requested_at < $2::date + 1`;
    const weeks = (await db.query(
      `SELECT date_trunc('week', r.requested_at AT TIME ZONE 'UTC')::date::text AS week_start,
              count(*)::int AS requested, count(r.decided_at)::int AS decided
         FROM refill_request r WHERE ${range}
        GROUP BY 1 ORDER BY 1`,
      [from, to],
    )) as { week_start: string; requested: number; decided: number }[];
    const prescribers = (await db.query(
      `SELECT r.prescriber, count(*)::int AS decided,
              round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.decided_at - r.requested_at)) / 3600)::numeric, 2)::float8 AS median_hours,
              round((percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.decided_at - r.requested_at)) / 3600)::numeric, 2)::float8 AS p90_hours
         FROM refill_request r WHERE ${range} AND r.decided_at IS NOT NULL
        GROUP BY r.prescriber ORDER BY r.prescriber NULLS LAST`,
      [from, to],
    )) as {
      prescriber: string | null;
      decided: number;
      median_hours: number;
      p90_hours: number;
    }[];
    return { weeks, prescribers };
  }

  // ---- Exports ----

  /** Every request of a patient (for the FHIR export), newest first. */
  async allForPatient(db: Queryable, patientId: string): Promise<RefillRow[]> {
    return (await db.query(
      `SELECT ${REFILL_COLUMNS} FROM ${REFILL_FROM} WHERE r.patient_id = $1
        ORDER BY r.requested_at DESC, r.id DESC`,
      [patientId],
    )) as RefillRow[];
  }
}
