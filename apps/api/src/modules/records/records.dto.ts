import { PageOf } from '../../common/pager.js';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { UUID_PATTERN } from '../../common/validation.js';
import {
  documented,
  IsCalendarDate,
  isCalendarDate,
  PageLimit,
  presence,
  Rule,
  TextBlockField,
  TextField,
  CursorField,
  VersionField,
  TextRule,
  type Presence,
} from '../../common/field-rules.js';

export const RECORD_LIMIT_MAX = 100;
const RECORD_LIMIT_DEFAULT = 20;
/** The earliest date a record may carry. */
export const EARLIEST_RECORD_DATE = '1900-01-01';
export const MAX_PLAN_ITEMS = 50;
export const MAX_VISIT_DIAGNOSES = 20;

export const CONDITION_STATUSES = [
  'active',
  'recurrence',
  'inactive',
  'remission',
  'resolved',
  'entered-in-error',
] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];
export const ALLERGY_CATEGORIES = ['food', 'medication', 'environment', 'biologic'] as const;
export type AllergyCategory = (typeof ALLERGY_CATEGORIES)[number];
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];
export const ALLERGY_STATUSES = ['active', 'inactive', 'resolved', 'entered-in-error'] as const;
export type AllergyStatus = (typeof ALLERGY_STATUSES)[number];
export const IMMUNIZATION_STATUSES = ['completed', 'not-done', 'entered-in-error'] as const;
export type ImmunizationStatus = (typeof IMMUNIZATION_STATUSES)[number];
export const VISIT_SUMMARY_STATUSES = ['final', 'amended', 'entered-in-error'] as const;
export type VisitSummaryStatus = (typeof VISIT_SUMMARY_STATUSES)[number];
export const CARE_PLAN_STATUSES = [
  'draft',
  'active',
  'on-hold',
  'completed',
  'revoked',
  'entered-in-error',
] as const;
export type CarePlanStatus = (typeof CARE_PLAN_STATUSES)[number];
export const GOAL_STATUSES = [
  'proposed',
  'in-progress',
  'achieved',
  'not-achieved',
  'cancelled',
] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const ACTIVITY_STATUSES = [
  'not-started',
  'scheduled',
  'in-progress',
  'completed',
  'cancelled',
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Statuses a new record may start in: entered-in-error is only ever a correction. */
export function creatable<T extends string>(
  values: readonly T[],
): Exclude<T, 'entered-in-error'>[] {
  return values.filter((value) => value !== 'entered-in-error') as Exclude<T, 'entered-in-error'>[];
}

/**
 * A calendar date, YYYY-MM-DD, from 1900 on. The "not in the future" check and the order of
 * two dates are made where the other value and the clock are known (the service).
 */
export function DateField(mode: Presence, label: string, example: string, description?: string) {
  return applyDecorators(
    documented(mode, { type: String, format: 'date', example, description }),
    ...presence(mode),
    Rule('isRecordDate', (value) => {
      if (!isCalendarDate(value)) return `Enter ${label} as YYYY-MM-DD, for example ${example}.`;
      return value < EARLIEST_RECORD_DATE
        ? `Enter ${label} on or after ${EARLIEST_RECORD_DATE}.`
        : null;
    }),
  );
}

export function EnumField(
  mode: Presence,
  values: readonly string[],
  enumName: string,
  label: string,
  description?: string,
) {
  return applyDecorators(
    documented(mode, { enum: values, enumName, description }),
    ...presence(mode),
    IsIn(values, { message: `Choose ${label} from: ${values.join(', ')}.` }),
  );
}

export function CodeField(mode: Presence, message: string, example: string, description: string) {
  return applyDecorators(
    documented(mode, { type: String, example, maxLength: 20, description }),
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim().toUpperCase() : value,
    ),
    ...presence(mode),
    TextRule({ missing: message, max: 20, tooLong: message }),
  );
}

function IdField(mode: Presence, message: string, description?: string) {
  return applyDecorators(
    documented(mode, { type: String, format: 'uuid', description }),
    ...presence(mode),
    IsUUID('all', { message }),
  );
}

export function ReasonField() {
  return TextBlockField('nullable', 'the reason for the correction', 500, {
    description: 'Why the record is corrected; kept in its history',
  });
}

/** A list of nested items, each validated, at most `max` of them. */
function ListField(
  mode: Presence,
  item: new () => object,
  max: number,
  label: string,
  description: string,
) {
  return applyDecorators(
    documented(mode, { type: item, isArray: true, maxItems: max, description }),
    ...presence(mode),
    Rule('isItemList', (value) => {
      if (!Array.isArray(value)) return `Send ${label} as a list.`;
      return value.length > max ? `Add at most ${max} ${label}.` : null;
    }),
    ValidateNested({ each: true, message: `Each of the ${label} must be an object.` }),
    Type(() => item),
  );
}

const CODE_MESSAGE = 'Choose a diagnosis code from the list, like I10.';
const CVX_MESSAGE = 'Choose a vaccine from the list, like 140 for the flu shot.';

// --- list queries ------------------------------------------------------------------------

export class RecordListQuery {
  @ApiPropertyOptional({ format: 'date', description: 'On or after this date' })
  @IsOptional()
  @IsCalendarDate('Enter the start of the range as YYYY-MM-DD, for example 2024-01-01.')
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'On or before this date' })
  @IsOptional()
  @IsCalendarDate('Enter the end of the range as YYYY-MM-DD, for example 2024-12-31.')
  to?: string;

  @PageLimit(RECORD_LIMIT_MAX, RECORD_LIMIT_DEFAULT)
  limit: number = RECORD_LIMIT_DEFAULT;

  @CursorField(300)
  cursor?: string;
}

/** The query of a record list with ?status= among `statuses`, `enumName` in the OpenAPI document. */
export function RecordListQueryWith<Status extends string>(
  statuses: readonly Status[],
  enumName: string,
) {
  class StatusListQuery extends RecordListQuery {
    @EnumField('optional', statuses, enumName, 'the status')
    status?: Status;
  }
  return StatusListQuery;
}

// --- requests ----------------------------------------------------------------------------

export class CreateConditionRequest {
  @CodeField('required', CODE_MESSAGE, 'E11.9', 'An ICD-10-CM code from the code list')
  code: string;

  @EnumField(
    'optional',
    creatable(CONDITION_STATUSES),
    'NewConditionStatus',
    'the status',
    'Default: active',
  )
  clinicalStatus?: ConditionStatus;

  @DateField('nullable', 'the onset date', '2021-06-01')
  onsetDate?: string | null;

  @DateField('nullable', 'the date it ended', '2023-02-15', 'Not before the onset date')
  abatementDate?: string | null;

  @TextBlockField('nullable', 'the note', 2000)
  note?: string | null;
}

export class UpdateConditionRequest {
  @VersionField('record')
  version: number;

  @CodeField('optional', CODE_MESSAGE, 'E11.9', 'An ICD-10-CM code from the code list')
  code?: string;

  @EnumField('optional', CONDITION_STATUSES, 'ConditionClinicalStatus', 'the status')
  clinicalStatus?: ConditionStatus;

  @DateField('nullable', 'the onset date', '2021-06-01')
  onsetDate?: string | null;

  @DateField('nullable', 'the date it ended', '2023-02-15', 'Not before the onset date')
  abatementDate?: string | null;

  @TextBlockField('nullable', 'the note', 2000)
  note?: string | null;

  @ReasonField()
  reason?: string | null;
}

export class CreateAllergyRequest {
  @TextField('required', 'the substance', 200, { example: 'Penicillin' })
  substance: string;

  @EnumField('required', ALLERGY_CATEGORIES, 'AllergyCategory', 'the category')
  category: AllergyCategory;

  @TextBlockField('nullable', 'the reaction', 500)
  reaction?: string | null;

  @EnumField('nullable', ALLERGY_SEVERITIES, 'AllergySeverity', 'the severity')
  severity?: AllergySeverity | null;

  @EnumField(
    'optional',
    creatable(ALLERGY_STATUSES),
    'NewAllergyStatus',
    'the status',
    'Default: active',
  )
  clinicalStatus?: AllergyStatus;

  @DateField('nullable', 'the onset date', '2010-05-01')
  onsetDate?: string | null;

  @TextBlockField('nullable', 'the note', 2000)
  note?: string | null;
}

export class UpdateAllergyRequest {
  @VersionField('record')
  version: number;

  @TextField('optional', 'the substance', 200, { example: 'Penicillin' })
  substance?: string;

  @EnumField('optional', ALLERGY_CATEGORIES, 'AllergyCategory', 'the category')
  category?: AllergyCategory;

  @TextBlockField('nullable', 'the reaction', 500)
  reaction?: string | null;

  @EnumField('nullable', ALLERGY_SEVERITIES, 'AllergySeverity', 'the severity')
  severity?: AllergySeverity | null;

  @EnumField('optional', ALLERGY_STATUSES, 'AllergyClinicalStatus', 'the status')
  clinicalStatus?: AllergyStatus;

  @DateField('nullable', 'the onset date', '2010-05-01')
  onsetDate?: string | null;

  @TextBlockField('nullable', 'the note', 2000)
  note?: string | null;

  @ReasonField()
  reason?: string | null;
}

function DoseNumberField() {
  return applyDecorators(
    documented('nullable', { type: 'integer', minimum: 1, maximum: 20, example: 1 }),
    IsOptional(),
    Rule('isDoseNumber', (value) =>
      Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 20
        ? null
        : 'Enter the dose number as a whole number from 1 to 20.',
    ),
  );
}

export class CreateImmunizationRequest {
  @CodeField('required', CVX_MESSAGE, '140', 'A CVX code from the code list')
  cvxCode: string;

  @DateField('required', 'the date given', '2024-10-01', 'Not in the future')
  occurredOn: string;

  @DoseNumberField()
  doseNumber?: number | null;

  @TextField('nullable', 'the dose', 50, { example: '0.5 mL' })
  doseQuantity?: string | null;

  @TextField('nullable', 'the site', 100, { example: 'Left deltoid' })
  site?: string | null;

  @TextField('nullable', 'the lot number', 50, { example: 'AB1234' })
  lotNumber?: string | null;

  @EnumField(
    'optional',
    creatable(IMMUNIZATION_STATUSES),
    'NewImmunizationStatus',
    'the status',
    'Default: completed',
  )
  status?: ImmunizationStatus;

  @TextBlockField('nullable', 'the note', 2000)
  note?: string | null;
}

export class UpdateImmunizationRequest {
  @VersionField('record')
  version: number;

  @CodeField('optional', CVX_MESSAGE, '140', 'A CVX code from the code list')
  cvxCode?: string;

  @DateField('optional', 'the date given', '2024-10-01', 'Not in the future')
  occurredOn?: string;

  @DoseNumberField()
  doseNumber?: number | null;

  @TextField('nullable', 'the dose', 50, { example: '0.5 mL' })
  doseQuantity?: string | null;

  @TextField('nullable', 'the site', 100, { example: 'Left deltoid' })
  site?: string | null;

  @TextField('nullable', 'the lot number', 50, { example: 'AB1234' })
  lotNumber?: string | null;

  @EnumField('optional', IMMUNIZATION_STATUSES, 'ImmunizationStatus', 'the status')
  status?: ImmunizationStatus;

  @TextBlockField('nullable', 'the note', 2000)
  note?: string | null;

  @ReasonField()
  reason?: string | null;
}

@ApiSchema({ name: 'VisitDiagnosisInput' })
export class DiagnosisInput {
  @CodeField('required', CODE_MESSAGE, 'I10', 'An ICD-10-CM code from the code list')
  code: string;
}

export class CreateVisitSummaryRequest {
  @DateField('required', 'the visit date', '2024-11-05', 'Not in the future')
  visitDate: string;

  @IdField('nullable', 'Choose a provider from the list.', 'Default: the appointment’s provider')
  providerId?: string | null;

  @IdField('nullable', 'Choose a location from the list.', 'Default: the appointment’s location')
  locationId?: string | null;

  @IdField('nullable', 'Choose one of this patient’s appointments.')
  appointmentId?: string | null;

  @ListField('optional', DiagnosisInput, MAX_VISIT_DIAGNOSES, 'diagnoses', 'ICD-10-CM codes')
  diagnoses?: DiagnosisInput[];

  @TextBlockField('required', 'the instructions', 10000, {
    description: 'What the patient should do after the visit',
  })
  instructions: string;

  @TextBlockField('nullable', 'the follow-up', 2000)
  followUp?: string | null;
}

export class UpdateVisitSummaryRequest {
  @VersionField('record')
  version: number;

  @DateField('optional', 'the visit date', '2024-11-05', 'Not in the future')
  visitDate?: string;

  @IdField('nullable', 'Choose a provider from the list.')
  providerId?: string | null;

  @IdField('nullable', 'Choose a location from the list.')
  locationId?: string | null;

  @IdField('nullable', 'Choose one of this patient’s appointments.')
  appointmentId?: string | null;

  @ListField('optional', DiagnosisInput, MAX_VISIT_DIAGNOSES, 'diagnoses', 'ICD-10-CM codes')
  diagnoses?: DiagnosisInput[];

  @TextBlockField('optional', 'the instructions', 10000)
  instructions?: string;

  @TextBlockField('nullable', 'the follow-up', 2000)
  followUp?: string | null;

  @EnumField(
    'optional',
    VISIT_SUMMARY_STATUSES,
    'VisitSummaryStatus',
    'the status',
    'Default: amended once a final summary is corrected',
  )
  status?: VisitSummaryStatus;

  @ReasonField()
  reason?: string | null;
}

@ApiSchema({ name: 'CarePlanGoalInput' })
export class GoalInput {
  @IdField(
    'optional',
    'Keep the id of an existing goal, or leave it out for a new one.',
    'An existing goal’s id; new goals get one',
  )
  id?: string;

  @TextBlockField('required', 'the goal', 500)
  description: string;

  @EnumField('required', GOAL_STATUSES, 'CarePlanGoalStatus', 'the goal’s status')
  status: GoalStatus;

  @TextField('nullable', 'the target', 200, { example: 'HbA1c below 7%' })
  target?: string | null;
}

@ApiSchema({ name: 'CarePlanActivityInput' })
export class ActivityInput {
  @IdField(
    'optional',
    'Keep the id of an existing activity, or leave it out for a new one.',
    'An existing activity’s id; new activities get one',
  )
  id?: string;

  @TextBlockField('required', 'the activity', 500)
  description: string;

  @EnumField('required', ACTIVITY_STATUSES, 'CarePlanActivityStatus', 'the activity’s status')
  status: ActivityStatus;
}

function ConditionIdsField(mode: Presence) {
  return applyDecorators(
    documented(mode, {
      type: [String],
      format: 'uuid',
      maxItems: MAX_PLAN_ITEMS,
      description: 'Conditions of this patient the plan addresses',
    }),
    ...presence(mode),
    Rule('isConditionIds', (value) =>
      Array.isArray(value) &&
      value.length <= MAX_PLAN_ITEMS &&
      value.every((id) => typeof id === 'string' && UUID_PATTERN.test(id))
        ? null
        : `Choose up to ${MAX_PLAN_ITEMS} conditions from this patient’s problem list.`,
    ),
  );
}

export class CreateCarePlanRequest {
  @TextField('required', 'the title', 200, { example: 'Diabetes care plan' })
  title: string;

  @TextBlockField('nullable', 'the description', 4000)
  description?: string | null;

  @EnumField(
    'optional',
    creatable(CARE_PLAN_STATUSES),
    'NewCarePlanStatus',
    'the status',
    'Default: active',
  )
  status?: CarePlanStatus;

  @DateField('required', 'the start date', '2024-01-15')
  periodStart: string;

  @DateField('nullable', 'the end date', '2024-12-31', 'Not before the start date')
  periodEnd?: string | null;

  @ConditionIdsField('optional')
  conditionIds?: string[];

  @ListField('optional', GoalInput, MAX_PLAN_ITEMS, 'goals', 'At most 50')
  goals?: GoalInput[];

  @ListField('optional', ActivityInput, MAX_PLAN_ITEMS, 'activities', 'At most 50')
  activities?: ActivityInput[];
}

export class UpdateCarePlanRequest {
  @VersionField('record')
  version: number;

  @TextField('optional', 'the title', 200, { example: 'Diabetes care plan' })
  title?: string;

  @TextBlockField('nullable', 'the description', 4000)
  description?: string | null;

  @EnumField('optional', CARE_PLAN_STATUSES, 'CarePlanStatus', 'the status')
  status?: CarePlanStatus;

  @DateField('optional', 'the start date', '2024-01-15')
  periodStart?: string;

  @DateField('nullable', 'the end date', '2024-12-31', 'Not before the start date')
  periodEnd?: string | null;

  @ConditionIdsField('optional')
  conditionIds?: string[];

  @ListField(
    'optional',
    GoalInput,
    MAX_PLAN_ITEMS,
    'goals',
    'Replaces the goals; send ids to keep them',
  )
  goals?: GoalInput[];

  @ListField(
    'optional',
    ActivityInput,
    MAX_PLAN_ITEMS,
    'activities',
    'Replaces the activities; send ids to keep them',
  )
  activities?: ActivityInput[];

  @ReasonField()
  reason?: string | null;
}

// --- responses ---------------------------------------------------------------------------

@ApiSchema({ name: 'RecordAuthor' })
export class RecordAuthorView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 400, example: 'Dr. Priya Shah' }) displayName: string;
}

/** Fields every medical-record view carries. */
export class RecordViewBase {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 2147483647,
    description: 'Send it back with a correction',
  })
  version: number;
  @ApiProperty({ description: 'It has been corrected since it was first recorded' })
  corrected: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    type: RecordAuthorView,
    nullable: true,
    description: 'Who recorded it (staff only; null for patients)',
  })
  recordedBy: RecordAuthorView | null;
}

export class ConditionView extends RecordViewBase {
  @ApiProperty({ maxLength: 64, example: 'E11.9' }) code: string;
  @ApiProperty({ maxLength: 500, example: 'Type 2 diabetes mellitus without complications' })
  display: string;
  @ApiProperty({
    maxLength: 500,
    type: String,
    nullable: true,
    example: 'Type 2 diabetes',
    description: 'An everyday name for the diagnosis, when the display is a medical term',
  })
  plainName: string | null;
  @ApiProperty({ enum: ['ICD-10-CM'] }) codeSystem: 'ICD-10-CM';
  @ApiProperty({ enum: CONDITION_STATUSES, enumName: 'ConditionClinicalStatus' })
  clinicalStatus: ConditionStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) onsetDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) abatementDate: string | null;
  @ApiProperty({ maxLength: 2000, type: String, nullable: true }) note: string | null;
}

export class AllergyView extends RecordViewBase {
  @ApiProperty({ maxLength: 200, example: 'Penicillin' }) substance: string;
  @ApiProperty({ enum: ALLERGY_CATEGORIES, enumName: 'AllergyCategory' })
  category: AllergyCategory;
  @ApiProperty({ maxLength: 500, type: String, nullable: true, example: 'Hives' }) reaction:
    string | null;
  @ApiProperty({ enum: ALLERGY_SEVERITIES, enumName: 'AllergySeverity', nullable: true })
  severity: AllergySeverity | null;
  @ApiProperty({ enum: ALLERGY_STATUSES, enumName: 'AllergyClinicalStatus' })
  clinicalStatus: AllergyStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) onsetDate: string | null;
  @ApiProperty({ maxLength: 2000, type: String, nullable: true }) note: string | null;
}

export class ImmunizationView extends RecordViewBase {
  @ApiProperty({ maxLength: 10, example: '140' }) cvxCode: string;
  @ApiProperty({ maxLength: 500, example: 'Influenza, seasonal, injectable, preservative free' })
  display: string;
  @ApiProperty({
    maxLength: 500,
    type: String,
    nullable: true,
    example: 'Flu shot',
    description: 'An everyday name for the vaccine, when the display is a medical term',
  })
  plainName: string | null;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 20, nullable: true }) doseNumber:
    number | null;
  @ApiProperty({ maxLength: 50, type: String, nullable: true, example: '0.5 mL' }) doseQuantity:
    string | null;
  @ApiProperty({ maxLength: 100, type: String, nullable: true, example: 'Left deltoid' }) site:
    string | null;
  @ApiProperty({ maxLength: 50, type: String, nullable: true }) lotNumber: string | null;
  @ApiProperty({ enum: IMMUNIZATION_STATUSES, enumName: 'ImmunizationStatus' })
  status: ImmunizationStatus;
  @ApiProperty({ maxLength: 2000, type: String, nullable: true }) note: string | null;
}

@ApiSchema({ name: 'VisitSummaryProvider' })
export class VisitSummaryProviderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 400, example: 'Dr. Priya Shah' }) displayName: string;
}

@ApiSchema({ name: 'VisitSummaryLocation' })
export class VisitSummaryLocationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200, example: 'Downtown Clinic' }) name: string;
}

export class CodedDiagnosis {
  @ApiProperty({ maxLength: 64, example: 'I10' }) code: string;
  @ApiProperty({ maxLength: 500, example: 'Essential (primary) hypertension' }) display: string;
}

export class VisitSummaryView extends RecordViewBase {
  @ApiProperty({ format: 'date' }) visitDate: string;
  @ApiProperty({ type: VisitSummaryProviderView, nullable: true })
  provider: VisitSummaryProviderView | null;
  @ApiProperty({ type: VisitSummaryLocationView, nullable: true })
  location: VisitSummaryLocationView | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appointmentId: string | null;
  @ApiProperty({ maxItems: 20, type: [CodedDiagnosis] }) diagnoses: CodedDiagnosis[];
  @ApiProperty({ maxLength: 10000 }) instructions: string;
  @ApiProperty({ maxLength: 2000, type: String, nullable: true }) followUp: string | null;
  @ApiProperty({ enum: VISIT_SUMMARY_STATUSES, enumName: 'VisitSummaryStatus' })
  status: VisitSummaryStatus;
}

@ApiSchema({ name: 'CarePlanCondition' })
export class CarePlanConditionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 64, example: 'E11.9' }) code: string;
  @ApiProperty({ maxLength: 500, example: 'Type 2 diabetes mellitus without complications' })
  display: string;
}

@ApiSchema({ name: 'CarePlanGoal' })
export class CarePlanGoalView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 4000 }) description: string;
  @ApiProperty({ enum: GOAL_STATUSES, enumName: 'CarePlanGoalStatus' }) status: GoalStatus;
  @ApiProperty({ maxLength: 200, type: String, nullable: true }) target: string | null;
}

@ApiSchema({ name: 'CarePlanActivity' })
export class CarePlanActivityView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 4000 }) description: string;
  @ApiProperty({ enum: ACTIVITY_STATUSES, enumName: 'CarePlanActivityStatus' })
  status: ActivityStatus;
}

export class CarePlanView extends RecordViewBase {
  @ApiProperty({ maxLength: 200, example: 'Diabetes care plan' }) title: string;
  @ApiProperty({ maxLength: 4000, type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: CARE_PLAN_STATUSES, enumName: 'CarePlanStatus' }) status: CarePlanStatus;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodEnd: string | null;
  @ApiProperty({ maxItems: 50, type: [CarePlanConditionView] }) conditions: CarePlanConditionView[];
  @ApiProperty({ maxItems: 50, type: [CarePlanGoalView] }) goals: CarePlanGoalView[];
  @ApiProperty({ maxItems: 50, type: [CarePlanActivityView] }) activities: CarePlanActivityView[];
}

export class ConditionPage extends PageOf(ConditionView) {}

export class AllergyPage extends PageOf(AllergyView) {}

export class ImmunizationPage extends PageOf(ImmunizationView) {}

export class VisitSummaryPage extends PageOf(VisitSummaryView) {}

export class CarePlanPage extends PageOf(CarePlanView) {}

@ApiSchema({ name: 'RecordRevision' })
export class RevisionView {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 2147483647,
    description: 'The version this snapshot was',
  })
  version: number;
  @ApiProperty({ format: 'date-time', description: 'When it was replaced' }) changedAt: string;
  @ApiProperty({ type: RecordAuthorView, nullable: true, description: 'Who replaced it' })
  changedBy: RecordAuthorView | null;
  @ApiProperty({ maxLength: 500, type: String, nullable: true }) reason: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The record as it was, in the form of its view',
  })
  snapshot: Record<string, unknown>;
}

export class RecordHistory {
  @ApiProperty({
    maxItems: 10000,
    type: [RevisionView],
    description: 'Earlier versions, newest first',
  })
  items: RevisionView[];
}
