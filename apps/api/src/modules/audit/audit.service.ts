import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { Principal, RequestContext } from '../../common/principal.js';
import { newId } from '../../infra/database/ids.js';
import { AuditEvent, type AuditOutcome } from './audit-event.entity.js';

export interface AuditEntry {
  action: string;
  outcome: AuditOutcome;
  actor?: Pick<Principal, 'accountId' | 'kind' | 'roles'> | null;
  patientId?: string | null;
  resourceType?: string;
  resourceId?: string;
  context?: RequestContext;
}

/** A caller's rows waiting for the next INSERT, and how to tell that caller it is done. */
interface QueuedRows {
  rows: AuditEvent[];
  settle: (error?: unknown) => void;
}

/** Rows one grouped INSERT takes at most (13 parameters a row, well under PostgreSQL's 65,535). */
const MAX_ROWS_PER_INSERT = 1000;

/** The only writer of audit_event (which refuses updates and deletes at the database). */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('audit');
  private queued: QueuedRows[] = [];
  private writing = false;

  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    private readonly clock: Clock,
  ) {}

  /** Pass the caller's transaction manager when the audited change is part of one. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const row = this.toRow(entry, this.clock.now());
    if (manager) await manager.getRepository(AuditEvent).insert(row);
    else await this.write([row]);
  }

  /**
   * Several rows in one INSERT, whatever their number (e.g. one per patient a list showed),
   * all at the same instant. Nothing is written for an empty list.
   */
  async recordMany(entries: AuditEntry[], manager?: EntityManager): Promise<void> {
    if (!entries.length) return;
    const now = this.clock.now();
    const rows = entries.map((entry) => this.toRow(entry, now));
    if (manager) await manager.getRepository(AuditEvent).insert(rows);
    else await this.write(rows);
  }

  /** Resolves once the rows are committed; see drain() for how writes are grouped. */
  private write(rows: AuditEvent[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ rows, settle: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.drain();
    });
  }

  /**
   * Group commit: while one INSERT is in flight, the rows of other requests queue up and go
   * in the next one, so under load many requests share one commit's disk flush. Every caller
   * still waits until its own rows are committed before it answers; at rest a row is written
   * at once, alone.
   */
  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queued.length) {
        let count = 0;
        let callers = 0;
        while (callers < this.queued.length && count < MAX_ROWS_PER_INSERT) {
          count += this.queued[callers]!.rows.length;
          callers += 1;
        }
        const group = this.queued.splice(0, callers);
        try {
          await this.events.insert(group.flatMap((queued) => queued.rows));
          for (const queued of group) queued.settle();
        } catch (error) {
          if (group.length === 1) {
            group[0]!.settle(error);
            continue;
          }
          // One caller's bad row must not fail the others: write each caller's rows alone.
          for (const queued of group) {
            await this.events.insert(queued.rows).then(
              () => queued.settle(),
              (alone: unknown) => queued.settle(alone),
            );
          }
        }
      }
    } finally {
      this.writing = false;
    }
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
      await this.record({ ...entry, outcome: 'failure' }).catch((auditError: unknown) =>
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
    };
  }
}
