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
import { CARE_PLAN } from './record-kinds.js';
import { accessor } from './records-access.js';
import {
  CreateCarePlanRequest,
  ListCarePlansQuery,
  CarePlanPage,
  RecordHistory,
  UpdateCarePlanRequest,
  CarePlanView,
} from './records.dto.js';
import { RecordsService } from './records.service.js';

const ID = ApiParam({ name: 'carePlanId', type: String, format: 'uuid' });

/** A patient’s care plans with their goals and activities. */
@ApiTags('records')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'The caller’s role may not do this' })
@Controller('v1/patients/:patientId/care-plans')
export class CarePlansController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @Permit('records:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'listCarePlans',
    summary: 'A patient’s care plans with their goals and activities',
    description:
      'Newest first by start date; from and to filter on that date. Patients read their own and ' +
      'never see care plans entered in error, nor who recorded them. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: CarePlanPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListCarePlansQuery,
    @Req() request: FastifyRequest,
  ): Promise<CarePlanPage> {
    return this.records.list(CARE_PLAN, scope.patientId, query, accessor(scope, request));
  }

  @Post()
  @Permit('records:write', { patientScoped: true })
  @ApiOperation({
    operationId: 'createCarePlan',
    summary: 'Record a care plan',
    description:
      'Up to 50 goals and 50 activities, each given an id; conditions come from the patient’s problem list. The end date is not before the start. Roles: provider, nurse.',
  })
  @ApiCreatedResponse({ type: CarePlanView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is missing or not valid' })
  create(
    @CurrentPatient() scope: PatientScope,
    @Body() body: CreateCarePlanRequest,
    @Req() request: FastifyRequest,
  ): Promise<CarePlanView> {
    return this.records.createCarePlan(scope.patientId, body, accessor(scope, request));
  }

  @Get(':carePlanId')
  @Permit('records:read', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getCarePlan',
    summary: 'One care plan',
    description:
      'Patients read their own (never one entered in error). Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: CarePlanView })
  @ApiNotFoundResponse({ type: Problem, description: 'No such care plan for this patient' })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('carePlanId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<CarePlanView> {
    return this.records.get(CARE_PLAN, scope.patientId, id, accessor(scope, request));
  }

  @Patch(':carePlanId')
  @Permit('records:write', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'updateCarePlan',
    summary: 'Correct a care plan',
    description:
      'Only the fields sent change; null clears an optional one. Send the version you loaded. ' +
      'The previous state is kept in the history, and patients see the care plan marked ' +
      'corrected. Set the status to entered-in-error to withdraw a mistaken entry. ' +
      'Roles: provider, nurse.',
  })
  @ApiOkResponse({ type: CarePlanView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such care plan for this patient' })
  @ApiConflictResponse({ type: Problem, description: 'record_changed: stale version' })
  update(
    @CurrentPatient() scope: PatientScope,
    @Param('carePlanId') id: string,
    @Body() body: UpdateCarePlanRequest,
    @Req() request: FastifyRequest,
  ): Promise<CarePlanView> {
    return this.records.updateCarePlan(scope.patientId, id, body, accessor(scope, request));
  }

  @Get(':carePlanId/history')
  @Permit('records:history', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getCarePlanHistory',
    summary: 'Earlier versions of a care plan',
    description:
      'Each correction’s before-image, who made it and why; newest first. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: RecordHistory })
  @ApiNotFoundResponse({ type: Problem, description: 'No such care plan for this patient' })
  history(
    @CurrentPatient() scope: PatientScope,
    @Param('carePlanId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<RecordHistory> {
    return this.records.history(CARE_PLAN, scope.patientId, id, accessor(scope, request));
  }
}
