import { Permit } from '../../common/permit.decorator.js';
import { Controller, Get, Param, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import { requestContext } from '../../common/principal.js';
import { Problem } from '../../common/problem.js';
import { HealthSummary, PdfQuery, RecordFhirQuery, RecordPdfQuery } from './record-export.dto.js';
import { RecordExportService, type RecordFile } from './record-export.service.js';

const PDF_RESPONSE = (what: string) =>
  ApiOkResponse({
    description: `${what} as a PDF, offered as a download`,
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  });

/** The record as a whole: the summary and the downloads. */
@ApiTags('health record')
@ApiUnauthorizedResponse({ type: Problem, description: 'Not signed in' })
@ApiForbiddenResponse({ type: Problem, description: 'The caller’s role may not do this' })
@Controller('v1/patients/:patientId')
export class RecordExportController {
  constructor(private readonly exports: RecordExportService) {}

  @Get('health-summary')
  @Permit('records:export', { patientScoped: true })
  @ApiOperation({
    operationId: 'getHealthSummary',
    summary: 'The summary of a patient’s record',
    description:
      'Active conditions and allergies, recent immunizations, the latest vital signs, recent ' +
      'results, active care plans and the last visit summary. Patients see released results ' +
      'only, and never entries entered in error. Patients read their own; staff roles: ' +
      'provider, nurse, admin.',
  })
  @ApiOkResponse({ type: HealthSummary })
  summary(
    @CurrentPatient() scope: PatientScope,
    @Req() request: FastifyRequest,
  ): Promise<HealthSummary> {
    return this.exports.summary(scope.patientId, accessor(scope, request));
  }

  @Get('health-record.pdf')
  @Permit('records:export', { patientScoped: true })
  @ApiOperation({
    operationId: 'downloadHealthRecordPdf',
    summary: 'The whole record as a PDF',
    description:
      'Conditions, allergies, immunizations, care plans, visit summaries, test results and ' +
      'vital signs (and secure messages with includeMessages=true), with the patient’s name, date of birth, the time it was made and page ' +
      'numbers on every page. Patients read their own; staff roles: provider, nurse, admin.',
  })
  @ApiProduces('application/pdf')
  @PDF_RESPONSE('The record')
  @ApiBadRequestResponse({ type: Problem, description: 'The time zone is not valid' })
  async recordPdf(
    @CurrentPatient() scope: PatientScope,
    @Query() query: RecordPdfQuery,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.recordPdf(
        scope.patientId,
        accessor(scope, request),
        query.timeZone,
        query.includeMessages === true,
      ),
      'application/pdf',
    );
  }

  @Get('results/:reportId/report.pdf')
  @Permit('records:export', { patientScoped: true })
  @ApiParam({ name: 'reportId', type: String, format: 'uuid' })
  @ApiOperation({
    operationId: 'downloadResultPdf',
    summary: 'One test result as a PDF',
    description:
      'The report with each value, unit, reference range and flag. Patients read their own ' +
      'released results; staff roles: provider, nurse, admin.',
  })
  @ApiProduces('application/pdf')
  @PDF_RESPONSE('The result')
  @ApiBadRequestResponse({ type: Problem, description: 'The time zone is not valid' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such result for this patient' })
  async resultPdf(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
    @Query() query: PdfQuery,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.resultPdf(
        scope.patientId,
        reportId,
        accessor(scope, request),
        query.timeZone,
      ),
      'application/pdf',
    );
  }

  @Get('visit-summaries/:visitSummaryId/summary.pdf')
  @Permit('records:export', { patientScoped: true })
  @ApiParam({ name: 'visitSummaryId', type: String, format: 'uuid' })
  @ApiOperation({
    operationId: 'downloadVisitSummaryPdf',
    summary: 'One visit summary as a PDF',
    description: 'Patients read their own; staff roles: provider, nurse, admin.',
  })
  @ApiProduces('application/pdf')
  @PDF_RESPONSE('The visit summary')
  @ApiBadRequestResponse({ type: Problem, description: 'The time zone is not valid' })
  @ApiNotFoundResponse({ type: Problem, description: 'No such visit summary for this patient' })
  async visitPdf(
    @CurrentPatient() scope: PatientScope,
    @Param('visitSummaryId') visitSummaryId: string,
    @Query() query: PdfQuery,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.visitPdf(
        scope.patientId,
        visitSummaryId,
        accessor(scope, request),
        query.timeZone,
      ),
      'application/pdf',
    );
  }

  @Get('health-record.fhir.json')
  @Permit('records:export', { patientScoped: true })
  @ApiOperation({
    operationId: 'downloadHealthRecordFhir',
    summary: 'The whole record as a FHIR R4 Bundle',
    description:
      'A Bundle of type collection: Patient, Condition (ICD-10-CM), AllergyIntolerance, ' +
      'Immunization (CVX), Observation (LOINC, UCUM), DiagnosticReport, Encounter (one per ' +
      'visit summary), CarePlan and Goal, and Communication (secure messages) with ' +
      'includeMessages=true. Patients get what they may see (released results, ' +
      'nothing entered in error); staff everything but entries entered in error. Staff roles: ' +
      'provider, nurse, admin.',
  })
  @ApiProduces('application/fhir+json')
  @ApiOkResponse({
    description: 'A FHIR R4 Bundle, offered as a download named health-record.fhir.json',
    content: {
      'application/fhir+json': { schema: { $ref: '#/components/schemas/FhirBundle' } },
    },
  })
  async recordFhir(
    @CurrentPatient() scope: PatientScope,
    @Query() query: RecordFhirQuery,
    @Req() request: FastifyRequest,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.recordFhir(
        scope.patientId,
        accessor(scope, request),
        query.includeMessages === true,
      ),
      'application/fhir+json',
    );
  }
}

function download(file: RecordFile, type: string): StreamableFile {
  return new StreamableFile(file.stream, {
    type,
    disposition: `attachment; filename="${file.fileName}"`,
  });
}

function accessor(scope: PatientScope, request: FastifyRequest) {
  return { principal: scope.principal, context: requestContext(request) };
}
