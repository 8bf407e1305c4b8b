import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { Rule } from '../../common/field-rules.js';
import { canonicalTimeZone, TIME_ZONE_MAX_LENGTH } from '../scheduling/catalog.dto.js';
import {
  AllergyView,
  CarePlanView,
  ConditionView,
  ImmunizationView,
  VisitSummaryView,
} from '../records/records.dto.js';
import { ObservationView, ReportSummary } from '../results/results.dto.js';

export class SummaryPatient {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 400, example: 'Alex Rivera' }) displayName: string;
  @ApiProperty({ format: 'date', example: '1968-04-12' }) dateOfBirth: string;
}

/** The summary shows each entry in the same view as its own list does. */
export class HealthSummary {
  @ApiProperty({ type: SummaryPatient }) patient: SummaryPatient;
  @ApiProperty({
    maxItems: 20,
    type: [ConditionView],
    description: 'Active conditions, at most 20',
  })
  activeConditions: ConditionView[];
  @ApiProperty({ maxItems: 20, type: [AllergyView], description: 'Active allergies, at most 20' })
  allergies: AllergyView[];
  @ApiProperty({ maxItems: 5, type: [ImmunizationView], description: 'The 5 most recent' })
  recentImmunizations: ImmunizationView[];
  @ApiProperty({
    maxItems: 10,
    type: [ObservationView],
    description: 'The newest measurement of each vital sign, at most 10',
  })
  latestVitals: ObservationView[];
  @ApiProperty({
    maxItems: 5,
    type: [ReportSummary],
    description: 'The 5 most recent reports (released ones only, for patients)',
  })
  recentResults: ReportSummary[];
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 2147483647,
    description: 'Released reports the patient has not opened yet (0 for staff)',
  })
  newResultsCount: number;
  @ApiProperty({ maxItems: 5, type: [CarePlanView], description: 'Active care plans, at most 5' })
  activeCarePlans: CarePlanView[];
  @ApiProperty({ type: VisitSummaryView, nullable: true })
  lastVisitSummary: VisitSummaryView | null;
}

/** The zone a downloaded PDF writes its times in: the reader's own, sent by the app. */
export class PdfQuery {
  @ApiPropertyOptional({
    maxLength: TIME_ZONE_MAX_LENGTH,
    example: 'America/Chicago',
    description:
      'IANA time zone for the times in the document (when it was made, when results were ' +
      'collected), usually the reader’s device zone; UTC when left out',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => canonicalTimeZone(value) ?? value)
  @Rule('isTimeZone', (value) =>
    canonicalTimeZone(value) === null ? 'Give a time zone like America/Chicago.' : null,
  )
  timeZone?: string;
}

function IncludeMessages() {
  return (target: object, property: string) => {
    ApiPropertyOptional({
      type: 'boolean',
      default: false,
      description:
        'true: add the patient’s secure messages with the care team (never the team’s internal notes); off unless asked',
    })(target, property);
    IsOptional()(target, property);
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    )(target, property);
    IsBoolean({ message: 'Send true or false.' })(target, property);
  };
}

/** The whole-record PDF: its zone, and whether messages are in it. */
export class RecordPdfQuery extends PdfQuery {
  @IncludeMessages() includeMessages?: boolean;
}

/** The whole-record FHIR Bundle: whether messages are in it (as Communication). */
export class RecordFhirQuery {
  @IncludeMessages() includeMessages?: boolean;
}
