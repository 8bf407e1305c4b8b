import { HttpException, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Accessor, Principal, RequestContext } from '../../common/principal.js';
import { DomainError } from '../../common/problem.js';
import { newId } from '../../infra/database/ids.js';
import type { AuditAction } from './audit-actions.js';

export type { AuditAction, RecordKindAuditName } from './audit-actions.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';

export interface AuditEntry {
  action: AuditAction;
  outcome: AuditOutcome;
  actor?: Pick<Principal, 'accountId' | 'kind' | 'roles'> | null;
  patientId?: string | null;
  resourceType?: string;
  resourceId?: string;
  /** Why it was refused or failed (not_own_patient, role, not_found, an error code). */
  reason?: string;
  /** The route pattern, for refusals recorded at the door (guards) rather than by a module. */
  route?: string;
  context?: RequestContext;
}

/** Errors whose refusal is already in the trail, so the patient-scope interceptor skips them. */
const recorded = new WeakSet<object>();

export function isRecordedRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && recorded.has(error);
}

/** The reason recorded for a refused change: the error's stable code when it has one. */
function reasonOf(error: unknown): string {
  const code = error instanceof DomainError ? error.code : undefined;
  if (code) return code.slice(0, 100);
  const status = error instanceof HttpException ? error.getStatus() : undefined;
  return status && status < 500 ? `http_${status}` : 'error';
}

/**
 * The only writer of audit_event. The application's database role may only INSERT and SELECT
 * there, and the database chains each row to the one before (seq, prev_hash, hash).
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('audit');

  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    private readonly clock: Clock,
  ) {}

  /** Pass the caller's transaction manager when the audited change is part of one. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEvent) : this.events;
    await repository.insert(this.toRow(entry, this.clock.now()));
  }

  /** A success of `by` (the signed-in caller of a request), about a patient or a resource. */
  recordSuccess(
    by: Accessor,
    action: AuditAction,
    about: Pick<AuditEntry, 'patientId' | 'resourceType' | 'resourceId'>,
    manager?: EntityManager,
  ): Promise<void> {
    return this.record(
      { action, outcome: 'success', actor: by.principal, ...about, context: by.context },
      manager,
    );
  }

  /**
   * One row per patient a page showed `by` (the patient is the resource), so the look is in
   * each one's access log; null names nobody (an empty page). One INSERT.
   */
  recordPatientsShown(
    by: Accessor,
    action: AuditAction,
    patientIds: (string | null)[],
  ): Promise<void> {
    return this.recordMany(
      patientIds.map((patientId) => ({
        action,
        outcome: 'success',
        actor: by.principal,
        patientId,
        resourceType: 'patient',
        resourceId: patientId ?? undefined,
        context: by.context,
      })),
    );
  }

  /**
   * Several rows in one INSERT, whatever their number (e.g. one per patient a list showed),
   * all at the same instant. Nothing is written for an empty list.
   */
  async recordMany(entries: AuditEntry[], manager?: EntityManager): Promise<void> {
    if (!entries.length) return;
    const repository = manager ? manager.getRepository(AuditEvent) : this.events;
    const now = this.clock.now();
    await repository.insert(entries.map((entry) => this.toRow(entry, now)));
  }

  /**
   * Runs a change and, when it is refused (throws), records the refusal after the rollback and
   * lets the error through. `describe` is read only then, so it can name a patient the change
   * learned on the way.
   */
  async recordRefusal<T>(
    describe: () => Omit<AuditEntry, 'outcome'>,
    run: () => Promise<T>,
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const entry = describe();
      await this.record({ reason: reasonOf(error), ...entry, outcome: 'failure' }).then(
        () => {
          if (typeof error === 'object' && error !== null) recorded.add(error);
        },
        (auditError: unknown) =>
          this.logger.error({ err: auditError }, `could not record a refused ${entry.action}`),
      );
      throw error;
    }
  }

  private toRow(entry: AuditEntry, occurredAt: Date): AuditEvent {
    return {
      id: newId(),
      occurredAt,
      actorAccountId: entry.actor?.accountId ?? null,
      actorKind: entry.actor?.kind ?? null,
      actorRoles: entry.actor?.roles ?? [],
      patientId: entry.patientId ?? null,
      action: entry.action,
      resourceType: entry.resourceType ?? null,
      resourceId: entry.resourceId ?? null,
      outcome: entry.outcome,
      ip: entry.context?.ip ?? null,
      userAgent: entry.context?.userAgent ?? null,
      requestId: entry.context?.requestId ?? null,
      reason: entry.reason ?? null,
      route: entry.route ?? null,
    };
  }
}
