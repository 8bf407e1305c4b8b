import { PageOf } from '../../common/pager.js';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import {
  CursorField,
  documented,
  IsCalendarDate,
  PageLimit,
  presence,
  type Presence,
  Rule,
  TextField,
  TextRule,
  trimmed,
  VersionField,
} from '../../common/field-rules.js';
import {
  INTERPRETATIONS,
  NEW_RESULT_STATUSES,
  OBSERVATION_CATEGORIES,
  REPORT_CATEGORIES,
  RESULT_STATUSES,
  type Interpretation,
  type ObservationCategory,
  type ReportCategory,
  type ResultStatus,
} from './observation-rules.js';

export const RESULTS_LIMIT_MAX = 100;
const RESULTS_LIMIT_DEFAULT = 20;
export const TREND_LIMIT_MAX = 500;
const TREND_LIMIT_DEFAULT = 100;
export const RELEASE_MODES = ['immediate', 'review'] as const;
export type ReleaseMode = (typeof RELEASE_MODES)[number];
export const RELEASE_STATES = ['held', 'released'] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];
export const IMPORT_FORMATS = ['csv', 'fhir'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** The largest import file, counted in UTF-8 bytes of `content`. */
export const IMPORT_CONTENT_MAX_BYTES = 4 * 1024 * 1024;
/** The largest PDF attached to a report. */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/**
 * The most observations one report can hold: 200 when entered, and what a 4 MB import fits
 * (a CSV line takes at least 35 bytes).
 */
export const REPORT_OBSERVATIONS_MAX = 120_000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const LOINC_CODE = /^\d{1,7}-\d$/;

/** True for an ISO 8601 date and time with a zone (Z or an offset) that names a real instant. */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

function InstantField(label: string, description: string) {
  const message = `Enter ${label} as a date and time in ISO 8601 form, like 2026-03-01T08:30:00Z.`;
  return applyDecorators(
    ApiProperty({ type: String, format: 'date-time', description }),
    Rule('isInstant', (value) => (isInstant(value) ? null : message)),
  );
}

function NumberField(mode: Presence, label: string, description?: string) {
  return applyDecorators(
    documented(mode, { type: Number, description }),
    ...presence(mode),
    Rule('isFiniteNumber', (value) =>
      typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1e12
        ? null
        : `Enter ${label} as a number.`,
    ),
  );
}

function LoincField(mode: Presence, description: string) {
  return applyDecorators(
    documented(mode, { type: String, maxLength: 10, example: '2345-7', description }),
    trimmed(mode === 'nullable'),
    ...presence(mode),
    TextRule({
      missing: 'Enter a LOINC code, like 2345-7.',
      max: 10,
      pattern: LOINC_CODE,
      badPattern: 'Enter a LOINC code, like 2345-7.',
    }),
  );
}

/** true/false in a query string. */
function QueryFlag(description: string) {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    IsOptional(),
    Rule('isBoolean', (value) => (typeof value === 'boolean' ? null : 'Choose true or false.')),
  );
}

class PageQuery {
  @PageLimit(RESULTS_LIMIT_MAX, RESULTS_LIMIT_DEFAULT)
  limit: number = RESULTS_LIMIT_DEFAULT;

  @CursorField(200)
  cursor?: string;
}

class DateRangeQuery extends PageQuery {
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: 'From this day (UTC), inclusive',
  })
  @IsOptional()
  @IsCalendarDate('Enter the first day as YYYY-MM-DD, like 2026-01-31.')
  from?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description: 'Up to this day (UTC), inclusive',
  })
  @IsOptional()
  @IsCalendarDate('Enter the last day as YYYY-MM-DD, like 2026-01-31.')
  to?: string;
}

// --- requests ----------------------------------------------------------------------------

export class ListResultsQuery extends DateRangeQuery {
  @ApiPropertyOptional({ enum: REPORT_CATEGORIES, enumName: 'ResultCategory' })
  @IsOptional()
  @IsIn(REPORT_CATEGORIES, { message: `Choose a category: ${REPORT_CATEGORIES.join(', ')}.` })
  category?: ReportCategory;

  @QueryFlag('true: only reports with an abnormal value')
  abnormal?: boolean;
}

export class ListVitalsQuery extends DateRangeQuery {
  @LoincField('optional', 'Only this vital sign')
  code?: string;
}

export class TrendQuery {
  @LoincField('required', 'The test to follow over time')
  code: string;

  @PageLimit(TREND_LIMIT_MAX, TREND_LIMIT_DEFAULT)
  limit: number = TREND_LIMIT_DEFAULT;
}

export class ReviewQueueQuery extends PageQuery {}

/**
 * One observation of a new result. Checked in the service against the LOINC list (codes,
 * units, ranges), so every problem is named like observations[2].unit.
 */
export class ObservationInput {
  @ApiProperty({ maxLength: 10, example: '2345-7', description: 'LOINC code' }) code: string;
  @ApiPropertyOptional({ type: Number, description: 'A numeric result (or valueText)' })
  valueQuantity?: number;
  @ApiPropertyOptional({ maxLength: 2000, description: 'A text result (or valueQuantity)' })
  valueText?: string;
  @ApiPropertyOptional({
    maxLength: 30,
    example: 'mg/dL',
    description: 'UCUM unit, one the list allows',
  })
  unit?: string;
  @ApiPropertyOptional({ type: Number, description: 'Default: the list’s adult range' })
  referenceLow?: number;
  @ApiPropertyOptional({ type: Number, description: 'Default: the list’s adult range' })
  referenceHigh?: number;
  @ApiPropertyOptional({ maxLength: 200 }) referenceText?: string;
  @ApiPropertyOptional({
    enum: INTERPRETATIONS,
    enumName: 'Interpretation',
    description: 'Default: worked out from the value and the range',
  })
  interpretation?: Interpretation;
  @ApiPropertyOptional({ enum: NEW_RESULT_STATUSES, default: 'final' })
  status?: ResultStatus;
}

function ObservationInputs(max: number) {
  return applyDecorators(
    ApiProperty({ type: [ObservationInput], minItems: 1, maxItems: max }),
    Rule('isObservationList', (value) =>
      Array.isArray(value) &&
      value.length >= 1 &&
      value.length <= max &&
      value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
        ? null
        : `Send from 1 to ${max} observations.`,
    ),
  );
}

export class AttachmentInput {
  @TextField('required', 'the file name', 200, { example: 'lipid-panel.pdf' })
  name: string;

  @ApiProperty({
    type: String,
    format: 'byte',
    maxLength: Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4,
    description: 'The PDF, base64-encoded; at most 5 MB, starting with %PDF-',
  })
  @TextRule({
    missing: 'Attach the PDF, base64-encoded.',
    max: Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4,
    tooLong: 'Attach a PDF of at most 5 MB.',
    pattern: /^[A-Za-z0-9+/]*={0,2}$/,
    badPattern: 'Send the PDF base64-encoded.',
  })
  contentBase64: string;
}

export class CreateResultRequest {
  @ApiProperty({ enum: REPORT_CATEGORIES, enumName: 'ResultCategory' })
  @IsIn(REPORT_CATEGORIES, { message: `Choose a category: ${REPORT_CATEGORIES.join(', ')}.` })
  category: ReportCategory;

  @LoincField('nullable', 'LOINC code of the panel or study, like 24331-1')
  code?: string | null;

  @TextField('required', 'the title of the report', 200, { example: 'Lipid panel' })
  title: string;

  @ApiProperty({ enum: NEW_RESULT_STATUSES })
  @IsIn(NEW_RESULT_STATUSES, { message: 'Choose a status: preliminary or final.' })
  status: ResultStatus;

  @InstantField('when the sample was taken', 'When the sample was taken or the study done')
  effectiveAt: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Choose the ordering provider from the list.' })
  orderingProviderId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 20000 })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && value.trim() === '' ? null : value,
  )
  @IsOptional()
  @TextRule({ missing: 'Write the narrative as text.', max: 20000 })
  narrative?: string | null;

  @ApiPropertyOptional({ type: AttachmentInput })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttachmentInput)
  attachment?: AttachmentInput;

  @ObservationInputs(200)
  observations: Record<string, unknown>[];
}

export class VitalSignInput {
  @ApiProperty({ maxLength: 10, example: '8867-4', description: 'LOINC code of a vital sign' })
  code: string;
  @ApiProperty({ type: Number }) valueQuantity: number;
  @ApiProperty({ maxLength: 30, example: '/min' }) unit: string;
}

export class CreateVitalSignsRequest {
  @InstantField('when they were measured', 'When the vital signs were measured')
  effectiveAt: string;

  @ApiProperty({ type: [VitalSignInput], minItems: 1, maxItems: 20 })
  @Rule('isVitalList', (value) =>
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= 20 &&
    value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
      ? null
      : 'Send from 1 to 20 vital signs.',
  )
  observations: Record<string, unknown>[];
}

export class UpdateObservationRequest {
  @VersionField('observation')
  version: number;

  @NumberField('nullable', 'the value')
  valueQuantity?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @TextRule({ missing: 'Write the result as text.', max: 2000 })
  valueText?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 30, example: 'mg/dL' })
  @IsOptional()
  @TextRule({ missing: 'Enter the unit, like mg/dL.', max: 30 })
  unit?: string | null;

  @NumberField('nullable', 'the low end of the range')
  referenceLow?: number | null;

  @NumberField('nullable', 'the high end of the range')
  referenceHigh?: number | null;

  @ApiPropertyOptional({ enum: INTERPRETATIONS, enumName: 'Interpretation', nullable: true })
  @IsOptional()
  @IsIn(INTERPRETATIONS, { message: `Choose an interpretation: ${INTERPRETATIONS.join(', ')}.` })
  interpretation?: Interpretation | null;

  @ApiPropertyOptional({
    enum: ['corrected', 'entered-in-error'],
    description: 'Default: corrected. entered-in-error withdraws the value.',
  })
  @IsOptional()
  @IsIn(['corrected', 'entered-in-error'], { message: 'Choose corrected or entered-in-error.' })
  status?: 'corrected' | 'entered-in-error';

  @TextField('required', 'why the value is corrected', 500)
  reason: string;
}

export class ReleaseResultRequest {
  @VersionField('report')
  version: number;
}

export class ReleasePolicyInput {
  @ApiProperty({ enum: REPORT_CATEGORIES, enumName: 'ResultCategory' })
  @IsIn(REPORT_CATEGORIES, { message: `Choose a category: ${REPORT_CATEGORIES.join(', ')}.` })
  category: ReportCategory;

  @ApiProperty({ enum: RELEASE_MODES, enumName: 'ReleaseMode' })
  @IsIn(RELEASE_MODES, { message: 'Choose immediate or review.' })
  mode: ReleaseMode;
}

export class UpdateReleasePolicyRequest {
  @ApiProperty({ type: [ReleasePolicyInput], minItems: 1, maxItems: 3 })
  @Rule('isPolicyList', (value) =>
    Array.isArray(value) && value.length >= 1 && value.length <= REPORT_CATEGORIES.length
      ? null
      : 'Send one mode for each category to change.',
  )
  @ValidateNested({ each: true })
  @Type(() => ReleasePolicyInput)
  items: ReleasePolicyInput[];
}

export class ImportResultsRequest {
  @ApiProperty({ enum: IMPORT_FORMATS, enumName: 'ResultImportFormat' })
  @IsIn(IMPORT_FORMATS, { message: 'Choose csv or fhir.' })
  format: ImportFormat;

  @TextField('nullable', 'the file name', 200, { example: 'results-2026-03-01.csv' })
  fileName?: string | null;

  @ApiProperty({
    maxLength: IMPORT_CONTENT_MAX_BYTES,
    type: String,
    description:
      'The file’s text: CSV with the header mrn,report_code,report_title,effective_at,' +
      'loinc_code,value,unit,reference_low,reference_high,interpretation,status, or a FHIR R4 ' +
      'Bundle (JSON) of DiagnosticReport and Observation resources. At most 4 MB.',
  })
  @Rule('isImportContent', (value) =>
    typeof value === 'string' && value.trim() !== '' ? null : 'Paste or upload the file’s content.',
  )
  content: string;
}

// --- answers -----------------------------------------------------------------------------

export class PersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 400 }) displayName: string;
}

export class ObservationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId: string | null;
  @ApiProperty({ enum: OBSERVATION_CATEGORIES, enumName: 'ObservationCategory' })
  category: ObservationCategory;
  @ApiProperty({ maxLength: 64, example: '2345-7' }) code: string;
  @ApiProperty({ maxLength: 500, example: 'Glucose [Mass/volume] in Serum or Plasma' })
  display: string;
  @ApiProperty({
    maxLength: 500,
    type: String,
    nullable: true,
    example: 'Blood sugar',
    description: 'An everyday name for the test, when the display is a medical term',
  })
  plainName: string | null;
  @ApiProperty({ type: Number, nullable: true }) valueQuantity: number | null;
  @ApiProperty({ maxLength: 2000, type: String, nullable: true }) valueText: string | null;
  @ApiProperty({ maxLength: 30, type: String, nullable: true }) unit: string | null;
  @ApiProperty({ type: Number, nullable: true }) referenceLow: number | null;
  @ApiProperty({ type: Number, nullable: true }) referenceHigh: number | null;
  @ApiProperty({ maxLength: 200, type: String, nullable: true }) referenceText: string | null;
  @ApiProperty({ enum: INTERPRETATIONS, enumName: 'Interpretation', nullable: true })
  interpretation: Interpretation | null;
  @ApiProperty({ description: 'Outside the reference range (interpretation other than N)' })
  abnormal: boolean;
  @ApiProperty({ enum: RESULT_STATUSES, enumName: 'ResultStatus' }) status: ResultStatus;
  @ApiProperty({ description: 'Changed since it was first recorded' }) corrected: boolean;
  @ApiProperty({ format: 'date-time' }) effectiveAt: string;
  @ApiProperty() version: number;
}

export class ObservationList {
  @ApiProperty({ maxItems: 100, type: [ObservationView] }) items: ObservationView[];
}

export class ObservationPage extends PageOf(ObservationView) {}

export class ReportSummary {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ enum: REPORT_CATEGORIES, enumName: 'ResultCategory' }) category: ReportCategory;
  @ApiProperty({ maxLength: 64, type: String, nullable: true }) code: string | null;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ enum: RESULT_STATUSES, enumName: 'ResultStatus' }) status: ResultStatus;
  @ApiProperty({ format: 'date-time' }) effectiveAt: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty() abnormal: boolean;
  @ApiProperty({ description: 'Released and not yet opened by the patient; false for staff' })
  isNew: boolean;
  @ApiProperty({ enum: RELEASE_STATES, enumName: 'ReleaseState' }) releaseState: ReleaseState;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: string | null;
  @ApiProperty({ type: PersonRef, nullable: true }) orderingProvider: PersonRef | null;
  @ApiProperty() observationCount: number;
  @ApiProperty() hasAttachment: boolean;
  @ApiProperty() corrected: boolean;
  @ApiProperty() version: number;
}

export class ReportView extends ReportSummary {
  @ApiProperty({ maxLength: 20000, type: String, nullable: true }) narrative: string | null;
  @ApiProperty({ maxLength: 200, type: String, nullable: true }) attachmentName: string | null;
  @ApiProperty({ maxItems: REPORT_OBSERVATIONS_MAX, type: [ObservationView] })
  observations: ObservationView[];
}

export class ReportPage extends PageOf(ReportSummary) {}

export class TrendPoint {
  @ApiProperty({ format: 'uuid' }) observationId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId: string | null;
  @ApiProperty({ format: 'date-time' }) effectiveAt: string;
  @ApiProperty({ type: Number, nullable: true }) valueQuantity: number | null;
  @ApiProperty({ maxLength: 30, type: String, nullable: true }) unit: string | null;
  @ApiProperty({ enum: INTERPRETATIONS, enumName: 'Interpretation', nullable: true })
  interpretation: Interpretation | null;
  @ApiProperty() abnormal: boolean;
  @ApiProperty({ enum: RESULT_STATUSES, enumName: 'ResultStatus' }) status: ResultStatus;
}

export class ObservationTrend {
  @ApiProperty({ maxLength: 64 }) code: string;
  @ApiProperty({ maxLength: 500 }) display: string;
  @ApiProperty({ maxLength: 500, type: String, nullable: true, example: 'Blood sugar' }) plainName:
    string | null;
  @ApiProperty({ maxLength: 30, type: String, nullable: true }) unit: string | null;
  @ApiProperty({ type: Number, nullable: true }) referenceLow: number | null;
  @ApiProperty({ type: Number, nullable: true }) referenceHigh: number | null;
  @ApiProperty({
    maxItems: 500,
    type: [TrendPoint],
    description: 'Oldest first: the newest `limit` values',
  })
  points: TrendPoint[];
}

export class PatientRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 400 }) displayName: string;
  @ApiProperty({ maxLength: 64 }) mrn: string;
}

class WithPatient {
  @ApiProperty({ type: PatientRef }) patient: PatientRef;
}

export class ReviewItem extends IntersectionType(ReportSummary, WithPatient) {}

export class ReviewQueuePage extends PageOf(ReviewItem) {
  @ApiProperty({ description: 'Held reports in all' }) total: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  oldestIssuedAt: string | null;
}

export class ReleasePolicyItem {
  @ApiProperty({ enum: REPORT_CATEGORIES, enumName: 'ResultCategory' }) category: ReportCategory;
  @ApiProperty({ enum: RELEASE_MODES, enumName: 'ReleaseMode' }) mode: ReleaseMode;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ReleasePolicy {
  @ApiProperty({ maxItems: 3, type: [ReleasePolicyItem] }) items: ReleasePolicyItem[];
}

export class RevisionView {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 2147483647 }) version: number;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
  @ApiProperty({ type: PersonRef, nullable: true }) changedBy: PersonRef | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The state before' })
  snapshot: Record<string, unknown>;
}

export class RevisionHistory {
  @ApiProperty({ maxItems: 10000, type: [RevisionView] }) items: RevisionView[];
}

export class ImportSummary {
  @ApiProperty({ format: 'uuid' }) importId: string;
  @ApiProperty() reports: number;
  @ApiProperty() observations: number;
  @ApiProperty() patients: number;
}

// How results are read and shown, for the modules that present the record whole.
export {
  reportSelect,
  toObservationView,
  toReportSummary,
  type ObservationRow,
  type ReportRow,
  type StoredObservation,
} from './result-rows.js';
