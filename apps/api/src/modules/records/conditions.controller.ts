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
import { CONDITION } from './record-kinds.js';
import { accessor } from './records-access.js';
import {
  CreateConditionRequest,
  ListConditionsQuery,
  ConditionPage,
  RecordHistory,
  UpdateConditionRequest,
  ConditionView,
} from './records.dto.js';
import { RecordsService } from './records.service.js';

const ID = ApiParam({ name: 'conditionId', type: String, format: 'uuid' });

/** A patient’s problems and diagnoses, coded in ICD-10-CM. */
@ApiTags('records')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'The caller’s role may not do this' })
@Controller('v1/patients/:patientId/conditions')
export class ConditionsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @Permit('records:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'listConditions',
    summary: 'A patient’s problems and diagnoses, coded in ICD-10-CM',
    description:
      'Newest first by onset date (conditions without one last); from and to filter on that date. Patients read their own and ' +
      'never see conditions entered in error, nor who recorded them. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ConditionPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListConditionsQuery,
    @Req() request: FastifyRequest,
  ): Promise<ConditionPage> {
    return this.records.list(CONDITION, scope.patientId, query, accessor(scope, request));
  }

  @Post()
  @Permit('records:write', { patientScoped: true })
  @ApiOperation({
    operationId: 'createCondition',
    summary: 'Record a condition',
    description:
      'The code must be in the ICD-10-CM list; its display comes from the list. The end date is not before the onset; neither is in the future. Roles: provider, nurse.',
  })
  @ApiCreatedResponse({ type: ConditionView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is missing or not valid' })
  create(
    @CurrentPatient() scope: PatientScope,
    @Body() body: CreateConditionRequest,
    @Req() request: FastifyRequest,
  ): Promise<ConditionView> {
    return this.records.createCondition(scope.patientId, body, accessor(scope, request));
  }

  @Get(':conditionId')
  @Permit('records:read', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getCondition',
    summary: 'One condition',
    description:
      'Patients read their own (never one entered in error). Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ConditionView })
  @ApiNotFoundResponse({ type: Problem, description: 'No such condition for this patient' })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('conditionId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<ConditionView> {
    return this.records.get(CONDITION, scope.patientId, id, accessor(scope, request));
  }

  @Patch(':conditionId')
  @Permit('records:write', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'updateCondition',
    summary: 'Correct a condition',
    description:
      'Only the fields sent change; null clears an optional one. Send the version you loaded. ' +
      'The previous state is kept in the history, and patients see the condition marked ' +
      'corrected. Set the status to entered-in-error to withdraw a mistaken entry. ' +
      'Roles: provider, nurse.',
  })
  @ApiOkResponse({ type: ConditionView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such condition for this patient' })
  @ApiConflictResponse({ type: Problem, description: 'record_changed: stale version' })
  update(
    @CurrentPatient() scope: PatientScope,
    @Param('conditionId') id: string,
    @Body() body: UpdateConditionRequest,
    @Req() request: FastifyRequest,
  ): Promise<ConditionView> {
    return this.records.updateCondition(scope.patientId, id, body, accessor(scope, request));
  }

  @Get(':conditionId/history')
  @Permit('records:history', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getConditionHistory',
    summary: 'Earlier versions of a condition',
    description:
      'Each correction’s before-image, who made it and why; newest first. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: RecordHistory })
  @ApiNotFoundResponse({ type: Problem, description: 'No such condition for this patient' })
  history(
    @CurrentPatient() scope: PatientScope,
    @Param('conditionId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<RecordHistory> {
    return this.records.history(CONDITION, scope.patientId, id, accessor(scope, request));
  }
}
