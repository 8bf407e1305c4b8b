import type { AuditAction } from '../audit/audit.service.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import type { FieldError } from '../../common/problem.js';
import { validationProblem } from '../../common/problem.filter.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { newId } from '../../infra/database/ids.js';
import { returnedRows } from '../../infra/database/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { Accessor } from '../patients/patients.service.js';
import { TerminologyService } from '../terminology/terminology.service.js';
import {
  ALLERGY,
  CARE_PLAN,
  CONDITION,
  IMMUNIZATION,
  selectRecords,
  VISIT_SUMMARY,
  type BaseRow,
  type RecordKind,
  type StoredActivity,
  type StoredGoal,
} from './record-kinds.js';
import { decodeRecordCursor, encodeRecordCursor } from './records-cursor.js';
import type {
  ActivityInput,
  AllergyView,
  CarePlanView,
  CodedDiagnosis,
  ConditionView,
  CreateAllergyRequest,
  CreateCarePlanRequest,
  CreateConditionRequest,
  CreateImmunizationRequest,
  CreateVisitSummaryRequest,
  DiagnosisInput,
  GoalInput,
  ImmunizationView,
  RecordHistory,
  RecordViewBase,
  UpdateAllergyRequest,
  UpdateCarePlanRequest,
  UpdateConditionRequest,
  UpdateImmunizationRequest,
  UpdateVisitSummaryRequest,
  VisitSummaryView,
} from './records.dto.js';
import { RecordChangedError } from './records.errors.js';
import { RevisionService } from './revisions.service.js';

const HIDDEN_STATUS = 'entered-in-error';
const HOUR_MS = 3_600_000;
const CODE_MESSAGE = 'Choose a diagnosis code from the list, like I10.';
const CVX_MESSAGE = 'Choose a vaccine from the list, like 140 for the flu shot.';

export interface RecordListQuery {
  status?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

export interface Page<View> {
  items: View[];
  nextCursor: string | null;
}

type Columns = Record<string, unknown>;

/** Only the fields present in the request: undefined means "leave as it is". */
function sent<T extends object>(body: T, key: keyof T): boolean {
  return body[key] !== undefined;
}

/**
 * The medical record: conditions, allergies, immunizations, visit summaries and care plans.
 * Every kind is read and written through the same steps: lists page newest first with one
 * query (names joined, never fetched per row); patients never see rows entered in error, nor
 * who recorded a row; a correction checks the version, stores the previous state in
 * record_revision and bumps the version in one transaction with its audit row.
 */
@Injectable()
export class RecordsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly terminology: TerminologyService,
    private readonly revisions: RevisionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // --- reads, for every kind --------------------------------------------------------------

  async list<Row extends BaseRow, View extends RecordViewBase>(
    kind: RecordKind<Row, View>,
    patientId: string,
    query: RecordListQuery,
    by: Accessor,
  ): Promise<Page<View>> {
    if (query.from && query.to && query.from > query.to) {
      throw validationProblem([
        { field: 'to', message: 'Choose an end of the range on or after its start.' },
      ]);
    }
    const { column, type, nullable } = kind.sort;
    const forPatient = by.principal.kind === 'patient';
    const args: unknown[] = [patientId, query.limit + 1];
    const where = ['t.patient_id = $1'];
    const arg = (value: unknown) => `$${args.push(value)}`;
    if (forPatient) where.push(`t.${kind.statusColumn} <> '${HIDDEN_STATUS}'`);
    if (query.status) where.push(`t.${kind.statusColumn} = ${arg(query.status)}`);
    if (query.from) where.push(`${kind.filterDate} >= ${arg(query.from)}::date`);
    if (query.to) where.push(`${kind.filterDate} <= ${arg(query.to)}::date`);
    if (query.cursor) {
      const [key, id] = decodeRecordCursor(query.cursor, type, nullable);
      const idArg = arg(id);
      if (key === null) {
        where.push(`(${column} IS NULL AND t.id < ${idArg}::uuid)`);
      } else {
        const keyArg = arg(key);
        const after = `(${column}, t.id) < (${keyArg}::${type}, ${idArg}::uuid)`;
        where.push(nullable ? `(${after} OR ${column} IS NULL)` : after);
      }
    }
    const rows: Row[] = await this.db.query(
      `${selectRecords(kind, forPatient)}
        WHERE ${where.join(' AND ')}
        ORDER BY ${column} DESC${nullable ? ' NULLS LAST' : ''}, t.id DESC
        LIMIT $2`,
      args,
    );
    const page = rows.slice(0, query.limit);
    await this.audit.record({
      action: `${kind.action}.list`,
      outcome: 'success',
      actor: by.principal,
      patientId,
      resourceType: kind.table,
      context: by.context,
    });
    const last = page[page.length - 1];
    return {
      items: page.map((row) => kind.toView(row, forPatient)),
      nextCursor:
        rows.length > query.limit && last ? encodeRecordCursor([last.sort_key, last.id]) : null,
    };
  }

  async get<Row extends BaseRow, View extends RecordViewBase>(
    kind: RecordKind<Row, View>,
    patientId: string,
    id: string,
    by: Accessor,
  ): Promise<View> {
    const forPatient = by.principal.kind === 'patient';
    const row = await this.findRow(kind, patientId, id, forPatient);
    await this.auditSuccess(`${kind.action}.read`, kind, row.patient_id, row.id, by);
    return kind.toView(row, forPatient);
  }

  /** Earlier versions of a row, newest first (staff). */
  async history<Row extends BaseRow, View extends RecordViewBase>(
    kind: RecordKind<Row, View>,
    patientId: string,
    id: string,
    by: Accessor,
  ): Promise<RecordHistory> {
    const row = await this.findRow(kind, patientId, id, false);
    const items = await this.revisions.history(kind.table, row.id);
    await this.auditSuccess(`${kind.action}.history`, kind, row.patient_id, row.id, by);
    return { items };
  }

  // --- conditions -------------------------------------------------------------------------

  createCondition(
    patientId: string,
    body: CreateConditionRequest,
    by: Accessor,
  ): Promise<ConditionView> {
    return this.create(CONDITION, patientId, by, async () => {
      const entry = this.diagnosis(body.code, 'code');
      this.checkDates(
        [
          ['onsetDate', body.onsetDate],
          ['abatementDate', body.abatementDate],
        ],
        [['onsetDate', body.onsetDate ?? null, 'abatementDate', body.abatementDate ?? null]],
      );
      return {
        code: entry.code,
        display: entry.display,
        code_system_version: this.terminology.version('icd10cm'),
        clinical_status: body.clinicalStatus ?? 'active',
        onset_date: body.onsetDate ?? null,
        abatement_date: body.abatementDate ?? null,
        note: body.note ?? null,
      };
    });
  }

  updateCondition(
    patientId: string,
    id: string,
    body: UpdateConditionRequest,
    by: Accessor,
  ): Promise<ConditionView> {
    return this.correct(CONDITION, patientId, id, body, by, async (row) => {
      const changes: Columns = {};
      if (sent(body, 'code')) {
        const entry = this.diagnosis(body.code, 'code');
        Object.assign(changes, {
          code: entry.code,
          display: entry.display,
          code_system_version: this.terminology.version('icd10cm'),
        });
      }
      if (sent(body, 'clinicalStatus')) changes.clinical_status = body.clinicalStatus;
      if (sent(body, 'onsetDate')) changes.onset_date = body.onsetDate;
      if (sent(body, 'abatementDate')) changes.abatement_date = body.abatementDate;
      if (sent(body, 'note')) changes.note = body.note;
      const onset = sent(body, 'onsetDate') ? (body.onsetDate ?? null) : row.onset_date;
      const abatement = sent(body, 'abatementDate')
        ? (body.abatementDate ?? null)
        : row.abatement_date;
      this.checkDates(
        [
          ['onsetDate', body.onsetDate],
          ['abatementDate', body.abatementDate],
        ],
        [['onsetDate', onset, 'abatementDate', abatement]],
      );
      return changes;
    });
  }

  // --- allergies --------------------------------------------------------------------------

  createAllergy(patientId: string, body: CreateAllergyRequest, by: Accessor): Promise<AllergyView> {
    return this.create(ALLERGY, patientId, by, async () => {
      this.checkDates([['onsetDate', body.onsetDate]], []);
      return {
        substance: body.substance,
        category: body.category,
        reaction: body.reaction ?? null,
        severity: body.severity ?? null,
        clinical_status: body.clinicalStatus ?? 'active',
        onset_date: body.onsetDate ?? null,
        note: body.note ?? null,
      };
    });
  }

  updateAllergy(
    patientId: string,
    id: string,
    body: UpdateAllergyRequest,
    by: Accessor,
  ): Promise<AllergyView> {
    return this.correct(ALLERGY, patientId, id, body, by, async () => {
      this.checkDates([['onsetDate', body.onsetDate]], []);
      return this.copy(body, {
        substance: 'substance',
        category: 'category',
        reaction: 'reaction',
        severity: 'severity',
        clinicalStatus: 'clinical_status',
        onsetDate: 'onset_date',
        note: 'note',
      });
    });
  }

  // --- immunizations ----------------------------------------------------------------------

  createImmunization(
    patientId: string,
    body: CreateImmunizationRequest,
    by: Accessor,
  ): Promise<ImmunizationView> {
    return this.create(IMMUNIZATION, patientId, by, async () => {
      const vaccine = this.vaccine(body.cvxCode);
      this.checkDates([['occurredOn', body.occurredOn]], []);
      return {
        cvx_code: vaccine.code,
        display: vaccine.display,
        code_system_version: this.terminology.version('cvx'),
        occurred_on: body.occurredOn,
        dose_number: body.doseNumber ?? null,
        dose_quantity: body.doseQuantity ?? null,
        site: body.site ?? null,
        lot_number: body.lotNumber ?? null,
        status: body.status ?? 'completed',
        note: body.note ?? null,
      };
    });
  }

  updateImmunization(
    patientId: string,
    id: string,
    body: UpdateImmunizationRequest,
    by: Accessor,
  ): Promise<ImmunizationView> {
    return this.correct(IMMUNIZATION, patientId, id, body, by, async () => {
      const changes: Columns = {};
      if (sent(body, 'cvxCode')) {
        const vaccine = this.vaccine(body.cvxCode);
        Object.assign(changes, {
          cvx_code: vaccine.code,
          display: vaccine.display,
          code_system_version: this.terminology.version('cvx'),
        });
      }
      this.checkDates([['occurredOn', body.occurredOn]], []);
      return Object.assign(
        changes,
        this.copy(body, {
          occurredOn: 'occurred_on',
          doseNumber: 'dose_number',
          doseQuantity: 'dose_quantity',
          site: 'site',
          lotNumber: 'lot_number',
          status: 'status',
          note: 'note',
        }),
      );
    });
  }

  // --- visit summaries --------------------------------------------------------------------

  createVisitSummary(
    patientId: string,
    body: CreateVisitSummaryRequest,
    by: Accessor,
  ): Promise<VisitSummaryView> {
    return this.create(VISIT_SUMMARY, patientId, by, async (manager) => {
      this.checkDates([['visitDate', body.visitDate]], []);
      const diagnoses = this.diagnoses(body.diagnoses ?? []);
      let providerId = body.providerId ?? null;
      let locationId = body.locationId ?? null;
      if (body.appointmentId) {
        const appointment = await this.appointmentOf(manager, patientId, body.appointmentId);
        // A summary written for an appointment is by default about its provider and place.
        providerId = body.providerId === undefined ? appointment.provider_id : providerId;
        locationId = body.locationId === undefined ? appointment.location_id : locationId;
      }
      await this.checkReferences(manager, providerId, locationId);
      return {
        appointment_id: body.appointmentId ?? null,
        visit_date: body.visitDate,
        provider_id: providerId,
        location_id: locationId,
        diagnoses,
        instructions: body.instructions,
        follow_up: body.followUp ?? null,
        status: 'final',
      };
    });
  }

  updateVisitSummary(
    patientId: string,
    id: string,
    body: UpdateVisitSummaryRequest,
    by: Accessor,
  ): Promise<VisitSummaryView> {
    return this.correct(VISIT_SUMMARY, patientId, id, body, by, async (row, manager) => {
      this.checkDates([['visitDate', body.visitDate]], []);
      if (body.appointmentId) await this.appointmentOf(manager, patientId, body.appointmentId);
      await this.checkReferences(manager, body.providerId ?? null, body.locationId ?? null);
      const changes = this.copy(body, {
        visitDate: 'visit_date',
        providerId: 'provider_id',
        locationId: 'location_id',
        appointmentId: 'appointment_id',
        instructions: 'instructions',
        followUp: 'follow_up',
        status: 'status',
      });
      if (sent(body, 'diagnoses')) changes.diagnoses = this.diagnoses(body.diagnoses!);
      // A final summary that is corrected becomes amended, unless another status is chosen.
      if (!sent(body, 'status') && row.status === 'final') changes.status = 'amended';
      return changes;
    });
  }

  // --- care plans -------------------------------------------------------------------------

  createCarePlan(
    patientId: string,
    body: CreateCarePlanRequest,
    by: Accessor,
  ): Promise<CarePlanView> {
    return this.create(CARE_PLAN, patientId, by, async (manager) => {
      this.checkOrder([['periodStart', body.periodStart, 'periodEnd', body.periodEnd ?? null]]);
      return {
        title: body.title,
        description: body.description ?? null,
        status: body.status ?? 'active',
        period_start: body.periodStart,
        period_end: body.periodEnd ?? null,
        condition_ids: await this.conditionIds(manager, patientId, body.conditionIds ?? []),
        goals: withIds(body.goals ?? [], [], goalOf),
        activities: withIds(body.activities ?? [], [], activityOf),
      };
    });
  }

  updateCarePlan(
    patientId: string,
    id: string,
    body: UpdateCarePlanRequest,
    by: Accessor,
  ): Promise<CarePlanView> {
    return this.correct(CARE_PLAN, patientId, id, body, by, async (row, manager) => {
      const start = body.periodStart ?? row.period_start;
      const end = sent(body, 'periodEnd') ? (body.periodEnd ?? null) : row.period_end;
      this.checkOrder([['periodStart', start, 'periodEnd', end]]);
      const changes = this.copy(body, {
        title: 'title',
        description: 'description',
        status: 'status',
        periodStart: 'period_start',
        periodEnd: 'period_end',
      });
      if (body.conditionIds !== undefined) {
        changes.condition_ids = await this.conditionIds(manager, patientId, body.conditionIds);
      }
      if (body.goals !== undefined) changes.goals = withIds(body.goals, row.goals, goalOf);
      if (body.activities !== undefined) {
        changes.activities = withIds(body.activities, row.activities, activityOf);
      }
      return changes;
    });
  }

  // --- shared steps -----------------------------------------------------------------------

  private async create<Row extends BaseRow, View extends RecordViewBase>(
    kind: RecordKind<Row, View>,
    patientId: string,
    by: Accessor,
    build: (manager: EntityManager) => Promise<Columns>,
  ): Promise<View> {
    const id = newId();
    return this.audit.recordRefusal(
      () => this.auditEntry(`${kind.action}.create`, kind, patientId, undefined, by),
      () =>
        this.db.transaction(async (manager) => {
          const fields = await build(manager);
          const now = this.clock.now();
          const columns: Columns = {
            id,
            patient_id: patientId,
            ...fields,
            version: 1,
            recorded_by: by.principal.accountId,
            recorded_at: now,
            updated_by: by.principal.accountId,
            updated_at: now,
          };
          const names = Object.keys(columns);
          await manager.query(
            `INSERT INTO ${kind.table} (${names.join(', ')})
             VALUES (${names.map((name, i) => placeholder(kind, name, i + 1)).join(', ')})`,
            names.map((name) => parameter(kind, name, columns[name])),
          );
          await this.audit.record(
            {
              ...this.auditEntry(`${kind.action}.create`, kind, patientId, id, by),
              outcome: 'success',
            },
            manager,
          );
          const row = await this.findRow(kind, patientId, id, false, manager);
          return kind.toView(row, false);
        }),
    );
  }

  private async correct<Row extends BaseRow, View extends RecordViewBase, Body extends object>(
    kind: RecordKind<Row, View>,
    patientId: string,
    id: string,
    body: Body & { version: number; reason?: string | null },
    by: Accessor,
    change: (row: Row, manager: EntityManager) => Promise<Columns>,
  ): Promise<View> {
    return this.audit.recordRefusal(
      () => this.auditEntry(`${kind.action}.update`, kind, patientId, id, by),
      () =>
        this.db.transaction(async (manager) => {
          // Locked until commit, so two corrections of the same version cannot both pass.
          const row = await this.findRow(kind, patientId, id, false, manager, true);
          if (row.version !== body.version) throw new RecordChangedError();
          const changes = await change(row, manager);
          await this.revisions.snapshot(manager, {
            patientId,
            resourceType: kind.table,
            resourceId: row.id,
            version: row.version,
            snapshot: kind.toView(row, false),
            reason: body.reason ?? null,
            changedBy: by.principal.accountId,
          });
          const columns: Columns = {
            ...changes,
            updated_by: by.principal.accountId,
            updated_at: this.clock.now(),
          };
          const names = Object.keys(columns);
          const updated = returnedRows<{ id: string }>(
            await manager.query(
              `UPDATE ${kind.table}
                  SET ${names.map((name, i) => `${name} = ${placeholder(kind, name, i + 3)}`).join(', ')},
                      version = version + 1
                WHERE id = $1 AND version = $2
                RETURNING id`,
              [row.id, row.version, ...names.map((name) => parameter(kind, name, columns[name]))],
            ),
          );
          if (updated.length !== 1) throw new RecordChangedError();
          await this.audit.record(
            {
              ...this.auditEntry(`${kind.action}.update`, kind, patientId, id, by),
              outcome: 'success',
            },
            manager,
          );
          const fresh = await this.findRow(kind, patientId, id, false, manager);
          return kind.toView(fresh, false);
        }),
    );
  }

  /** The row, or the kind's 404 (also for ids that are not UUIDs, and hidden rows for patients). */
  private async findRow<Row extends BaseRow, View extends RecordViewBase>(
    kind: RecordKind<Row, View>,
    patientId: string,
    id: string,
    forPatient: boolean,
    manager?: EntityManager,
    lock = false,
  ): Promise<Row> {
    if (!UUID_PATTERN.test(id)) throw kind.notFound();
    const hidden = forPatient ? `AND t.${kind.statusColumn} <> '${HIDDEN_STATUS}'` : '';
    const rows: Row[] = await (manager ?? this.db).query(
      `${selectRecords(kind, forPatient)}
        WHERE t.patient_id = $1 AND t.id = $2 ${hidden}
        ${lock ? 'FOR UPDATE OF t' : ''}`,
      [patientId, id],
    );
    if (!rows[0]) throw kind.notFound();
    return rows[0];
  }

  private auditEntry<Row extends BaseRow, View extends RecordViewBase>(
    action: AuditAction,
    kind: RecordKind<Row, View>,
    patientId: string,
    id: string | undefined,
    by: Accessor,
  ) {
    return {
      action,
      actor: by.principal,
      patientId,
      resourceType: kind.table,
      resourceId: id,
      context: by.context,
    };
  }

  private async auditSuccess<Row extends BaseRow, View extends RecordViewBase>(
    action: AuditAction,
    kind: RecordKind<Row, View>,
    patientId: string,
    id: string,
    by: Accessor,
  ): Promise<void> {
    await this.audit.record({
      ...this.auditEntry(action, kind, patientId, id, by),
      outcome: 'success',
    });
  }

  /** The named request fields that were sent, under their column names. */
  private copy<T extends object>(body: T, fields: Partial<Record<keyof T, string>>): Columns {
    const columns: Columns = {};
    for (const [field, column] of Object.entries(fields) as [keyof T, string][]) {
      if (body[field] !== undefined) columns[column] = body[field];
    }
    return columns;
  }

  private diagnosis(code: string | undefined, field: string) {
    const entry = code ? this.terminology.lookup('icd10cm', code) : null;
    if (!entry) throw validationProblem([{ field, message: CODE_MESSAGE }]);
    return entry;
  }

  private vaccine(code: string | undefined) {
    const entry = code ? this.terminology.lookup('cvx', code) : null;
    if (!entry) throw validationProblem([{ field: 'cvxCode', message: CVX_MESSAGE }]);
    return entry;
  }

  /** Each diagnosis coded from the list with its display, once each, in the order sent. */
  private diagnoses(items: DiagnosisInput[]): CodedDiagnosis[] {
    const errors: FieldError[] = [];
    const coded = new Map<string, CodedDiagnosis>();
    items.forEach((item, index) => {
      const entry = this.terminology.lookup('icd10cm', item.code);
      if (!entry) errors.push({ field: `diagnoses.${index}.code`, message: CODE_MESSAGE });
      else coded.set(entry.code, { code: entry.code, display: entry.display });
    });
    if (errors.length) throw validationProblem(errors);
    return [...coded.values()];
  }

  /**
   * Dates that must not be in the future, and pairs that must be in order. "Today" is the
   * latest calendar date anywhere (UTC+14), so no clinic's today is refused.
   */
  private checkDates(
    past: [field: string, value: string | null | undefined][],
    ordered: [string, string | null, string, string | null][],
  ): void {
    const today = new Date(this.clock.now().getTime() + 14 * HOUR_MS).toISOString().slice(0, 10);
    const errors: FieldError[] = past
      .filter(([, value]) => typeof value === 'string' && value > today)
      .map(([field]) => ({ field, message: 'Choose a date that is not in the future.' }));
    if (errors.length) throw validationProblem(errors);
    this.checkOrder(ordered);
  }

  private checkOrder(ordered: [string, string | null, string, string | null][]): void {
    const errors: FieldError[] = ordered
      .filter(([, first, , second]) => first !== null && second !== null && second < first)
      .map(([firstField, , secondField]) => ({
        field: secondField,
        message: `Choose a date on or after the ${firstField === 'onsetDate' ? 'onset date' : 'start date'}.`,
      }));
    if (errors.length) throw validationProblem(errors);
  }

  private async appointmentOf(
    manager: EntityManager,
    patientId: string,
    appointmentId: string,
  ): Promise<{ provider_id: string; location_id: string }> {
    const rows: { provider_id: string; location_id: string }[] = await manager.query(
      `SELECT provider_id, location_id FROM appointment WHERE id = $1 AND patient_id = $2`,
      [appointmentId, patientId],
    );
    if (!rows[0]) {
      throw validationProblem([
        { field: 'appointmentId', message: 'Choose one of this patient’s appointments.' },
      ]);
    }
    return rows[0];
  }

  private async checkReferences(
    manager: EntityManager,
    providerId: string | null,
    locationId: string | null,
  ): Promise<void> {
    if (!providerId && !locationId) return;
    const [found] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM provider WHERE id = $1) AS provider,
              EXISTS (SELECT 1 FROM location WHERE id = $2) AS location`,
      [providerId, locationId],
    )) as { provider: boolean; location: boolean }[];
    const errors: FieldError[] = [];
    if (providerId && !found?.provider) {
      errors.push({ field: 'providerId', message: 'Choose a provider from the list.' });
    }
    if (locationId && !found?.location) {
      errors.push({ field: 'locationId', message: 'Choose a location from the list.' });
    }
    if (errors.length) throw validationProblem(errors);
  }

  /** The ids, once each, when every one is a condition on this patient's problem list. */
  private async conditionIds(
    manager: EntityManager,
    patientId: string,
    ids: string[],
  ): Promise<string[]> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (!unique.length) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM condition
        WHERE patient_id = $1 AND id = ANY($2::uuid[]) AND clinical_status <> '${HIDDEN_STATUS}'`,
      [patientId, unique],
    );
    if (rows.length !== unique.length) {
      throw validationProblem([
        {
          field: 'conditionIds',
          message: 'Choose conditions from this patient’s problem list.',
        },
      ]);
    }
    return unique;
  }
}

function placeholder<Row extends BaseRow, View extends RecordViewBase>(
  kind: RecordKind<Row, View>,
  column: string,
  index: number,
): string {
  return kind.jsonColumns?.includes(column) ? `$${index}::jsonb` : `$${index}`;
}

function parameter<Row extends BaseRow, View extends RecordViewBase>(
  kind: RecordKind<Row, View>,
  column: string,
  value: unknown,
): unknown {
  return kind.jsonColumns?.includes(column) ? JSON.stringify(value) : value;
}

function goalOf(input: GoalInput, id: string): StoredGoal {
  return { id, description: input.description, status: input.status, target: input.target ?? null };
}

function activityOf(input: ActivityInput, id: string): StoredActivity {
  return { id, description: input.description, status: input.status };
}

/**
 * Goals or activities as sent, each with an id: an existing item keeps its id when it is sent
 * back with it; new items (and ids that are unknown or repeated) get a new one.
 */
function withIds<In extends { id?: string }, Out extends { id: string }>(
  items: In[],
  current: { id: string }[],
  make: (input: In, id: string) => Out,
): Out[] {
  const known = new Set(current.map((item) => item.id));
  const used = new Set<string>();
  return items.map((item) => {
    const id = item.id && known.has(item.id) && !used.has(item.id) ? item.id : newId();
    used.add(id);
    return make(item, id);
  });
}
