import { Permit } from '../../common/permit.decorator.js';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import { Problem } from '../../common/problem.js';
import { UUID_PATTERN } from '../../common/validation.js';
import { ResultNotFoundError } from './results.errors.js';
import { RouteBodyLimit } from '../../common/route-body-limit.js';
import {
  CreateResultRequest,
  CreateVitalSignsRequest,
  ListResultsQuery,
  ListVitalsQuery,
  ObservationList,
  ObservationPage,
  ObservationTrend,
  ObservationView,
  ReleaseResultRequest,
  ReportPage,
  ReportView,
  RevisionHistory,
  TrendQuery,
  UpdateObservationRequest,
} from './results.dto.js';
import { ResultsService } from './results.service.js';

const REPORT_ID = ApiParam({ name: 'reportId', type: String, format: 'uuid' });
const OBSERVATION_ID = ApiParam({ name: 'observationId', type: String, format: 'uuid' });
/** A 5 MB PDF grows by a third in base64, plus the rest of the report. */
const CREATE_RESULT_BODY_LIMIT = 8 * 1024 * 1024;

/** A patient's test results and vital signs: the patient themself, and clinical staff. */
@ApiTags('results')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'The caller’s role may not do this' })
@Controller('v1/patients/:patientId')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('results')
  @Permit('results:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'listResults',
    summary: 'A patient’s test result reports, newest first',
    description:
      'Patients see released reports only (never held ones or those entered in error); ' +
      'isNew marks those they have not opened. Staff roles: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ReportPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListResultsQuery,
  ): Promise<ReportPage> {
    return this.results.list(scope.patientId, query, scope.caller);
  }

  @Post('results')
  @Permit('results:write', { patientScoped: true })
  @RouteBodyLimit(CREATE_RESULT_BODY_LIMIT)
  @ApiOperation({
    operationId: 'createResult',
    summary: 'Record a test result report',
    description:
      'Codes and units are checked against the LOINC list; a missing reference range comes ' +
      'from the list and a missing interpretation from the range. The report is released at ' +
      'once or held for review, as the category’s release policy says; on release the ' +
      'patient gets an email that names no test or value. An attachment must be a PDF of at ' +
      'most 5 MB. Roles: provider, nurse.',
  })
  @ApiCreatedResponse({ type: ReportView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is missing or not valid' })
  @ApiPayloadTooLargeResponse({ type: Problem, description: 'The request is too large' })
  create(
    @CurrentPatient() scope: PatientScope,
    @Body() body: CreateResultRequest,
  ): Promise<ReportView> {
    return this.results.create(scope.patientId, body, scope.caller);
  }

  @Get('results/:reportId')
  @Permit('results:read', { patientScoped: true })
  @REPORT_ID
  @ApiOperation({
    operationId: 'getResult',
    summary: 'One test result report with its values',
    description:
      'A patient’s first look at a released report clears its “new” mark. Staff roles: ' +
      'provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ReportView })
  @ApiNotFoundResponse({ type: Problem, description: 'No such result for this patient' })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
  ): Promise<ReportView> {
    return this.results.get(scope.patientId, uuid(reportId), scope.caller);
  }

  @Get('results/:reportId/attachment')
  @Permit('results:read', { patientScoped: true })
  @REPORT_ID
  @ApiOperation({
    operationId: 'downloadResultAttachment',
    summary: 'The PDF attached to a report',
    description: 'Staff roles: provider, nurse, admin.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The PDF document',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse({ type: Problem, description: 'No such result, or it has no attachment' })
  async attachment(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.results.attachment(scope.patientId, uuid(reportId), scope.caller);
    const name = file.name.replace(/[^A-Za-z0-9._ -]/g, '_').slice(0, 200) || 'result.pdf';
    void reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${name}"`);
    return file.pdf;
  }

  @Post('results/:reportId/release')
  @HttpCode(200)
  @Permit('results:release', { patientScoped: true })
  @REPORT_ID
  @ApiOperation({
    operationId: 'releaseResult',
    summary: 'Release a held report to the patient',
    description:
      'The patient can then read it and gets an email that names no test or value. Send the ' +
      'version you reviewed. Role: provider.',
  })
  @ApiOkResponse({ type: ReportView })
  @ApiNotFoundResponse({ type: Problem, description: 'No such result for this patient' })
  @ApiConflictResponse({
    type: Problem,
    description: 'record_changed (stale version) or already_released',
  })
  release(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
    @Body() body: ReleaseResultRequest,
  ): Promise<ReportView> {
    return this.results.release(scope.patientId, uuid(reportId), body.version, scope.caller);
  }

  @Patch('results/:reportId/observations/:observationId')
  @Permit('results:write', { patientScoped: true })
  @REPORT_ID
  @OBSERVATION_ID
  @ApiOperation({
    operationId: 'updateObservation',
    summary: 'Correct a value',
    description:
      'The previous state is kept in the history; the value and its report are marked ' +
      'corrected (or entered-in-error, which hides it from the patient). Send the version you ' +
      'loaded and the reason. Roles: provider, nurse.',
  })
  @ApiOkResponse({ type: ObservationView })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is missing or not valid' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such value for this patient' })
  @ApiConflictResponse({ type: Problem, description: 'record_changed: stale version' })
  updateObservation(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
    @Param('observationId') observationId: string,
    @Body() body: UpdateObservationRequest,
  ): Promise<ObservationView> {
    return this.results.updateObservation(
      scope.patientId,
      uuid(reportId),
      uuid(observationId),
      body,
      scope.caller,
    );
  }

  @Get('results/:reportId/observations/:observationId/history')
  @Permit('records:history', { patientScoped: true })
  @REPORT_ID
  @OBSERVATION_ID
  @ApiOperation({
    operationId: 'getObservationHistory',
    summary: 'Earlier versions of a corrected value',
    description: 'Newest first, with who changed it and why. Staff roles: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: RevisionHistory })
  @ApiNotFoundResponse({ type: Problem, description: 'No such value for this patient' })
  history(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
    @Param('observationId') observationId: string,
  ): Promise<RevisionHistory> {
    return this.results.history(scope.patientId, uuid(reportId), uuid(observationId), scope.caller);
  }

  @Get('observations/trend')
  @Permit('results:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'getObservationTrend',
    summary: 'One test’s values over time',
    description:
      'The newest `limit` values, oldest first, with the list’s unit and adult range. ' +
      'Patients see released values only. Staff roles: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ObservationTrend })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  trend(
    @CurrentPatient() scope: PatientScope,
    @Query() query: TrendQuery,
  ): Promise<ObservationTrend> {
    return this.results.trend(scope.patientId, query, scope.caller);
  }

  @Get('vitals')
  @Permit('results:read', { patientScoped: true })
  @ApiOperation({
    operationId: 'listVitals',
    summary: 'A patient’s vital signs, newest first',
    description: 'Staff roles: provider, nurse, admin.',
  })
  @ApiOkResponse({ type: ObservationPage })
  @ApiBadRequestResponse({ type: Problem, description: 'A parameter is not valid' })
  listVitals(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListVitalsQuery,
  ): Promise<ObservationPage> {
    return this.results.listVitals(scope.patientId, query, scope.caller);
  }

  @Post('vitals')
  @Permit('results:write', { patientScoped: true })
  @ApiOperation({
    operationId: 'createVitalSigns',
    summary: 'Record vital signs',
    description:
      'LOINC vital-sign codes with their UCUM units; visible to the patient at once. Roles: ' +
      'provider, nurse.',
  })
  @ApiCreatedResponse({ type: ObservationList })
  @ApiBadRequestResponse({ type: Problem, description: 'A field is missing or not valid' })
  createVitals(
    @CurrentPatient() scope: PatientScope,
    @Body() body: CreateVitalSignsRequest,
  ): Promise<ObservationList> {
    return this.results.createVitals(scope.patientId, body, scope.caller);
  }
}

/** An id that is not a UUID names nothing: the same 404 as an unknown one. */
function uuid(id: string): string {
  if (!UUID_PATTERN.test(id)) throw new ResultNotFoundError();
  return id;
}
