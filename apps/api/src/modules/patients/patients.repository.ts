import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { decodeCursorOf } from '../../common/pager.js';
import { Patient, type Sex } from './patient.entity.js';

// A search of many words costs one condition per word; a name rarely has more than this.
const MAX_SEARCH_WORDS = 5;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

/** A row of a patient search, with its sort keys for the pager. */
export interface PatientSearchRow {
  id: string;
  mrn: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  sex: Sex;
  family_key: string;
  given_key: string;
}

/** The queries of the patient table (PatientsService is its only caller). */
@Injectable()
export class PatientsRepository {
  constructor(@InjectRepository(Patient) private readonly patients: Repository<Patient>) {}

  private table(manager?: EntityManager): Repository<Patient> {
    return manager ? manager.getRepository(Patient) : this.patients;
  }

  /** The next medical record number (M00000001 …), from its sequence. */
  async nextMrn(manager?: EntityManager): Promise<string> {
    const [{ mrn }] = (await this.table(manager).query(
      `SELECT 'M' || lpad(nextval('patient_mrn_seq')::text, 8, '0') AS mrn`,
    )) as [{ mrn: string }];
    return mrn;
  }

  async insert(patient: Patient, manager?: EntityManager): Promise<void> {
    await this.table(manager).insert(patient);
  }

  findById(id: string, manager?: EntityManager): Promise<Patient | null> {
    return this.table(manager).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<Patient[]> {
    return this.patients.findBy({ id: In(ids) });
  }

  /** The row, held until the caller's transaction ends. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<Patient | null> {
    return manager
      .getRepository(Patient)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether a row was changed. */
  async update(id: string, set: Partial<Patient>, manager: EntityManager): Promise<boolean> {
    const result = await manager.getRepository(Patient).update({ id }, set);
    return Boolean(result.affected);
  }

  /**
   * By name prefix (family or given, or every word of several), exact MRN and/or date of
   * birth, ordered by name: `limit + 1` rows after the cursor's position.
   */
  async search(params: {
    query?: string;
    dateOfBirth?: string;
    limit: number;
    cursor?: string;
  }): Promise<PatientSearchRow[]> {
    const args: unknown[] = [];
    const arg = (value: unknown) => {
      args.push(value);
      return `$${args.length}`;
    };
    const where: string[] = [];
    if (params.query) {
      const text = params.query.toLowerCase();
      const prefix = arg(`${escapeLike(text)}%`);
      const alternatives = [
        `lower(family_name) LIKE ${prefix}`,
        `lower(given_name) LIKE ${prefix}`,
        `mrn = ${arg(params.query.toUpperCase())}`,
      ];
      const words = text
        .split(/[\s,]+/)
        .filter(Boolean)
        .slice(0, MAX_SEARCH_WORDS);
      if (words.length > 1) {
        // "alex riv" or "rivera, alex": every word starts the given or the family name.
        const each = words.map((word) => {
          const wordPrefix = arg(`${escapeLike(word)}%`);
          return `(lower(family_name) LIKE ${wordPrefix} OR lower(given_name) LIKE ${wordPrefix})`;
        });
        alternatives.push(`(${each.join(' AND ')})`);
      }
      where.push(`(${alternatives.join(' OR ')})`);
    }
    if (params.dateOfBirth) where.push(`date_of_birth = ${arg(params.dateOfBirth)}::date`);
    if (params.cursor) {
      const [family, given, id] = decodeCursorOf(params.cursor, ['text', 'text']);
      where.push(
        `(lower(family_name), lower(given_name), id) > (${arg(family)}::text, ${arg(given)}::text, ${arg(id)}::uuid)`,
      );
    }
    return this.patients.query(
      `SELECT id, mrn, given_name, family_name, preferred_name, date_of_birth::text AS date_of_birth,
              sex, lower(family_name) AS family_key, lower(given_name) AS given_key
         FROM patient
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY lower(family_name), lower(given_name), id
        LIMIT ${arg(params.limit + 1)}`,
      args,
    );
  }
}
