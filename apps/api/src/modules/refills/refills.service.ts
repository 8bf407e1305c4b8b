import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { decodeCursor, pageOf } from '../../common/pager.js';
import type { Accessor } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { newId } from '../../infra/database/ids.js';
import { isUniqueViolation } from '../../infra/database/sql.js';
import { MailService } from '../../infra/mail/mail.service.js';
import { AuditService, type AuditAction, type AuditEntry } from '../audit/audit.service.js';
import { TerminologyService } from '../terminology/terminology.service.js';
import { PrescriptionSender } from './send-prescription.job.js';
import { refillStatusEmail } from './refill-emails.js';
import type {
  ApproveRefillRequest,
  BulkApproveRequest,
  BulkApproveResult,
  CreateRefillRequests,
  DenyRefillRequest,
  NeedsAppointmentRequest,
  PageQuery,
  PharmacyPage,
  PharmacyQuery,
  PharmacyView,
  PreferredPharmacyView,
  RefillHistoryEntryView,
  RefillQueueItem,
  RefillQueuePage,
  RefillQueueQuery,
  RefillRequestList,
  RefillRequestPage,
  RefillRequestView,
  SetPreferredPharmacyRequest,
  ChangeRefillRequest,
  TurnaroundQuery,
  TurnaroundReport,
} from './refills.dto.js';
import {
  ControlledSubstanceError,
  MedicationStoppedError,
  PharmacyNotFoundError,
  PharmacyRequiredError,
  RefillAlreadyRequestedError,
  RefillRequestNotFoundError,
  RefillStateConflictError,
} from './refills.errors.js';
import {
  RefillsRepository,
  type HistoryRow,
  type PharmacyRow,
  type QueueRow,
  type RefillRow,
  type Transition,
} from './refills.repository.js';
import {
  DEFAULT_QUANTITY,
  DENIAL_REASONS,
  defaultRefills,
  isStale,
  kindFor,
  MOVES,
  STATUS_WORDS,
  type RefillMove,
  type RefillStatus,
} from './refills.rules.js';

const RESOURCE = 'refill_request';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export function pharmacyView(row: PharmacyRow): PharmacyView {
  return {
    id: row.id,
    ncpdpId: row.ncpdp_id,
    name: row.name,
    addressLine: row.address_line,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    phone: row.phone,
  };
}

function historyView(row: HistoryRow): RefillHistoryEntryView {
  return {
    id: row.id,
    at: iso(row.at)!,
    event: row.event,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    byKind: row.by_kind ?? 'portal',
    byName: row.by_name,
    reason: row.reason,
  };
}

export function requestView(row: RefillRow, history: HistoryRow[]): RefillRequestView {
  return {
    id: row.id,
    patientId: row.patient_id,
    medicationId: row.medication_id,
    medicationName: TerminologyService.plainName('rxnorm', row.rxnorm_code) ?? row.medication_name,
    kind: row.kind,
    status: row.status,
    statusText: STATUS_WORDS[row.status],
    version: row.version,
    pharmacy: pharmacyView(row.pharmacy),
    prescriber: row.prescriber,
    note: row.note,
    requestedAt: iso(row.requested_at)!,
    decidedAt: iso(row.decided_at),
    denialReasonCode: row.decision_reason_code,
    decisionReason: row.decision_reason,
    approvedQuantity: row.approved_quantity,
    approvedRefills: row.approved_refills,
    sendStatus: row.send_status,
    sentAt: iso(row.sent_at),
    history: history.filter((entry) => entry.request_id === row.id).map(historyView),
  };
}

/** What a staff move says in the history and the audit trail. */
const MOVE_ACTIONS: Record<RefillMove, AuditAction> = {
  review: 'refill.review',
  approve: 'refill.approve',
  deny: 'refill.deny',
  needs_appointment: 'refill.needs-appointment',
  cancel: 'refill.cancel',
};

interface MoveInput {
  version?: number;
  reason?: string | null;
  set?: Transition['set'];
  /** A patient's own move: the request must be theirs (404 otherwise). */
  patientId?: string;
}

/**
 * Prescription refills. A patient reaches only their own requests (the patient-scope guard and
 * the patient id in every query); staff with refills:read see the queue. Every move is one
 * conditional UPDATE (status and, when given, version), so two reviewers deciding at once
 * cannot both win; each move writes its history row, its audit row and the patient's email in
 * the same transaction, and an approval queues the e-prescription after the commit.
 */
@Injectable()
export class RefillsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: RefillsRepository,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly sender: PrescriptionSender,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private entry(
    action: AuditAction,
    by: Accessor,
    patientId: string | null,
    id?: string,
  ): AuditEntry {
    return {
      action,
      outcome: 'success',
      actor: by.principal,
      patientId,
      ...(id ? { resourceType: RESOURCE, resourceId: id } : {}),
      context: by.context,
    };
  }

  // ---- Pharmacies ----

  async pharmacies(query: PharmacyQuery, by: Accessor): Promise<PharmacyPage> {
    const after = query.cursor ? decodeCursor(query.cursor, 'text') : null;
    const rows = await this.repository.searchPharmacies(
      this.db,
      query.q ?? null,
      query.limit,
      after,
    );
    await this.audit.record({
      action: 'pharmacy.search',
      outcome: 'success',
      actor: by.principal,
      context: by.context,
    });
    const page = pageOf(rows, query.limit, (row) => [row.sort_key, row.id]);
    return { items: page.items.map(pharmacyView), nextCursor: page.nextCursor };
  }

  async preferredPharmacy(patientId: string, by: Accessor): Promise<PreferredPharmacyView> {
    const row = await this.repository.preferredPharmacy(this.db, patientId);
    await this.audit.record(this.entry('preferred-pharmacy.read', by, patientId));
    return { pharmacy: row ? pharmacyView(row) : null };
  }

  async setPreferredPharmacy(
    patientId: string,
    body: SetPreferredPharmacyRequest,
    by: Accessor,
  ): Promise<PreferredPharmacyView> {
    return this.audit.recordRefusal(
      () => this.entry('preferred-pharmacy.update', by, patientId),
      () =>
        this.db.transaction(async (manager) => {
          const pharmacy = await this.repository.pharmacy(manager, body.pharmacyId);
          if (!pharmacy) throw new PharmacyNotFoundError();
          await this.repository.setPreferredPharmacy(
            manager,
            patientId,
            pharmacy.id,
            by.principal.accountId,
            this.clock.now(),
          );
          await this.audit.record(this.entry('preferred-pharmacy.update', by, patientId), manager);
          return { pharmacy: pharmacyView(pharmacy) };
        }),
    );
  }

  // ---- The patient's requests ----

  /**
   * One request per medication, all or none: every medication is checked first (the
   * patient's own, active, not controlled, none open already), then all are inserted in one
   * transaction. A request made at the same moment for the same medication loses on the
   * partial unique index and gets the same 409.
   */
  async create(
    patientId: string,
    body: CreateRefillRequests,
    by: Accessor,
  ): Promise<RefillRequestList> {
    const { ids, mailId } = await this.audit.recordRefusal(
      () => this.entry('refill.request', by, patientId),
      () =>
        this.insertRequests(patientId, body, by).catch(async (error: unknown) => {
          // A request for the same medication made at the same moment won the unique index.
          if (!isUniqueViolation(error, 'refill_request_open_idx')) throw error;
          const open = await this.repository.openRequests(this.db, body.medicationIds);
          const index = body.medicationIds.findIndex((id) => open.has(id));
          if (index < 0) throw error;
          const medicationId = body.medicationIds[index]!;
          throw new RefillAlreadyRequestedError(
            medicationId,
            open.get(medicationId)!,
            `medicationIds.${index}`,
          );
        }),
    );
    if (mailId) await this.mail.dispatch(mailId);
    return { items: await this.views(ids, patientId) };
  }

  private insertRequests(
    patientId: string,
    body: CreateRefillRequests,
    by: Accessor,
  ): Promise<{ ids: string[]; mailId: string | null }> {
    return this.db.transaction(async (manager) => {
      const now = this.clock.now();
      const pharmacy = body.pharmacyId
        ? await this.repository.pharmacy(manager, body.pharmacyId)
        : await this.repository.preferredPharmacy(manager, patientId);
      if (!pharmacy) {
        if (body.pharmacyId) {
          throw validationProblem([
            { field: 'pharmacyId', message: 'Choose a pharmacy from the directory.' },
          ]);
        }
        throw new PharmacyRequiredError();
      }
      const facts = new Map(
        (await this.repository.medicationFacts(manager, patientId, body.medicationIds)).map(
          (row) => [row.id, row],
        ),
      );
      const unknown = body.medicationIds
        .map((id, index) => ({ id, field: `medicationIds.${index}` }))
        .filter(({ id }) => !facts.has(id));
      if (unknown.length) {
        throw validationProblem(
          unknown.map(({ field }) => ({
            field,
            message: 'Choose one of the medications on your list.',
          })),
        );
      }
      const rows = body.medicationIds.map((medicationId, index) => {
        const field = `medicationIds.${index}`;
        const medication = facts.get(medicationId)!;
        if (medication.status !== 'active') throw new MedicationStoppedError(field);
        if (medication.controlled) {
          throw new ControlledSubstanceError(this.config.clinicPhone, field);
        }
        if (medication.open_request_id) {
          throw new RefillAlreadyRequestedError(medicationId, medication.open_request_id, field);
        }
        return {
          id: newId(),
          patientId,
          medicationId,
          kind: kindFor(medication.refills_remaining),
          pharmacyId: pharmacy.id,
          prescriber: medication.prescriber,
          note: body.note ?? null,
          by: by.principal.accountId,
          at: now,
        };
      });
      await this.repository.insertRequests(manager, rows);
      await this.repository.insertHistory(
        manager,
        rows.map((row) => ({
          id: newId(),
          requestId: row.id,
          at: now,
          by: by.principal.accountId,
          event: 'status' as const,
          from: null,
          to: 'requested' as const,
          reason: null,
        })),
      );
      await this.audit.recordMany(
        rows.map((row) => this.entry('refill.request', by, patientId, row.id)),
        manager,
      );
      const mailId = await this.email(manager, patientId, 'requested', rows.length);
      return { ids: rows.map((row) => row.id), mailId };
    });
  }

  async listOwn(patientId: string, query: PageQuery, by: Accessor): Promise<RefillRequestPage> {
    const after = query.cursor ? decodeCursor(query.cursor, 'instant') : null;
    const rows = await this.repository.patientRequests(this.db, patientId, query.limit, after);
    const page = pageOf(rows, query.limit, (row) => [row.sort_key, row.id]);
    const [history] = await Promise.all([
      this.repository.history(
        this.db,
        page.items.map((row) => row.id),
      ),
      this.audit.record(this.entry('refill.list', by, patientId)),
    ]);
    return {
      items: page.items.map((row) => requestView(row, history)),
      nextCursor: page.nextCursor,
    };
  }

  async getOwn(patientId: string, id: string, by: Accessor): Promise<RefillRequestView> {
    const [view] = await this.views([this.requireId(id)], patientId);
    if (!view) throw new RefillRequestNotFoundError();
    await this.audit.record(this.entry('refill.read', by, patientId, id));
    return view;
  }

  cancelOwn(
    patientId: string,
    id: string,
    body: ChangeRefillRequest,
    by: Accessor,
  ): Promise<RefillRequestView> {
    return this.move(id, 'cancel', by, { version: body.version, patientId });
  }

  // ---- Staff ----

  async queue(query: RefillQueueQuery, by: Accessor): Promise<RefillQueuePage> {
    const after = query.cursor ? decodeCursor(query.cursor, 'instant') : null;
    const now = this.clock.now();
    const rows = await this.repository.queue(
      this.db,
      {
        status: query.status ?? null,
        prescriber: query.prescriber ?? null,
        locationId: query.locationId ?? null,
        requestedBefore:
          query.olderThanDays === undefined
            ? null
            : new Date(now.getTime() - query.olderThanDays * 86_400_000),
      },
      query.limit,
      after,
    );
    const page = pageOf(rows, query.limit, (row) => [row.sort_key, row.id]);
    const [history] = await Promise.all([
      this.repository.history(
        this.db,
        page.items.map((row) => row.id),
      ),
      this.audit.recordMany(
        page.items.map((row) => this.entry('refill.queue', by, row.patient_id, row.id)),
      ),
    ]);
    return {
      items: page.items.map((row) => this.queueItem(row, history, now)),
      nextCursor: page.nextCursor,
    };
  }

  private queueItem(row: QueueRow, history: HistoryRow[], now: Date): RefillQueueItem {
    const name = [row.preferred_name ?? row.given_name, row.family_name].join(' ');
    return {
      ...requestView(row, history),
      patient: {
        id: row.patient_id,
        name,
        mrn: row.mrn,
        dateOfBirth: row.date_of_birth,
        lastVisitAt: iso(row.last_visit_at),
      },
      medication: {
        dose: row.dose,
        frequency: row.frequency,
        refillsRemaining: row.refills_remaining,
        lastFilledOn: row.last_filled_on,
        startDate: row.start_date,
        recentRequests: row.recent.map((recent) => ({
          id: recent.id,
          status: recent.status,
          requestedAt: iso(recent.requested_at)!,
          decidedAt: iso(recent.decided_at),
        })),
      },
      stale: isStale(row.status, new Date(row.updated_at), now),
    };
  }

  async getForStaff(id: string, by: Accessor): Promise<RefillRequestView> {
    const [view] = await this.views([this.requireId(id)], null);
    if (!view) throw new RefillRequestNotFoundError();
    await this.audit.record(this.entry('refill.read', by, view.patientId, id));
    return view;
  }

  review(id: string, body: ChangeRefillRequest, by: Accessor): Promise<RefillRequestView> {
    return this.move(id, 'review', by, { version: body.version });
  }

  async approve(id: string, body: ApproveRefillRequest, by: Accessor): Promise<RefillRequestView> {
    const defaults = await this.repository.approvalDefaults(this.db, this.requireId(id));
    if (!defaults) throw new RefillRequestNotFoundError();
    return this.move(id, 'approve', by, {
      version: body.version,
      set: {
        decided: true,
        approvedQuantity: body.quantity ?? DEFAULT_QUANTITY,
        approvedRefills: body.refills ?? defaultRefills(defaults.kind, defaults.refills_remaining),
      },
    });
  }

  deny(id: string, body: DenyRefillRequest, by: Accessor): Promise<RefillRequestView> {
    if (body.reasonCode === 'other' && !body.reason) {
      throw validationProblem([
        { field: 'reason', message: 'Say why, in your own words, when the reason is “other”.' },
      ]);
    }
    const reason = body.reason ?? DENIAL_REASONS[body.reasonCode];
    return this.move(id, 'deny', by, {
      version: body.version,
      reason,
      set: { decided: true, decisionReasonCode: body.reasonCode, decisionReason: reason },
    });
  }

  needsAppointment(
    id: string,
    body: NeedsAppointmentRequest,
    by: Accessor,
  ): Promise<RefillRequestView> {
    return this.move(id, 'needs_appointment', by, {
      version: body.version,
      reason: body.reason ?? null,
      set: { decided: true, decisionReason: body.reason ?? null },
    });
  }

  /**
   * Approves routine requests (refills with refills remaining, not renewals) each with the
   * defaults; each one is its own move, so one that changed meanwhile is reported, not lost.
   */
  async bulkApprove(body: BulkApproveRequest, by: Accessor): Promise<BulkApproveResult> {
    const result: BulkApproveResult = { approved: [], notApproved: [] };
    for (const id of body.requestIds) {
      try {
        const defaults = await this.repository.approvalDefaults(this.db, id);
        if (!defaults) {
          result.notApproved.push({ id, status: null, reason: 'No such refill request.' });
          continue;
        }
        if (defaults.kind !== 'refill') {
          const state = await this.repository.state(this.db, id);
          result.notApproved.push({
            id,
            status: state?.status ?? null,
            reason: 'A renewal needs the prescriber’s own review.',
          });
          continue;
        }
        await this.move(id, 'approve', by, {
          set: {
            decided: true,
            approvedQuantity: DEFAULT_QUANTITY,
            approvedRefills: defaultRefills(defaults.kind, defaults.refills_remaining),
          },
        });
        result.approved.push(id);
      } catch (error) {
        if (!(error instanceof RefillStateConflictError)) throw error;
        const state = await this.repository.state(this.db, id);
        result.notApproved.push({
          id,
          status: state?.status ?? null,
          reason: 'It is not open any more.',
        });
      }
    }
    return result;
  }

  async turnaround(query: TurnaroundQuery, by: Accessor): Promise<TurnaroundReport> {
    if (query.to < query.from) {
      throw validationProblem([{ field: 'to', message: 'The last day is before the first.' }]);
    }
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days > 366) {
      throw validationProblem([{ field: 'to', message: 'Choose at most a year.' }]);
    }
    const report = await this.repository.turnaround(this.db, query.from, query.to);
    await this.audit.record({
      action: 'refill-report.read',
      outcome: 'success',
      actor: by.principal,
      context: by.context,
    });
    return {
      from: query.from,
      to: query.to,
      weeks: report.weeks.map((week) => ({
        weekStart: week.week_start,
        requested: week.requested,
        decided: week.decided,
      })),
      prescribers: report.prescribers.map((row) => ({
        prescriber: row.prescriber,
        decided: row.decided,
        medianHours: row.median_hours,
        p90Hours: row.p90_hours,
      })),
    };
  }

  // ---- Moves ----

  /**
   * One move of one request: the conditional UPDATE, then its history, audit row and email,
   * all in one transaction; the e-prescription is queued after the commit. A request in
   * another state than the move starts from, or changed since `version`, answers 409 with
   * the state it is in.
   */
  private async move(
    id: string,
    move: RefillMove,
    by: Accessor,
    input: MoveInput,
  ): Promise<RefillRequestView> {
    const requestId = this.requireId(id);
    const action = MOVE_ACTIONS[move];
    let patientId: string | null = input.patientId ?? null;
    const { to } = MOVES[move];
    const mailId = await this.audit.recordRefusal(
      () => this.entry(action, by, patientId, requestId),
      () =>
        this.db.transaction(async (manager) => {
          if (input.patientId) {
            const state = await this.repository.state(manager, requestId);
            if (!state || state.patient_id !== input.patientId) {
              throw new RefillRequestNotFoundError();
            }
          }
          const now = this.clock.now();
          const changed = await this.repository.transition(manager, {
            id: requestId,
            from: MOVES[move].from,
            to,
            version: input.version ?? null,
            at: now,
            by: by.principal.accountId,
            set: input.set ?? {},
          });
          if (!changed) {
            const state = await this.repository.state(manager, requestId);
            if (!state) throw new RefillRequestNotFoundError();
            patientId = state.patient_id;
            throw new RefillStateConflictError(state);
          }
          patientId = changed.patient_id;
          await this.repository.insertHistory(manager, [
            {
              id: newId(),
              requestId,
              at: now,
              by: by.principal.accountId,
              event: 'status',
              from: changed.from_status,
              to,
              reason: input.reason ?? null,
            },
          ]);
          await this.audit.record(this.entry(action, by, changed.patient_id, requestId), manager);
          return this.email(manager, changed.patient_id, to, 1);
        }),
    );
    if (mailId) await this.mail.dispatch(mailId);
    if (to === 'approved') await this.sender.schedule(requestId);
    const [view] = await this.views([requestId], null);
    return view!;
  }

  /** Records the patient's email about a new status (sent after the commit). */
  private async email(
    manager: EntityManager,
    patientId: string,
    status: RefillStatus,
    count: number,
  ): Promise<string | null> {
    const address = await this.repository.patientEmail(manager, patientId);
    if (!address) return null;
    return this.mail.record(refillStatusEmail(address, status, count, this.config), manager);
  }

  /** Requests with their timelines, in two statements. */
  private async views(ids: string[], patientId: string | null): Promise<RefillRequestView[]> {
    const [rows, history] = await Promise.all([
      this.repository.requests(this.db, ids, patientId),
      this.repository.history(this.db, ids),
    ]);
    return rows.map((row) => requestView(row, history));
  }

  private requireId(id: string): string {
    if (!UUID_PATTERN.test(id)) throw new RefillRequestNotFoundError();
    return id;
  }
}
