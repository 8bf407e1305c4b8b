import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Accessor } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import type { StaffRole } from '../accounts/account.entity.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { decodeCursor, pageOf } from '../../common/pager.js';
import { describeAction } from './audit-actions.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';
import { AuditService } from './audit.service.js';
import {
  PAGE_LIMIT_DEFAULT,
  toTime,
  type AccessLogPage,
  type AuditEventPage,
  type AuditEventQuery,
  type AuditPageQuery,
} from './audit.dto.js';

interface EventRow {
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

/**
 * Reads of the audit trail: the admin's filtered browser and a patient's "who has accessed
 * my record". Each page is one keyset query on (occurred_at, id) plus one query for the
 * names of everyone on it, whatever its size; each read is itself audited.
 */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
  ) {}

  async listEvents(
    query: AuditEventQuery,
    { principal, context }: Accessor,
  ): Promise<AuditEventPage> {
    // The DTO checked each parameter; only the pair is left.
    const from = query.from === undefined ? null : toTime(query.from);
    const to = query.to === undefined ? null : toTime(query.to);
    if (from && to && from >= to) {
      throw validationProblem([{ field: 'to', message: 'to must be after from.' }]);
    }
    const conditions = new Conditions();
    this.addCursor(conditions, query);

    if (query.patientId) conditions.add((p) => `patient_id = ${p}::uuid`, query.patientId);
    if (query.actorAccountId) {
      conditions.add((p) => `actor_account_id = ${p}::uuid`, query.actorAccountId);
    }
    if (query.action?.endsWith('.')) {
      conditions.add((p) => `starts_with(action, ${p})`, query.action);
    } else if (query.action) {
      conditions.add((p) => `action = ${p}`, query.action);
    }
    if (query.outcome) conditions.add((p) => `outcome = ${p}`, query.outcome);
    if (from) conditions.add((p) => `occurred_at >= ${p}`, from);
    if (to) conditions.add((p) => `occurred_at < ${p}`, to);

    const { rows, nextCursor } = await this.page(conditions, query.limit);
    const names = await this.accounts.describe(actorIds(rows));
    await this.audit.record({
      action: 'audit.read',
      outcome: 'success',
      actor: principal,
      // Filtering by patient is a look at that patient's history: it shows in their access log.
      patientId: query.patientId ?? null,
      resourceType: 'audit_event',
      context,
    });
    return {
      items: rows.map((row) => ({
        id: row.id,
        occurredAt: row.occurred_at.toISOString(),
        actor: row.actor_account_id
          ? {
              accountId: row.actor_account_id,
              displayName: names.get(row.actor_account_id)?.displayName ?? null,
              kind: row.actor_kind ?? names.get(row.actor_account_id)?.kind ?? 'staff',
              roles: row.actor_roles,
            }
          : null,
        patientId: row.patient_id,
        action: row.action,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        outcome: row.outcome,
        reason: row.reason,
        route: row.route,
        ip: row.ip,
        userAgent: row.user_agent,
      })),
      nextCursor,
    };
  }

  /**
   * What clinic staff did with this patient's record. Only successful actions count: a
   * refused or failed attempt showed the staff member nothing.
   */
  async accessLog(
    patientId: string,
    query: AuditPageQuery,
    { principal, context }: Accessor,
  ): Promise<AccessLogPage> {
    const conditions = new Conditions();
    this.addCursor(conditions, query);
    conditions.add((p) => `patient_id = ${p}::uuid`, patientId);
    conditions.add(() => `actor_kind = 'staff' AND outcome = 'success'`);

    const { rows, nextCursor } = await this.page(conditions, query.limit);
    const names = await this.accounts.describe(actorIds(rows));
    await this.audit.record({
      action: 'audit.access-log.read',
      outcome: 'success',
      actor: principal,
      patientId,
      resourceType: 'access_log',
      context,
    });
    return {
      items: rows.map((row) => ({
        occurredAt: row.occurred_at.toISOString(),
        staffName: names.get(row.actor_account_id!)?.displayName ?? 'A clinic staff member',
        staffRoles: row.actor_roles,
        action: row.action,
        description: describeAction(row.action),
      })),
      nextCursor,
    };
  }

  private addCursor(conditions: Conditions, query: AuditPageQuery): void {
    if (query.cursor === undefined) return;
    // The DTO already refused a cursor this API did not hand out.
    const [occurredAt, id] = decodeCursor(query.cursor, 'instant');
    // A row comparison, so PostgreSQL walks the (occurred_at DESC, id DESC) indexes directly.
    conditions.add(
      (t, id) => `(occurred_at, id) < (${t}::timestamptz, ${id}::uuid)`,
      occurredAt,
      id,
    );
  }

  private async page(
    conditions: Conditions,
    limit = PAGE_LIMIT_DEFAULT,
  ): Promise<{ rows: EventRow[]; nextCursor: string | null }> {
    // One row more than asked tells whether another page exists, without a count.
    const params = [...conditions.params, limit + 1];
    const rows: EventRow[] = await this.events.query(
      `SELECT ${COLUMNS} FROM audit_event ${conditions.where}
        ORDER BY occurred_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const { items, nextCursor } = pageOf(rows, limit, (row) => [row.occurred_key, row.id]);
    return { rows: items, nextCursor };
  }
}

function actorIds(rows: EventRow[]): string[] {
  return [...new Set(rows.map((row) => row.actor_account_id).filter((id) => id !== null))];
}
