import { INVALID_BODY, INVALID_QUERY, Operation } from '../../common/operation.decorator.js';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller, CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import {
  CreatePatientRequest,
  PatientDetails,
  PatientPage,
  SearchPatientsQuery,
  toPatientDetails,
  UpdatePatientRequest,
} from './patients.dto.js';
import { PatientsService } from './patients.service.js';

@ApiTags('patients')
@Controller('v1/patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Post()
  @Operation({
    id: 'createPatient',
    summary: 'Register a patient',
    description: 'A medical record number (MRN) is generated. Roles: front-desk, admin.',
    status: 201,
    permit: 'patients:register',
    returns: PatientDetails,
    problems: { 400: INVALID_BODY },
  })
  async create(
    @Body() body: CreatePatientRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<PatientDetails> {
    const patient = await this.patients.register(
      { ...body, address: body.address ?? null },
      caller,
    );
    return toPatientDetails(patient);
  }

  @Get()
  @Operation({
    id: 'searchPatients',
    summary: 'Find patients by name, MRN or date of birth',
    description:
      'Name search matches the start of the family or given name, in any case; an MRN must ' +
      'match exactly. Sorted by family then given name. Roles: front-desk, nurse, provider, ' +
      'admin, billing.',
    permit: 'patients:search',
    returns: PatientPage,
    problems: { 400: INVALID_QUERY },
  })
  async search(
    @Query() query: SearchPatientsQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<PatientPage> {
    return this.patients.search(query, caller);
  }

  @Get(':patientId')
  @Operation({
    id: 'getPatient',
    summary: 'A patient’s demographics',
    description:
      'Patients read their own record; staff roles: front-desk, nurse, provider, admin, billing.',
    permit: 'patients:read',
    patientScoped: true,
    returns: PatientDetails,
  })
  async get(@CurrentPatient() scope: PatientScope): Promise<PatientDetails> {
    const patient = await this.patients.read(scope.patientId, scope.caller);
    return toPatientDetails(patient);
  }

  @Patch(':patientId')
  @Operation({
    id: 'updatePatient',
    summary: 'Change a patient’s demographics',
    description:
      'Only the fields sent change; null clears an optional field. Roles: front-desk, admin.',
    permit: 'patients:update',
    patientScoped: true,
    returns: PatientDetails,
    problems: { 400: 'A field is not valid' },
  })
  async update(
    @CurrentPatient() scope: PatientScope,
    @Body() body: UpdatePatientRequest,
  ): Promise<PatientDetails> {
    const patient = await this.patients.update(scope.patientId, body, scope.caller);
    return toPatientDetails(patient);
  }
}
