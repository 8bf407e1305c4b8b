import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PageKey } from '../../common/pager.js';
import { returnedRows } from '../../infra/database/sql.js';
import type { AnyPatientResource, BaseRow, Columns } from './patient-resource.js';
import type { RevisionInput } from './revisions.service.js';

/** The status no patient sees: a withdrawn, mistaken entry. */
export const HIDDEN_STATUS = 'entered-in-error';

const SQL_TYPE = { date: 'date', instant: 'timestamptz' } as const;

export interface RevisionRow {
  version: number;
  changed_at: Date;
  changed_by: string | null;
  changed_by_name: string | null;
  reason: string | null;
  snapshot: Record<string, unknown>;
}

export interface RecordFilter {
  status?: string;
  from?: string;
  to?: string;
  limit: number;
  /** The position after which the page starts (decoded from its cursor). */
  after?: PageKey;
}

/** The SELECT of one kind with its recorder's name (one query whatever the page size). */
export function selectRecords(kind: AnyPatientResource, forPatient: boolean): string {
  return `
  SELECT t.id, t.patient_id, t.version, t.recorded_by, ra.display_name AS recorded_by_name,
         t.recorded_at, t.updated_at, ${kind.columns(forPatient)}
    FROM ${kind.table} t
    LEFT JOIN account ra ON ra.id = t.recorded_by
    ${kind.joins ?? ''}`;
}

/** The visibility rule of every kind: patients never see rows entered in error. */
function visible(kind: AnyPatientResource, forPatient: boolean): string {
  return forPatient ? `t.${kind.statusColumn} <> '${HIDDEN_STATUS}'` : 'true';
}

function orderBy(kind: AnyPatientResource): string {
  const { column, nullable } = kind.sort;
  return `ORDER BY ${column} DESC${nullable ? ' NULLS LAST' : ''}, t.id DESC`;
}

/**
 * Every record of a kind for the downloads (the patient's $1, or one record $2), newest
 * first: what the record shows, never an entry in error, for staff as for patients.
 */
export function exportRecords(kind: AnyPatientResource, forPatient: boolean, one: boolean): string {
  return `${selectRecords(kind, forPatient)}
    WHERE t.patient_id = $1 AND t.${kind.statusColumn} <> '${HIDDEN_STATUS}'${one ? ' AND t.id = $2' : ''}
    ${orderBy(kind)}`;
}

function placeholder(kind: AnyPatientResource, column: string, index: number): string {
  return kind.jsonColumns?.includes(column) ? `$${index}::jsonb` : `$${index}`;
}

function parameter(kind: AnyPatientResource, column: string, value: unknown): unknown {
  return kind.jsonColumns?.includes(column) ? JSON.stringify(value) : value;
}

/** The SQL of the record kinds: each kind's table, read and written the one same way. */
@Injectable()
export class RecordsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A page of rows (one more than the limit, so the pager knows whether another follows). */
  async page<Row extends BaseRow>(
    kind: AnyPatientResource,
    patientId: string,
    filter: RecordFilter,
    forPatient: boolean,
  ): Promise<Row[]> {
    const { column, nullable } = kind.sort;
    const type = SQL_TYPE[kind.sort.type];
    const args: unknown[] = [patientId, filter.limit + 1];
    const arg = (value: unknown) => `$${args.push(value)}`;
    const where = ['t.patient_id = $1', visible(kind, forPatient)];
    if (filter.status) where.push(`t.${kind.statusColumn} = ${arg(filter.status)}`);
    if (filter.from) where.push(`${kind.filterDate} >= ${arg(filter.from)}::date`);
    if (filter.to) where.push(`${kind.filterDate} <= ${arg(filter.to)}::date`);
    if (filter.after) {
      const [key, id] = filter.after;
      const idArg = arg(id);
      if (key === null) {
        where.push(`(${column} IS NULL AND t.id < ${idArg}::uuid)`);
      } else {
        const after = `(${column}, t.id) < (${arg(key)}::${type}, ${idArg}::uuid)`;
        where.push(nullable ? `(${after} OR ${column} IS NULL)` : after);
      }
    }
    return this.db.query(
      `${selectRecords(kind, forPatient)}
        WHERE ${where.join(' AND ')}
        ${orderBy(kind)}
        LIMIT $2`,
      args,
    );
  }

  /** One row, or none (locked until commit when asked). */
  async find<Row extends BaseRow>(
    kind: AnyPatientResource,
    patientId: string,
    id: string,
    forPatient: boolean,
    manager?: EntityManager,
    lock = false,
  ): Promise<Row | null> {
    const rows: Row[] = await (manager ?? this.db).query(
      `${selectRecords(kind, forPatient)}
        WHERE t.patient_id = $1 AND t.id = $2 AND ${visible(kind, forPatient)}
        ${lock ? 'FOR UPDATE OF t' : ''}`,
      [patientId, id],
    );
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, kind: AnyPatientResource, columns: Columns): Promise<void> {
    const names = Object.keys(columns);
    await manager.query(
      `INSERT INTO ${kind.table} (${names.join(', ')})
       VALUES (${names.map((name, i) => placeholder(kind, name, i + 1)).join(', ')})`,
      names.map((name) => parameter(kind, name, columns[name])),
    );
  }

  /** Changes a row still at `version` and bumps it; false when it has moved on. */
  async update(
    manager: EntityManager,
    kind: AnyPatientResource,
    id: string,
    version: number,
    columns: Columns,
  ): Promise<boolean> {
    const names = Object.keys(columns);
    const updated = returnedRows<{ id: string }>(
      await manager.query(
        `UPDATE ${kind.table}
            SET ${names.map((name, i) => `${name} = ${placeholder(kind, name, i + 3)}`).join(', ')},
                version = version + 1
          WHERE id = $1 AND version = $2
          RETURNING id`,
        [id, version, ...names.map((name) => parameter(kind, name, columns[name]))],
      ),
    );
    return updated.length === 1;
  }

  async appointment(
    manager: EntityManager,
    patientId: string,
    appointmentId: string,
  ): Promise<{ provider_id: string; location_id: string } | null> {
    const rows: { provider_id: string; location_id: string }[] = await manager.query(
      `SELECT provider_id, location_id FROM appointment WHERE id = $1 AND patient_id = $2`,
      [appointmentId, patientId],
    );
    return rows[0] ?? null;
  }

  async referencesExist(
    manager: EntityManager,
    providerId: string | null,
    locationId: string | null,
  ): Promise<{ provider: boolean; location: boolean }> {
    const [found] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM provider WHERE id = $1) AS provider,
              EXISTS (SELECT 1 FROM location WHERE id = $2) AS location`,
      [providerId, locationId],
    )) as { provider: boolean; location: boolean }[];
    return found ?? { provider: false, location: false };
  }

  /** How many of the ids are conditions on the patient's problem list. */
  async countConditions(manager: EntityManager, patientId: string, ids: string[]): Promise<number> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM condition
        WHERE patient_id = $1 AND id = ANY($2::uuid[]) AND clinical_status <> '${HIDDEN_STATUS}'`,
      [patientId, ids],
    );
    return rows.length;
  }

  // --- corrections history (record_revision) ----------------------------------------------

  /** Stores a row's before-image, inside the transaction that changes the row. */
  async insertRevision(
    manager: EntityManager,
    revision: RevisionInput & { id: string; changedAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO record_revision
         (id, patient_id, resource_type, resource_id, version, snapshot, reason, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)`,
      [
        revision.id,
        revision.patientId,
        revision.resourceType,
        revision.resourceId,
        revision.version,
        JSON.stringify(revision.snapshot),
        revision.reason,
        revision.changedBy,
        revision.changedAt,
      ],
    );
  }

  /** Earlier versions of a row, newest first, with who replaced each (one query). */
  revisions(resourceType: string, resourceId: string): Promise<RevisionRow[]> {
    return this.db.query(
      `SELECT r.version, r.changed_at, r.changed_by, a.display_name AS changed_by_name,
              r.reason, r.snapshot
         FROM record_revision r
         LEFT JOIN account a ON a.id = r.changed_by
        WHERE r.resource_type = $1 AND r.resource_id = $2
        ORDER BY r.version DESC`,
      [resourceType, resourceId],
    );
  }
}
