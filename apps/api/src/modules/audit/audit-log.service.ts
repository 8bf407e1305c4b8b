import { Injectable } from '@nestjs/common';
import type { Accessor } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { describeAction } from './audit-actions.js';
import { AuditService } from './audit.service.js';
import {
  PAGE_LIMIT_DEFAULT,
  toTime,
  type AccessLogPage,
  type AuditEventPage,
  type AuditEventQuery,
  type AuditPageQuery,
} from './audit.dto.js';

/**
 * Reads of the audit trail: the admin's filtered browser and a patient's "who has accessed
 * my record". Each page is one keyset query on (occurred_at, id) plus one query for the
 * names of everyone on it, whatever its size; each read is itself audited.
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly rows: AuditLogRepository,
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
    const { rows, nextCursor } = await this.rows.events({
      ...query,
      from,
      to,
      limit: query.limit ?? PAGE_LIMIT_DEFAULT,
    });
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
    const { rows, nextCursor } = await this.rows.accessLog(patientId, {
      cursor: query.cursor,
      limit: query.limit ?? PAGE_LIMIT_DEFAULT,
    });
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
}

function actorIds(rows: { actor_account_id: string | null }[]): string[] {
  return [...new Set(rows.map((row) => row.actor_account_id).filter((id) => id !== null))];
}
