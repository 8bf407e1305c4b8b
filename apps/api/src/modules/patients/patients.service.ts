import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { newId } from '../../infra/database/ids.js';
import { Patient, type PostalAddress, type Sex } from './patient.entity.js';

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

/** The only writer of the patient table. */
@Injectable()
export class PatientsService {
  constructor(
    @InjectRepository(Patient) private readonly patients: Repository<Patient>,
    private readonly clock: Clock,
  ) {}

  async create(input: NewPatient, manager?: EntityManager): Promise<Patient> {
    const repository = manager ? manager.getRepository(Patient) : this.patients;
    const [{ mrn }] = (await repository.query(
      `SELECT 'M' || lpad(nextval('patient_mrn_seq')::text, 8, '0') AS mrn`,
    )) as [{ mrn: string }];
    const now = this.clock.now();
    const patient = repository.create({
      id: newId(),
      mrn,
      givenName: input.givenName,
      familyName: input.familyName,
      preferredName: input.preferredName ?? null,
      dateOfBirth: input.dateOfBirth,
      sex: input.sex,
      email: input.email ?? null,
      mobilePhone: input.mobilePhone ?? null,
      address: input.address ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await repository.insert(patient);
    return patient;
  }

  findById(id: string): Promise<Patient | null> {
    return this.patients.findOneBy({ id });
  }
}
