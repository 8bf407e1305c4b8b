import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { decodeCursor, pageOf } from '../../common/pager.js';
import type { Accessor } from '../../common/principal.js';
import type { FieldError } from '../../common/problem.js';
import { validationProblem } from '../../common/problem.filter.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { newId } from '../../infra/database/ids.js';
import { AuditService, type AuditAction } from '../audit/audit.service.js';
import { TerminologyService } from '../terminology/terminology.service.js';
import type {
  BaseRow,
  Columns,
  Correction,
  PatientResource,
  WriteContext,
} from './patient-resource.js';
import type {
  CodedDiagnosis,
  DiagnosisInput,
  RecordHistory,
  RecordViewBase,
} from './records.dto.js';
import { RecordChangedError } from './records.errors.js';
import { RecordsRepository } from './records.repository.js';
import { RevisionService } from './revisions.service.js';

const HOUR_MS = 3_600_000;
const CODE_MESSAGE = 'Choose a diagnosis code from the list, like I10.';

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

type Kind<
  Row extends BaseRow,
  View extends RecordViewBase,
  Create,
  Update extends Correction,
> = PatientResource<Row, View, Create, Update>;

/**
 * Every kind of patient record (conditions, allergies, immunizations, visit summaries, care
 * plans, medications) is read and written through these steps, from its descriptor: lists
 * page newest first with one query (names joined, never fetched per row); patients never see
 * rows entered in error, nor who recorded a row; a correction checks the version, stores the
 * previous state in record_revision and bumps the version in one transaction with its audit
 * row.
 */
@Injectable()
export class RecordsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repository: RecordsRepository,
    private readonly terminology: TerminologyService,
    private readonly revisions: RevisionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list<Row extends BaseRow, View extends RecordViewBase, C, U extends Correction>(
    kind: Kind<Row, View, C, U>,
    patientId: string,
    query: RecordListQuery,
    by: Accessor,
  ): Promise<Page<View>> {
    if (query.from && query.to && query.from > query.to) {
      throw validationProblem([
        { field: 'to', message: 'Choose an end of the range on or after its start.' },
      ]);
    }
    const forPatient = by.principal.kind === 'patient';
    const after = query.cursor
      ? decodeCursor(query.cursor, kind.sort.type, kind.sort.nullable)
      : undefined;
    const rows = await this.repository.page<Row>(
      kind,
      patientId,
      { status: query.status, from: query.from, to: query.to, limit: query.limit, after },
      forPatient,
    );
    const page = pageOf(rows, query.limit, (row) => [row.sort_key, row.id]);
    await this.audit.record({
      ...this.auditEntry(`${kind.action}.list`, kind, patientId, undefined, by),
      outcome: 'success',
    });
    return {
      items: page.items.map((row) => kind.toView(row, forPatient)),
      nextCursor: page.nextCursor,
    };
  }

  async get<Row extends BaseRow, View extends RecordViewBase, C, U extends Correction>(
    kind: Kind<Row, View, C, U>,
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
  async history<Row extends BaseRow, View extends RecordViewBase, C, U extends Correction>(
    kind: Kind<Row, View, C, U>,
    patientId: string,
    id: string,
    by: Accessor,
  ): Promise<RecordHistory> {
    const row = await this.findRow(kind, patientId, id, false);
    const items = await this.revisions.history(kind.table, row.id);
    await this.auditSuccess(`${kind.action}.history`, kind, row.patient_id, row.id, by);
    return { items };
  }

  async create<Row extends BaseRow, View extends RecordViewBase, C, U extends Correction>(
    kind: Kind<Row, View, C, U>,
    patientId: string,
    body: C,
    by: Accessor,
  ): Promise<View> {
    const id = newId();
    return this.write(kind, 'create', { patientId, id, by }, async (manager) => {
      const fields = await kind.create(body, this.context(manager, patientId));
      const now = this.clock.now();
      await this.repository.insert(manager, kind, {
        id,
        patient_id: patientId,
        ...fields,
        version: 1,
        recorded_by: by.principal.accountId,
        recorded_at: now,
        updated_by: by.principal.accountId,
        updated_at: now,
      });
    });
  }

  async update<Row extends BaseRow, View extends RecordViewBase, C, U extends Correction>(
    kind: Kind<Row, View, C, U>,
    patientId: string,
    id: string,
    body: U,
    by: Accessor,
  ): Promise<View> {
    return this.write(kind, 'update', { patientId, id, by }, async (manager) => {
      // Locked until commit, so two corrections of the same version cannot both pass.
      const row = await this.findRow(kind, patientId, id, false, manager, true);
      if (row.version !== body.version) throw new RecordChangedError();
      const changes = await kind.update(body, row, this.context(manager, patientId));
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
      if (!(await this.repository.update(manager, kind, row.id, row.version, columns))) {
        throw new RecordChangedError();
      }
    });
  }

  /**
   * A new row or a correction, in one transaction with its audit row; answers the row as
   * saved. A refusal is audited after the rollback (without the id of a row never made).
   */
  private write<Row extends BaseRow, View extends RecordViewBase, C, U extends Correction>(
    kind: Kind<Row, View, C, U>,
    verb: 'create' | 'update',
    target: { patientId: string; id: string; by: Accessor },
    change: (manager: EntityManager) => Promise<void>,
  ): Promise<View> {
    const { patientId, id, by } = target;
    const action: AuditAction = `${kind.action}.${verb}`;
    return this.audit.recordRefusal(
      () => this.auditEntry(action, kind, patientId, verb === 'create' ? undefined : id, by),
      () =>
        this.db.transaction(async (manager) => {
          await change(manager);
          await this.auditSuccess(action, kind, patientId, id, by, manager);
          const row = await this.findRow(kind, patientId, id, false, manager);
          return kind.toView(row, false);
        }),
    );
  }

  /** The row, or the kind's 404 (also for ids that are not UUIDs, and hidden rows for patients). */
  private async findRow<Row extends BaseRow, View extends RecordViewBase, C, U extends Correction>(
    kind: Kind<Row, View, C, U>,
    patientId: string,
    id: string,
    forPatient: boolean,
    manager?: EntityManager,
    lock = false,
  ): Promise<Row> {
    if (!UUID_PATTERN.test(id)) throw kind.notFound();
    const row = await this.repository.find<Row>(kind, patientId, id, forPatient, manager, lock);
    if (!row) throw kind.notFound();
    return row;
  }

  private auditEntry(
    action: AuditAction,
    kind: { table: string },
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

  private async auditSuccess(
    action: AuditAction,
    kind: { table: string },
    patientId: string,
    id: string,
    by: Accessor,
    manager?: EntityManager,
  ): Promise<void> {
    await this.audit.record(
      { ...this.auditEntry(action, kind, patientId, id, by), outcome: 'success' },
      manager,
    );
  }

  /** The checks a kind's write steps use, inside this write's transaction. */
  private context(manager: EntityManager, patientId: string): WriteContext {
    const terminology = this.terminology;
    const repository = this.repository;
    const today = () =>
      new Date(this.clock.now().getTime() + 14 * HOUR_MS).toISOString().slice(0, 10);
    return {
      patientId,
      dates(past, ordered = []) {
        const now = today();
        const late: FieldError[] = past
          .filter(([, value]) => typeof value === 'string' && value > now)
          .map(([field]) => ({ field, message: 'Choose a date that is not in the future.' }));
        if (late.length) throw validationProblem(late);
        const disordered: FieldError[] = ordered
          .filter(([, first, , second]) => first !== null && second !== null && second < first)
          .map(([firstField, , secondField]) => ({
            field: secondField,
            message: `Choose a date on or after the ${firstField === 'onsetDate' ? 'onset date' : 'start date'}.`,
          }));
        if (disordered.length) throw validationProblem(disordered);
      },
      code(system, code, field, message) {
        const entry = code ? terminology.lookup(system, code) : null;
        if (!entry) throw validationProblem([{ field, message }]);
        return { code: entry.code, display: entry.display, version: terminology.version(system) };
      },
      diagnoses(items: DiagnosisInput[]): CodedDiagnosis[] {
        const errors: FieldError[] = [];
        const coded = new Map<string, CodedDiagnosis>();
        items.forEach((item, index) => {
          const entry = terminology.lookup('icd10cm', item.code);
          if (!entry) errors.push({ field: `diagnoses.${index}.code`, message: CODE_MESSAGE });
          else coded.set(entry.code, { code: entry.code, display: entry.display });
        });
        if (errors.length) throw validationProblem(errors);
        return [...coded.values()];
      },
      async appointment(appointmentId) {
        const found = await repository.appointment(manager, patientId, appointmentId);
        if (!found) {
          throw validationProblem([
            { field: 'appointmentId', message: 'Choose one of this patient’s appointments.' },
          ]);
        }
        return found;
      },
      async references(providerId, locationId) {
        if (!providerId && !locationId) return;
        const found = await repository.referencesExist(manager, providerId, locationId);
        const errors: FieldError[] = [];
        if (providerId && !found.provider) {
          errors.push({ field: 'providerId', message: 'Choose a provider from the list.' });
        }
        if (locationId && !found.location) {
          errors.push({ field: 'locationId', message: 'Choose a location from the list.' });
        }
        if (errors.length) throw validationProblem(errors);
      },
      async conditionIds(ids) {
        const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
        if (!unique.length) return [];
        if ((await repository.countConditions(manager, patientId, unique)) !== unique.length) {
          throw validationProblem([
            {
              field: 'conditionIds',
              message: 'Choose conditions from this patient’s problem list.',
            },
          ]);
        }
        return unique;
      },
    };
  }
}

// How each kind of record is read and shown, for the modules that present the record whole
// (the summary and the downloads).
export {
  ALLERGY,
  CARE_PLAN,
  CONDITION,
  IMMUNIZATION,
  PATIENT_RESOURCES,
  RECORD_ORDER,
  VISIT_SUMMARY,
  type AllergyRow,
  type CarePlanRow,
  type ConditionRow,
  type ImmunizationRow,
  type VisitSummaryRow,
} from './record-kinds.js';
export { exportRecords, selectRecords } from './records.repository.js';
export type {
  AnyPatientResource,
  BaseRow,
  FhirContext,
  PatientResource,
} from './patient-resource.js';
