import { pageOf } from '../../common/pager.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { PatientNotFoundError } from '../../common/patient-scope.js';
import type { Accessor } from '../../common/principal.js';
import { validationProblem } from '../../common/problem.filter.js';
import { newId } from '../../infra/database/ids.js';
import { AuditService } from '../audit/audit.service.js';
import { cleanAddress, Patient, type PostalAddress, type Sex } from './patient.entity.js';
import { PatientsRepository } from './patients.repository.js';

export interface NewPatient {
  givenName: string;
  familyName: string;
  preferredName?: string | null;
  dateOfBirth: string;
  sex: Sex;
  email?: string | null;
  mobilePhone?: string | null;
  address?: PostalAddress | null;
}

/** Fields a PATCH may carry: absent means unchanged, null clears an optional one. */
export type PatientChanges = Partial<NewPatient>;

export interface PatientSearch {
  /** Name prefix (family or given, any case) or an exact MRN. */
  query?: string;
  dateOfBirth?: string;
  limit: number;
  cursor?: string;
}

export type PatientSummaryRow = Pick<
  Patient,
  'id' | 'mrn' | 'givenName' | 'familyName' | 'preferredName' | 'dateOfBirth' | 'sex'
>;

// Time zones run up to UTC+14: somewhere it may already be the next calendar day.
const LATEST_TIME_ZONE_OFFSET_MS = 14 * 3_600_000;

/** The only writer of the patient table. */
@Injectable()
export class PatientsService {
  constructor(
    private readonly rows: PatientsRepository,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(input: NewPatient, manager?: EntityManager): Promise<Patient> {
    const mrn = await this.rows.nextMrn(manager);
    const now = this.clock.now();
    const patient = Object.assign(new Patient(), {
      id: newId(),
      mrn,
      givenName: input.givenName,
      familyName: input.familyName,
      preferredName: input.preferredName ?? null,
      dateOfBirth: input.dateOfBirth,
      sex: input.sex,
      email: input.email ?? null,
      mobilePhone: input.mobilePhone ?? null,
      address: cleanAddress(input.address),
      createdAt: now,
      updatedAt: now,
    });
    await this.rows.insert(patient, manager);
    return patient;
  }

  findById(id: string): Promise<Patient | null> {
    return this.rows.findById(id);
  }

  /** Several patients in one query (e.g. names for a list of invitations). */
  async findByIds(ids: string[]): Promise<Map<string, Patient>> {
    if (!ids.length) return new Map();
    const rows = await this.rows.findByIds([...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /**
   * Reads a patient inside the caller's transaction and holds its row until commit, so
   * work about one patient (such as issuing an invitation) never runs twice at once.
   */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<Patient | null> {
    return this.rows.findByIdForUpdate(id, manager);
  }

  /** Staff registration of a new patient, audited in the same transaction. */
  async register(input: NewPatient, by: Accessor): Promise<Patient> {
    this.assertBirthDateNotInFuture(input.dateOfBirth);
    return this.db.transaction(async (manager) => {
      const patient = await this.create(input, manager);
      await this.audit.recordSuccess(
        by,
        'patient.create',
        { patientId: patient.id, resourceType: 'patient', resourceId: patient.id },
        manager,
      );
      return patient;
    });
  }

  /** One patient's demographics for a caller already cleared by the patient-scope guard. */
  async read(id: string, by: Accessor): Promise<Patient> {
    const patient = await this.findById(id);
    if (!patient) throw new PatientNotFoundError();
    await this.audit.recordSuccess(by, 'patient.read', {
      patientId: patient.id,
      resourceType: 'patient',
      resourceId: patient.id,
    });
    return patient;
  }

  async update(id: string, changes: PatientChanges, by: Accessor): Promise<Patient> {
    const fields = Object.entries(changes).filter(([, value]) => value !== undefined);
    if (!fields.length) {
      throw validationProblem([{ field: 'body', message: 'Send at least one field to change.' }]);
    }
    if (changes.dateOfBirth !== undefined) this.assertBirthDateNotInFuture(changes.dateOfBirth);
    const set: Partial<Patient> = Object.fromEntries(fields);
    if ('address' in set) set.address = cleanAddress(changes.address);
    return this.db.transaction(async (manager) => {
      const updated = await this.rows.update(id, { ...set, updatedAt: this.clock.now() }, manager);
      if (!updated) throw new PatientNotFoundError();
      await this.audit.recordSuccess(
        by,
        'patient.update',
        { patientId: id, resourceType: 'patient', resourceId: id },
        manager,
      );
      return (await this.rows.findById(id, manager))!;
    });
  }

  /**
   * Staff search by name prefix, exact MRN and/or date of birth, ordered by name, with a
   * keyset cursor so every page costs the same: two queries (the page, then its audit rows).
   */
  async search(
    params: PatientSearch,
    by: Accessor,
  ): Promise<{ items: PatientSummaryRow[]; nextCursor: string | null }> {
    const rows = await this.rows.search(params);
    const { items: page, nextCursor } = pageOf(rows, params.limit, (row) => [
      row.family_key,
      row.given_key,
      row.id,
    ]);
    // One row per patient shown (names, date of birth and MRN are part of their record), so
    // the look appears in each one's access log; one row naming nobody when none matched.
    // A single INSERT either way.
    const shown: (string | null)[] = page.length ? page.map((row) => row.id) : [null];
    await this.audit.recordPatientsShown(by, 'patient.search', shown);
    return {
      items: page.map((row) => ({
        id: row.id,
        mrn: row.mrn,
        givenName: row.given_name,
        familyName: row.family_name,
        preferredName: row.preferred_name,
        dateOfBirth: row.date_of_birth,
        sex: row.sex,
      })),
      nextCursor,
    };
  }

  private assertBirthDateNotInFuture(dateOfBirth: string): void {
    const latest = new Date(this.clock.now().getTime() + LATEST_TIME_ZONE_OFFSET_MS)
      .toISOString()
      .slice(0, 10);
    if (dateOfBirth > latest) {
      throw validationProblem([
        { field: 'dateOfBirth', message: 'The date of birth cannot be in the future.' },
      ]);
    }
  }
}
