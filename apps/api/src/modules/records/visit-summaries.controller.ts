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
import { VISIT_SUMMARY } from './record-kinds.js';
import { accessor } from './records-access.js';
import {
  CreateVisitSummaryRequest,
  ListVisitSummariesQuery,
  VisitSummaryPage,
  RecordHistory,
  UpdateVisitSummaryRequest,
  VisitSummaryView,
} from './records.dto.js';
import { RecordsService } from './records.service.js';

const ID = ApiParam({ name: 'visitSummaryId', type: String, format: 'uuid' });

/** Summaries of a patient’s visits: diagnoses, instructions and follow-up. */
@ApiTags('records')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'The caller’s role may not do this' })
@Controller('v1/patients/:patientId/visit-summaries')
export class VisitSummariesController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @Permit('records:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'listVisitSummaries',
    summary: 'Summaries of a patient’s visits: diagnoses, instructions and follow-up',
    description:
      'Newest first by visit date; from and to filter on that date. Patients read their own and ' +
      'never see visit summaries entered in error, nor who recorded them. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: VisitSummaryPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListVisitSummariesQuery,
    @Req() request: FastifyRequest,
  ): Promise<VisitSummaryPage> {
    return this.records.list(VISIT_SUMMARY, scope.patientId, query, accessor(scope, request));
  }

  @Post()
  @Permit('records:write', { patientScoped: true })
  @ApiOperation({
    operationId: 'createVisitSummary',
    summary: 'Record a visit summary',
    description:
      'Diagnoses must be in the ICD-10-CM list. Linked to an appointment, the provider and location default to the appointment’s. A corrected final summary becomes amended. Roles: provider, nurse.',
  })
  @ApiCreatedResponse({ type: VisitSummaryView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is missing or not valid' })
  create(
    @CurrentPatient() scope: PatientScope,
    @Body() body: CreateVisitSummaryRequest,
    @Req() request: FastifyRequest,
  ): Promise<VisitSummaryView> {
    return this.records.createVisitSummary(scope.patientId, body, accessor(scope, request));
  }

  @Get(':visitSummaryId')
  @Permit('records:read', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getVisitSummary',
    summary: 'One visit summary',
    description:
      'Patients read their own (never one entered in error). Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: VisitSummaryView })
  @ApiNotFoundResponse({ type: Problem, description: 'No such visit summary for this patient' })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('visitSummaryId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<VisitSummaryView> {
    return this.records.get(VISIT_SUMMARY, scope.patientId, id, accessor(scope, request));
  }

  @Patch(':visitSummaryId')
  @Permit('records:write', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'updateVisitSummary',
    summary: 'Correct a visit summary',
    description:
      'Only the fields sent change; null clears an optional one. Send the version you loaded. ' +
      'The previous state is kept in the history, and patients see the visit summary marked ' +
      'corrected. Set the status to entered-in-error to withdraw a mistaken entry. ' +
      'Roles: provider, nurse.',
  })
  @ApiOkResponse({ type: VisitSummaryView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is not valid' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such visit summary for this patient' })
  @ApiConflictResponse({ type: Problem, description: 'record_changed: stale version' })
  update(
    @CurrentPatient() scope: PatientScope,
    @Param('visitSummaryId') id: string,
    @Body() body: UpdateVisitSummaryRequest,
    @Req() request: FastifyRequest,
  ): Promise<VisitSummaryView> {
    return this.records.updateVisitSummary(scope.patientId, id, body, accessor(scope, request));
  }

  @Get(':visitSummaryId/history')
  @Permit('records:history', { patientScoped: true })
  @ID
  @ApiOperation({
    operationId: 'getVisitSummaryHistory',
    summary: 'Earlier versions of a visit summary',
    description:
      'Each correction’s before-image, who made it and why; newest first. Staff: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: RecordHistory })
  @ApiNotFoundResponse({ type: Problem, description: 'No such visit summary for this patient' })
  history(
    @CurrentPatient() scope: PatientScope,
    @Param('visitSummaryId') id: string,
    @Req() request: FastifyRequest,
  ): Promise<RecordHistory> {
    return this.records.history(VISIT_SUMMARY, scope.patientId, id, accessor(scope, request));
  }
}
