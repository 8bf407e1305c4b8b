import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PageKey } from '../../common/pager.js';
import { returnedRows } from '../../infra/database/sql.js';

/** What the care check found for one staff member and one patient. */
export interface CareReach {
  /** The patient has an appointment (any status, past or future) at one of the caller's locations, or with the caller as provider. */
  inCare: boolean;
  /** The patient has no appointment anywhere yet, so belongs to no location. */
  unaffiliated: boolean;
  /** A live emergency access of the caller to the patient. */
  emergency: boolean;
}

export interface GrantRow {
  id: string;
  account_id: string;
  staff_name: string;
  staff_username: string;
  patient_id: string;
  given_name: string;
  family_name: string;
  mrn: string;
  reason: string;
  granted_at: Date;
  /** granted_at to the microsecond, for the cursor. */
  granted_key: string;
  expires_at: Date;
  reviewed_by: string | null;
  reviewer_name: string | null;
  reviewed_at: Date | null;
}

export interface GrantFilter {
  accountId?: string;
  patientId?: string;
  from?: Date;
  to?: Date;
  reviewed?: boolean;
  after?: PageKey;
}

export interface LocationRef {
  id: string;
  name: string;
}

/**
 * The locations a staff member works at: the ones an administrator assigned, and (for a
 * provider) the ones where their provider profile has weekly hours that have not ended.
 * Written once, used by the care check and by the staff locations view.
 */
const STAFF_LOCATIONS = `
  SELECT sl.location_id FROM staff_location sl WHERE sl.account_id = $1
  UNION
  SELECT r.location_id
    FROM provider pr JOIN availability_rule r ON r.provider_id = pr.id
   WHERE pr.account_id = $1 AND (r.valid_until IS NULL OR r.valid_until >= $2::date)`;

const GRANT_COLUMNS = `g.id, g.account_id, s.display_name AS staff_name, s.username AS staff_username,
  g.patient_id, p.given_name, p.family_name, p.mrn, g.reason, g.granted_at,
  to_char(g.granted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS granted_key,
  g.expires_at, g.reviewed_by, r.display_name AS reviewer_name, g.reviewed_at`;

const GRANT_FROM = `emergency_access g
  JOIN account s ON s.id = g.account_id
  JOIN patient p ON p.id = g.patient_id
  LEFT JOIN account r ON r.id = g.reviewed_by`;

/** The SQL of the care relationship, staff locations and emergency access (their only writer). */
@Injectable()
export class CareRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The whole care check in one statement: index probes on emergency_access_grant_idx,
   * appointment_patient_location_idx (one per location of the caller) and the provider's
   * account, whatever the number of the patient's visits.
   */
  async reach(accountId: string, patientId: string, now: Date): Promise<CareReach> {
    const [row] = (await this.db.query(
      `SELECT
         EXISTS (SELECT 1 FROM emergency_access g
                  WHERE g.account_id = $1 AND g.patient_id = $3 AND g.expires_at > $4) AS emergency,
         NOT EXISTS (SELECT 1 FROM appointment a WHERE a.patient_id = $3) AS unaffiliated,
         EXISTS (SELECT 1 FROM (${STAFF_LOCATIONS}) mine
                  WHERE EXISTS (SELECT 1 FROM appointment a
                                 WHERE a.patient_id = $3 AND a.location_id = mine.location_id))
         OR EXISTS (SELECT 1 FROM provider pr JOIN appointment a ON a.provider_id = pr.id
                     WHERE pr.account_id = $1 AND a.patient_id = $3) AS in_care`,
      [accountId, isoDay(now), patientId, now],
    )) as { emergency: boolean; unaffiliated: boolean; in_care: boolean }[];
    return { inCare: row!.in_care, unaffiliated: row!.unaffiliated, emergency: row!.emergency };
  }

  /** A new grant for an existing patient; null when the patient does not exist. */
  async insertGrant(
    grant: {
      id: string;
      accountId: string;
      patientId: string;
      reason: string;
      grantedAt: Date;
      expiresAt: Date;
    },
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO emergency_access (id, account_id, patient_id, reason, granted_at, expires_at)
       SELECT $1, $2, p.id, $4, $5, $6 FROM patient p WHERE p.id = $3
       RETURNING id`,
      [grant.id, grant.accountId, grant.patientId, grant.reason, grant.grantedAt, grant.expiresAt],
    )) as { id: string }[];
    return rows.length === 1;
  }

  /** One page of grants, newest first, with the names the review needs: one query. */
  async listGrants(filter: GrantFilter, limit: number): Promise<GrantRow[]> {
    const params: unknown[] = [];
    const arg = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.accountId) where.push(`g.account_id = ${arg(filter.accountId)}::uuid`);
    if (filter.patientId) where.push(`g.patient_id = ${arg(filter.patientId)}::uuid`);
    if (filter.from) where.push(`g.granted_at >= ${arg(filter.from)}`);
    if (filter.to) where.push(`g.granted_at < ${arg(filter.to)}`);
    if (filter.reviewed !== undefined) {
      where.push(filter.reviewed ? 'g.reviewed_at IS NOT NULL' : 'g.reviewed_at IS NULL');
    }
    if (filter.after) {
      const [key, id] = filter.after;
      where.push(`(g.granted_at, g.id) < (${arg(key)}::timestamptz, ${arg(id)}::uuid)`);
    }
    return (await this.db.query(
      `SELECT ${GRANT_COLUMNS} FROM ${GRANT_FROM}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY g.granted_at DESC, g.id DESC
        LIMIT ${arg(limit)}`,
      params,
    )) as GrantRow[];
  }

  async grant(id: string, manager?: EntityManager): Promise<GrantRow | null> {
    const rows = (await (manager ?? this.db).query(
      `SELECT ${GRANT_COLUMNS} FROM ${GRANT_FROM} WHERE g.id = $1`,
      [id],
    )) as GrantRow[];
    return rows[0] ?? null;
  }

  /** Marks a grant reviewed once; false when it is missing or already reviewed. */
  async markReviewed(
    id: string,
    reviewerId: string,
    now: Date,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager.query(
      `UPDATE emergency_access SET reviewed_by = $2, reviewed_at = $3
        WHERE id = $1 AND reviewed_at IS NULL RETURNING id`,
      [id, reviewerId, now],
    );
    return returnedRows(result).length === 1;
  }

  /** Whether the account is a staff account (null when there is no such account). */
  async isStaff(accountId: string, manager?: EntityManager): Promise<boolean> {
    const rows = (await (manager ?? this.db).query(
      `SELECT 1 FROM account WHERE id = $1 AND kind = 'staff'`,
      [accountId],
    )) as unknown[];
    return rows.length === 1;
  }

  /** A staff member's assigned and practice locations, by name: one query. */
  async locationsOf(
    accountId: string,
    now: Date,
  ): Promise<{ assigned: LocationRef[]; practice: LocationRef[] }> {
    const rows = (await this.db.query(
      `SELECT l.id, l.name,
              EXISTS (SELECT 1 FROM staff_location sl
                       WHERE sl.account_id = $1 AND sl.location_id = l.id) AS assigned
         FROM location l
        WHERE l.id IN (${STAFF_LOCATIONS})
        ORDER BY lower(l.name), l.id`,
      [accountId, isoDay(now)],
    )) as (LocationRef & { assigned: boolean })[];
    const ref = ({ id, name }: LocationRef) => ({ id, name });
    return {
      assigned: rows.filter((row) => row.assigned).map(ref),
      // Where a provider practises and was not assigned by hand.
      practice: rows.filter((row) => !row.assigned).map(ref),
    };
  }

  /** The ids among these that name no location. */
  async unknownLocations(ids: string[], manager: EntityManager): Promise<string[]> {
    if (!ids.length) return [];
    const rows = (await manager.query(
      `SELECT wanted.id FROM unnest($1::uuid[]) AS wanted(id)
        WHERE NOT EXISTS (SELECT 1 FROM location l WHERE l.id = wanted.id)`,
      [ids],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Makes the assigned locations exactly these: two statements whatever the change. */
  async setLocations(
    accountId: string,
    ids: string[],
    by: string,
    now: Date,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM staff_location WHERE account_id = $1 AND NOT (location_id = ANY ($2::uuid[]))`,
      [accountId, ids],
    );
    if (!ids.length) return;
    await manager.query(
      `INSERT INTO staff_location (account_id, location_id, assigned_by, assigned_at)
       SELECT $1, id, $3, $4 FROM unnest($2::uuid[]) AS wanted(id)
       ON CONFLICT (account_id, location_id) DO NOTHING`,
      [accountId, ids, by, now],
    );
  }
}

/** The UTC calendar day of an instant (weekly hours are valid over calendar dates). */
function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
