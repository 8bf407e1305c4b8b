import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { newId } from '../../infra/database/ids.js';

export interface RevisionInput {
  patientId: string;
  /** The table the row lives in, like condition or observation. */
  resourceType: string;
  resourceId: string;
  /** The version the row had before the change. */
  version: number;
  /** The row as it was before the change, as its view (camelCase fields). */
  snapshot: object;
  reason: string | null;
  /** The account making the change. */
  changedBy: string | null;
}

export interface Revision {
  version: number;
  changedAt: string;
  changedBy: { id: string; displayName: string } | null;
  reason: string | null;
  snapshot: Record<string, unknown>;
}

interface RevisionRow {
  version: number;
  changed_at: Date;
  changed_by: string | null;
  changed_by_name: string | null;
  reason: string | null;
  snapshot: Record<string, unknown>;
}

/**
 * Corrections history of medical-record rows: each correction stores the row's previous state
 * in record_revision, in the same transaction as the change, so history never misses a version.
 */
@Injectable()
export class RevisionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Stores the before-image; call it inside the transaction that changes the row. */
  async snapshot(manager: EntityManager, input: RevisionInput): Promise<void> {
    await manager.query(
      `INSERT INTO record_revision
         (id, patient_id, resource_type, resource_id, version, snapshot, reason, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)`,
      [
        newId(),
        input.patientId,
        input.resourceType,
        input.resourceId,
        input.version,
        JSON.stringify(input.snapshot),
        input.reason,
        input.changedBy,
        this.clock.now(),
      ],
    );
  }

  /** Earlier versions of a row, newest first, with who replaced each (one query). */
  async history(resourceType: string, resourceId: string): Promise<Revision[]> {
    const rows: RevisionRow[] = await this.db.query(
      `SELECT r.version, r.changed_at, r.changed_by, a.display_name AS changed_by_name,
              r.reason, r.snapshot
         FROM record_revision r
         LEFT JOIN account a ON a.id = r.changed_by
        WHERE r.resource_type = $1 AND r.resource_id = $2
        ORDER BY r.version DESC`,
      [resourceType, resourceId],
    );
    return rows.map((row) => ({
      version: row.version,
      changedAt: row.changed_at.toISOString(),
      changedBy:
        row.changed_by && row.changed_by_name
          ? { id: row.changed_by, displayName: row.changed_by_name }
          : null,
      reason: row.reason,
      snapshot: row.snapshot,
    }));
  }
}
