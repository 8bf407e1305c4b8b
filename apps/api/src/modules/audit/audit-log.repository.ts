import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { decodeCursor, pageOf } from '../../common/pager.js';
import type { StaffRole } from '../accounts/account.entity.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';

export interface EventRow {
  id: string;
  occurred_at: Date;
  /** occurred_at to the microsecond, for the cursor (a JavaScript Date keeps milliseconds). */
  occurred_key: string;
  actor_account_id: string | null;
  actor_kind: 'patient' | 'staff' | null;
  actor_roles: StaffRole[];
  patient_id: string | null;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  outcome: AuditOutcome;
  reason: string | null;
  route: string | null;
  ip: string | null;
  user_agent: string | null;
}

const COLUMNS = `id, occurred_at,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_key,
  actor_account_id, actor_kind, actor_roles, patient_id, action, resource_type, resource_id,
  outcome, reason, route, ip, user_agent`;

/** Collects WHERE conditions with numbered parameters: values never enter the SQL text. */
class Conditions {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];

  add(template: (...placeholders: string[]) => string, ...values: unknown[]): void {
    const placeholders = values.map((value) => `$${this.params.push(value)}`);
    this.sql.push(template(...placeholders));
  }

  get where(): string {
    return this.sql.length ? `WHERE ${this.sql.join(' AND ')}` : '';
  }
}

/** A page of the trail: newest first, after a cursor, `limit` rows at most. */
interface PageFilter {
  cursor?: string;
  limit: number;
}

/**
 * The reads of audit_event (the application may only INSERT and SELECT there; AuditService
 * is the one writer). Each page is one keyset query on (occurred_at, id).
 */
@Injectable()
export class AuditLogRepository {
  constructor(@InjectRepository(AuditEvent) private readonly table: Repository<AuditEvent>) {}

  /** The admin's browser: any filter of who, which patient, what, outcome and when. */
  events(
    filter: PageFilter & {
      patientId?: string;
      actorAccountId?: string;
      /** An exact action, or a prefix ending in a dot (auth.). */
      action?: string;
      outcome?: AuditOutcome;
      from: Date | null;
      to: Date | null;
    },
  ) {
    const conditions = new Conditions();
    if (filter.patientId) conditions.add((p) => `patient_id = ${p}::uuid`, filter.patientId);
    if (filter.actorAccountId) {
      conditions.add((p) => `actor_account_id = ${p}::uuid`, filter.actorAccountId);
    }
    if (filter.action?.endsWith('.')) {
      conditions.add((p) => `starts_with(action, ${p})`, filter.action);
    } else if (filter.action) {
      conditions.add((p) => `action = ${p}`, filter.action);
    }
    if (filter.outcome) conditions.add((p) => `outcome = ${p}`, filter.outcome);
    if (filter.from) conditions.add((p) => `occurred_at >= ${p}`, filter.from);
    if (filter.to) conditions.add((p) => `occurred_at < ${p}`, filter.to);
    return this.page(conditions, filter);
  }

  /**
   * What clinic staff did with a patient's record. Only successful actions count: a refused
   * or failed attempt showed the staff member nothing.
   */
  accessLog(patientId: string, filter: PageFilter) {
    const conditions = new Conditions();
    conditions.add((p) => `patient_id = ${p}::uuid`, patientId);
    conditions.add(() => `actor_kind = 'staff' AND outcome = 'success'`);
    return this.page(conditions, filter);
  }

  private async page(
    conditions: Conditions,
    filter: PageFilter,
  ): Promise<{ rows: EventRow[]; nextCursor: string | null }> {
    if (filter.cursor !== undefined) {
      // The DTO already refused a cursor this API did not hand out.
      const [occurredAt, id] = decodeCursor(filter.cursor, 'instant');
      // A row comparison, so PostgreSQL walks the (occurred_at DESC, id DESC) indexes directly.
      conditions.add(
        (t, i) => `(occurred_at, id) < (${t}::timestamptz, ${i}::uuid)`,
        occurredAt,
        id,
      );
    }
    // One row more than asked tells whether another page exists, without a count.
    const params = [...conditions.params, filter.limit + 1];
    const rows: EventRow[] = await this.table.query(
      `SELECT ${COLUMNS} FROM audit_event ${conditions.where}
        ORDER BY occurred_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const { items, nextCursor } = pageOf(rows, filter.limit, (row) => [row.occurred_key, row.id]);
    return { rows: items, nextCursor };
  }
}
