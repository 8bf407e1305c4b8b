import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  BINARY,
  INVALID_BODY,
  INVALID_QUERY,
  Operation,
} from '../../common/operation.decorator.js';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
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

/** A 5 MB PDF grows by a third in base64, plus the rest of the report. */
const CREATE_RESULT_BODY_LIMIT = 8 * 1024 * 1024;
const NO_RESULT = 'No such result for this patient';
const NO_VALUE = 'No such value for this patient';

/** A patient's test results and vital signs: the patient themself, and clinical staff. */
@ApiTags('results')
@Controller('v1/patients/:patientId')
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  @Get('results')
  @Operation({
    id: 'listResults',
    summary: 'A patient’s test result reports, newest first',
    description:
      'Patients see released reports only (never held ones or those entered in error); ' +
      'isNew marks those they have not opened. Staff roles: provider, nurse, admin.',
    permit: 'results:read',
    patientScoped: true,
    returns: ReportPage,
    problems: { 400: INVALID_QUERY },
  })
  list(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListResultsQuery,
  ): Promise<ReportPage> {
    return this.results.list(scope.patientId, query, scope.caller);
  }

  @Post('results')
  @RouteBodyLimit(CREATE_RESULT_BODY_LIMIT)
  @Operation({
    id: 'createResult',
    summary: 'Record a test result report',
    description:
      'Codes and units are checked against the LOINC list; a missing reference range comes ' +
      'from the list and a missing interpretation from the range. The report is released at ' +
      'once or held for review, as the category’s release policy says; on release the ' +
      'patient gets an email that names no test or value. An attachment must be a PDF of at ' +
      'most 5 MB. Roles: provider, nurse.',
    permit: 'results:write',
    patientScoped: true,
    status: 201,
    returns: ReportView,
    problems: { 400: INVALID_BODY, 413: 'The request is too large' },
  })
  create(
    @CurrentPatient() scope: PatientScope,
    @Body() body: CreateResultRequest,
  ): Promise<ReportView> {
    return this.results.create(scope.patientId, body, scope.caller);
  }

  @Get('results/:reportId')
  @Operation({
    id: 'getResult',
    summary: 'One test result report with its values',
    description:
      'A patient’s first look at a released report clears its “new” mark. Staff roles: ' +
      'provider, nurse, admin.',
    permit: 'results:read',
    patientScoped: true,
    returns: ReportView,
    uuidParams: ['reportId'],
    problems: { 404: NO_RESULT },
  })
  get(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
  ): Promise<ReportView> {
    return this.results.get(scope.patientId, uuid(reportId), scope.caller);
  }

  @Get('results/:reportId/attachment')
  @Operation({
    id: 'downloadResultAttachment',
    summary: 'The PDF attached to a report',
    description: 'Staff roles: provider, nurse, admin.',
    permit: 'results:read',
    patientScoped: true,
    returns: { media: { 'application/pdf': BINARY } },
    returnsDescription: 'The PDF document',
    uuidParams: ['reportId'],
    problems: { 404: 'No such result, or it has no attachment' },
  })
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
  @Operation({
    id: 'releaseResult',
    summary: 'Release a held report to the patient',
    description:
      'The patient can then read it and gets an email that names no test or value. Send the ' +
      'version you reviewed. Role: provider.',
    permit: 'results:release',
    patientScoped: true,
    status: 200,
    returns: ReportView,
    uuidParams: ['reportId'],
    problems: { 404: NO_RESULT, 409: 'record_changed (stale version) or already_released' },
  })
  release(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
    @Body() body: ReleaseResultRequest,
  ): Promise<ReportView> {
    return this.results.release(scope.patientId, uuid(reportId), body.version, scope.caller);
  }

  @Patch('results/:reportId/observations/:observationId')
  @Operation({
    id: 'updateObservation',
    summary: 'Correct a value',
    description:
      'The previous state is kept in the history; the value and its report are marked ' +
      'corrected (or entered-in-error, which hides it from the patient). Send the version you ' +
      'loaded and the reason. Roles: provider, nurse.',
    permit: 'results:write',
    patientScoped: true,
    returns: ObservationView,
    uuidParams: ['reportId', 'observationId'],
    problems: { 400: INVALID_BODY, 404: NO_VALUE, 409: 'record_changed: stale version' },
  })
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
  @Operation({
    id: 'getObservationHistory',
    summary: 'Earlier versions of a corrected value',
    description: 'Newest first, with who changed it and why. Staff roles: provider, nurse, admin.',
    permit: 'records:history',
    patientScoped: true,
    returns: RevisionHistory,
    uuidParams: ['reportId', 'observationId'],
    problems: { 404: NO_VALUE },
  })
  history(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
    @Param('observationId') observationId: string,
  ): Promise<RevisionHistory> {
    return this.results.history(scope.patientId, uuid(reportId), uuid(observationId), scope.caller);
  }

  @Get('observations/trend')
  @Operation({
    id: 'getObservationTrend',
    summary: 'One test’s values over time',
    description:
      'The newest `limit` values, oldest first, with the list’s unit and adult range. ' +
      'Patients see released values only. Staff roles: provider, nurse, admin.',
    permit: 'results:read',
    patientScoped: true,
    returns: ObservationTrend,
    problems: { 400: INVALID_QUERY },
  })
  trend(
    @CurrentPatient() scope: PatientScope,
    @Query() query: TrendQuery,
  ): Promise<ObservationTrend> {
    return this.results.trend(scope.patientId, query, scope.caller);
  }

  @Get('vitals')
  @Operation({
    id: 'listVitals',
    summary: 'A patient’s vital signs, newest first',
    description: 'Staff roles: provider, nurse, admin.',
    permit: 'results:read',
    patientScoped: true,
    returns: ObservationPage,
    problems: { 400: INVALID_QUERY },
  })
  listVitals(
    @CurrentPatient() scope: PatientScope,
    @Query() query: ListVitalsQuery,
  ): Promise<ObservationPage> {
    return this.results.listVitals(scope.patientId, query, scope.caller);
  }

  @Post('vitals')
  @Operation({
    id: 'createVitalSigns',
    summary: 'Record vital signs',
    description:
      'LOINC vital-sign codes with their UCUM units; visible to the patient at once. Roles: ' +
      'provider, nurse.',
    permit: 'results:write',
    patientScoped: true,
    status: 201,
    returns: ObservationList,
    problems: { 400: INVALID_BODY },
  })
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
