import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { newId } from '../../infra/database/ids.js';
import { RecordsRepository } from './records.repository.js';

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

/**
 * Corrections history of medical-record rows: each correction stores the row's previous state
 * in record_revision, in the same transaction as the change, so history never misses a version.
 */
@Injectable()
export class RevisionService {
  constructor(
    private readonly rows: RecordsRepository,
    private readonly clock: Clock,
  ) {}

  /** Stores the before-image; call it inside the transaction that changes the row. */
  async snapshot(manager: EntityManager, input: RevisionInput): Promise<void> {
    await this.rows.insertRevision(manager, {
      ...input,
      id: newId(),
      changedAt: this.clock.now(),
    });
  }

  /** Earlier versions of a row, newest first, with who replaced each (one query). */
  async history(resourceType: string, resourceId: string): Promise<Revision[]> {
    const rows = await this.rows.revisions(resourceType, resourceId);
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
