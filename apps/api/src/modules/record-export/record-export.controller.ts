import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { BINARY, Operation, type OperationSpec } from '../../common/operation.decorator.js';
import { CurrentPatient, type PatientScope } from '../../common/patient-scope.js';
import { HealthSummary, PdfQuery, RecordFhirQuery, RecordPdfQuery } from './record-export.dto.js';
import { RecordExportService, type RecordFile } from './record-export.service.js';

/** The success answer of a PDF download. */
function pdf(what: string): Pick<OperationSpec, 'returns' | 'returnsDescription'> {
  return {
    returns: { media: { 'application/pdf': BINARY } },
    returnsDescription: `${what} as a PDF, offered as a download`,
  };
}

/** The record as a whole: the summary and the downloads. */
@ApiTags('health record')
@Controller('v1/patients/:patientId')
export class RecordExportController {
  constructor(private readonly exports: RecordExportService) {}

  @Get('health-summary')
  @Operation({
    id: 'getHealthSummary',
    summary: 'The summary of a patient’s record',
    description:
      'Active conditions and allergies, recent immunizations, the latest vital signs, recent ' +
      'results, active care plans and the last visit summary. Patients see released results ' +
      'only, and never entries entered in error. Patients read their own; staff roles: ' +
      'provider, nurse, admin.',
    permit: 'records:export',
    patientScoped: true,
    returns: HealthSummary,
  })
  summary(@CurrentPatient() scope: PatientScope): Promise<HealthSummary> {
    return this.exports.summary(scope.patientId, scope.caller);
  }

  @Get('health-record.pdf')
  @Operation({
    id: 'downloadHealthRecordPdf',
    summary: 'The whole record as a PDF',
    description:
      'Conditions, allergies, immunizations, care plans, visit summaries, test results and ' +
      'vital signs (and secure messages with includeMessages=true), with the patient’s name, date of birth, the time it was made and page ' +
      'numbers on every page. Patients read their own; staff roles: provider, nurse, admin.',
    permit: 'records:export',
    patientScoped: true,
    ...pdf('The record'),
    problems: { 400: 'The time zone is not valid' },
  })
  async recordPdf(
    @CurrentPatient() scope: PatientScope,
    @Query() query: RecordPdfQuery,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.recordPdf(
        scope.patientId,
        scope.caller,
        query.timeZone,
        query.includeMessages === true,
      ),
      'application/pdf',
    );
  }

  @Get('results/:reportId/report.pdf')
  @Operation({
    id: 'downloadResultPdf',
    summary: 'One test result as a PDF',
    description:
      'The report with each value, unit, reference range and flag. Patients read their own ' +
      'released results; staff roles: provider, nurse, admin.',
    permit: 'records:export',
    patientScoped: true,
    ...pdf('The result'),
    uuidParams: ['reportId'],
    problems: { 400: 'The time zone is not valid', 404: 'No such result for this patient' },
  })
  async resultPdf(
    @CurrentPatient() scope: PatientScope,
    @Param('reportId') reportId: string,
    @Query() query: PdfQuery,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.resultPdf(scope.patientId, reportId, scope.caller, query.timeZone),
      'application/pdf',
    );
  }

  @Get('visit-summaries/:visitSummaryId/summary.pdf')
  @Operation({
    id: 'downloadVisitSummaryPdf',
    summary: 'One visit summary as a PDF',
    description: 'Patients read their own; staff roles: provider, nurse, admin.',
    permit: 'records:export',
    patientScoped: true,
    ...pdf('The visit summary'),
    uuidParams: ['visitSummaryId'],
    problems: { 400: 'The time zone is not valid', 404: 'No such visit summary for this patient' },
  })
  async visitPdf(
    @CurrentPatient() scope: PatientScope,
    @Param('visitSummaryId') visitSummaryId: string,
    @Query() query: PdfQuery,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.visitPdf(scope.patientId, visitSummaryId, scope.caller, query.timeZone),
      'application/pdf',
    );
  }

  @Get('health-record.fhir.json')
  @Operation({
    id: 'downloadHealthRecordFhir',
    summary: 'The whole record as a FHIR R4 Bundle',
    description:
      'A Bundle of type collection: Patient, Condition (ICD-10-CM), AllergyIntolerance, ' +
      'Immunization (CVX), Observation (LOINC, UCUM), DiagnosticReport, Encounter (one per ' +
      'visit summary), CarePlan and Goal, and Communication (secure messages) with ' +
      'includeMessages=true. Patients get what they may see (released results, ' +
      'nothing entered in error); staff everything but entries entered in error. Staff roles: ' +
      'provider, nurse, admin.',
    permit: 'records:export',
    patientScoped: true,
    returns: { media: { 'application/fhir+json': { $ref: '#/components/schemas/FhirBundle' } } },
    returnsDescription: 'A FHIR R4 Bundle, offered as a download named health-record.fhir.json',
  })
  async recordFhir(
    @CurrentPatient() scope: PatientScope,
    @Query() query: RecordFhirQuery,
  ): Promise<StreamableFile> {
    return download(
      await this.exports.recordFhir(scope.patientId, scope.caller, query.includeMessages === true),
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
