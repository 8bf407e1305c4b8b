import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import { Problem } from '../../common/problem.js';
import { IMMUNIZATION } from './record-kinds.js';
import { accessor } from './records-access.js';
import {
  CreateImmunizationRequest,
  ListImmunizationsQuery,
  ImmunizationPage,
  RecordHistory,
  UpdateImmunizationRequest,
  ImmunizationView,
} from './records.dto.js';
import { RecordsService } from './records.service.js';

const ID = ApiParam({ name: 'immunizationId', type: String, format: 'uuid' });

/** A patient’s immunizations, coded in CVX. */
@ApiTags('records')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'The caller’s role may not do this' })
@Controller('v1/patients/:patientId/immunizations')
export class ImmunizationsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @Permit('records:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'listImmunizations',
    summary: 'A patient’s immunizations, coded in CVX',
    description:
      'Newest first by date given; from and to filter on that date. Patients read their own and ' +
      'never see immunizations entered in error, nor who recorded them. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ImmunizationPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListImmunizationsQuery,
    @Req() request: FastifyRequest,
  ): Promise<ImmunizationPage> {
    return this.records.list(IMMUNIZATION, scope.patientId, query, accessor(scope, request));
  }

  @Post()
  @Permit('records:write', { patientScoped: true })
  @ApiOperation({
    operationId: 'createImmunization',
    summary: 'Record a immunization',
    description:
      'The vaccine must be in the CVX list; its display comes from the list. The date given is not in the future. Roles: provider, nurse.',
  })
  @ApiCreatedResponse({ type: ImmunizationView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is missing or not valid' })
  create(
    @CurrentPatient() scope: PatientScope,
    @Body() body: CreateImmunizationRequest,
    @Req() request: FastifyRequest,
  ): Promise<ImmunizationView> {
    return this.records.createImmunization(scope.patientId, body, accessor(scope, request));
  }

  @Get(':immunizationId')
  @Permit('records:read', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getImmunization',
    summary: 'One immunization',
    description:
      'Patients read their own (never one entered in error). Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ImmunizationView })
  @ApiNotFoundResponse({ type: Problem, description: 'No such immunization for this patient' })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('immunizationId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<ImmunizationView> {
    return this.records.get(IMMUNIZATION, scope.patientId, id, accessor(scope, request));
  }

  @Patch(':immunizationId')
  @Permit('records:write', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'updateImmunization',
    summary: 'Correct a immunization',
    description:
      'Only the fields sent change; null clears an optional one. Send the version you loaded. ' +
      'The previous state is kept in the history, and patients see the immunization marked ' +
      'corrected. Set the status to entered-in-error to withdraw a mistaken entry. ' +
      'Roles: provider, nurse.',
  })
  @ApiOkResponse({ type: ImmunizationView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such immunization for this patient' })
  @ApiConflictResponse({ type: Problem, description: 'record_changed: stale version' })
  update(
    @CurrentPatient() scope: PatientScope,
    @Param('immunizationId') id: string,
    @Body() body: UpdateImmunizationRequest,
    @Req() request: FastifyRequest,
  ): Promise<ImmunizationView> {
    return this.records.updateImmunization(scope.patientId, id, body, accessor(scope, request));
  }

  @Get(':immunizationId/history')
  @Permit('records:history', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getImmunizationHistory',
    summary: 'Earlier versions of a immunization',
    description:
      'Each correction’s before-image, who made it and why; newest first. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: RecordHistory })
  @ApiNotFoundResponse({ type: Problem, description: 'No such immunization for this patient' })
  history(
    @CurrentPatient() scope: PatientScope,
    @Param('immunizationId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<RecordHistory> {
    return this.records.history(IMMUNIZATION, scope.patientId, id, accessor(scope, request));
  }
}
