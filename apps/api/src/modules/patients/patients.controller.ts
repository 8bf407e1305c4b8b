import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import type { Caller } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
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
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'The caller’s role may not do this' })
@Controller('v1/patients')
export class PatientsController {
  constructor(private readonly patients: PatientsService) {}

  @Post()
  @Permit('patients:register')
  @ApiOperation({
    operationId: 'createPatient',
    summary: 'Register a patient',
    description: 'A medical record number (MRN) is generated. Roles: front-desk, admin.',
  })
  @ApiCreatedResponse({ type: PatientDetails })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is missing or not valid' })
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
  @Permit('patients:search')
  @ApiOperation({
    operationId: 'searchPatients',
    summary: 'Find patients by name, MRN or date of birth',
    description:
      'Name search matches the start of the family or given name, in any case; an MRN must ' +
      'match exactly. Sorted by family then given name. Roles: front-desk, nurse, provider, ' +
      'admin, billing.',
  })
  @ApiOkResponse({ type: PatientPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  async search(
    @Query() query: SearchPatientsQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<PatientPage> {
    return this.patients.search(query, caller);
  }

  @Get(':patientId')
  @Permit('patients:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'getPatient',
    summary: 'A patient’s demographics',
    description:
      'Patients read their own record; staff roles: front-desk, nurse, provider, admin, billing.',
  })
  @ApiOkResponse({ type: PatientDetails })
  async get(@CurrentPatient() scope: PatientScope): Promise<PatientDetails> {
    const patient = await this.patients.read(scope.patientId, scope.caller);
    return toPatientDetails(patient);
  }

  @Patch(':patientId')
  @Permit('patients:update', { patientScoped: true })
  @ApiOperation({
    operationId: 'updatePatient',
    summary: 'Change a patient’s demographics',
    description:
      'Only the fields sent change; null clears an optional field. Roles: front-desk, admin.',
  })
  @ApiOkResponse({ type: PatientDetails })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  async update(
    @CurrentPatient() scope: PatientScope,
    @Body() body: UpdatePatientRequest,
  ): Promise<PatientDetails> {
    const patient = await this.patients.update(scope.patientId, body, scope.caller);
    return toPatientDetails(patient);
  }
}
