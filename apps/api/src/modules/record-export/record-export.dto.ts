import { ApiProperty } from '@nestjs/swagger';

/** Someone named in the record: a staff account or a provider. */
export class RecordPersonRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Dr. Priya Shah' }) displayName: string;
}

export class RecordLocationRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Riverside Family Clinic – Main Street' }) name: string;
}

/** Fields every record entry carries. */
export class RecordEntryBase {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version: number;
  @ApiProperty({ description: 'True once the entry has been corrected (version > 1)' })
  corrected: boolean;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    type: RecordPersonRef,
    nullable: true,
    description: 'Who recorded it: for staff only, always null for patients',
  })
  recordedBy: RecordPersonRef | null;
}

export class SummaryCondition extends RecordEntryBase {
  @ApiProperty({ example: 'I10' }) code: string;
  @ApiProperty({ example: 'Essential (primary) hypertension' }) display: string;
  @ApiProperty({ enum: ['ICD-10-CM'] }) codeSystem: 'ICD-10-CM';
  @ApiProperty({
    enum: ['active', 'recurrence', 'inactive', 'remission', 'resolved', 'entered-in-error'],
  })
  clinicalStatus: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) onsetDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) abatementDate: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class SummaryAllergy extends RecordEntryBase {
  @ApiProperty({ example: 'Penicillin' }) substance: string;
  @ApiProperty({ enum: ['food', 'medication', 'environment', 'biologic'] }) category: string;
  @ApiProperty({ type: String, nullable: true, example: 'Hives' }) reaction: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['mild', 'moderate', 'severe'] })
  severity: string | null;
  @ApiProperty({ enum: ['active', 'inactive', 'resolved', 'entered-in-error'] })
  clinicalStatus: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) onsetDate: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class SummaryImmunization extends RecordEntryBase {
  @ApiProperty({ example: '158' }) cvxCode: string;
  @ApiProperty({ example: 'Influenza, injectable, quadrivalent' }) display: string;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiProperty({ type: 'integer', nullable: true }) doseNumber: number | null;
  @ApiProperty({ type: String, nullable: true, example: '0.5 mL' }) doseQuantity: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Left arm' }) site: string | null;
  @ApiProperty({ type: String, nullable: true }) lotNumber: string | null;
  @ApiProperty({ enum: ['completed', 'not-done', 'entered-in-error'] }) status: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class SummaryDiagnosis {
  @ApiProperty({ example: 'I10' }) code: string;
  @ApiProperty({ example: 'Essential (primary) hypertension' }) display: string;
}

export class SummaryVisit extends RecordEntryBase {
  @ApiProperty({ format: 'date' }) visitDate: string;
  @ApiProperty({ type: RecordPersonRef, nullable: true }) provider: RecordPersonRef | null;
  @ApiProperty({ type: RecordLocationRef, nullable: true }) location: RecordLocationRef | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) appointmentId: string | null;
  @ApiProperty({ type: [SummaryDiagnosis] }) diagnoses: SummaryDiagnosis[];
  @ApiProperty() instructions: string;
  @ApiProperty({ type: String, nullable: true }) followUp: string | null;
  @ApiProperty({ enum: ['final', 'amended', 'entered-in-error'] }) status: string;
}

export class SummaryCarePlanCondition {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'I10' }) code: string;
  @ApiProperty() display: string;
}

export class SummaryGoal {
  @ApiProperty() id: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['proposed', 'in-progress', 'achieved', 'not-achieved', 'cancelled'] })
  status: string;
  @ApiProperty({ type: String, nullable: true, example: 'Below 130/80 mmHg' })
  target: string | null;
}

export class SummaryActivity {
  @ApiProperty() id: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['not-started', 'scheduled', 'in-progress', 'completed', 'cancelled'] })
  status: string;
}

export class SummaryCarePlan extends RecordEntryBase {
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({
    enum: ['draft', 'active', 'on-hold', 'completed', 'revoked', 'entered-in-error'],
  })
  status: string;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) periodEnd: string | null;
  @ApiProperty({ type: [SummaryCarePlanCondition] }) conditions: SummaryCarePlanCondition[];
  @ApiProperty({ type: [SummaryGoal] }) goals: SummaryGoal[];
  @ApiProperty({ type: [SummaryActivity] }) activities: SummaryActivity[];
}

export class SummaryObservation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) reportId: string | null;
  @ApiProperty({ enum: ['laboratory', 'vital-signs'] }) category: string;
  @ApiProperty({ example: '8480-6', description: 'LOINC code' }) code: string;
  @ApiProperty({ example: 'Systolic blood pressure' }) display: string;
  @ApiProperty({ type: Number, nullable: true }) valueQuantity: number | null;
  @ApiProperty({ type: String, nullable: true }) valueText: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'mm[Hg]', description: 'UCUM unit' })
  unit: string | null;
  @ApiProperty({ type: Number, nullable: true }) referenceLow: number | null;
  @ApiProperty({ type: Number, nullable: true }) referenceHigh: number | null;
  @ApiProperty({ type: String, nullable: true }) referenceText: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['N', 'L', 'H', 'LL', 'HH', 'A', 'AA'] })
  interpretation: string | null;
  @ApiProperty() abnormal: boolean;
  @ApiProperty({ enum: ['preliminary', 'final', 'corrected', 'entered-in-error'] })
  status: string;
  @ApiProperty() corrected: boolean;
  @ApiProperty({ format: 'date-time' }) effectiveAt: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

export class SummaryReport {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) patientId: string;
  @ApiProperty({ enum: ['laboratory', 'imaging', 'other'] }) category: string;
  @ApiProperty({ type: String, nullable: true, example: '24331-1' }) code: string | null;
  @ApiProperty({ example: 'Lipid panel' }) title: string;
  @ApiProperty({ enum: ['preliminary', 'final', 'corrected', 'entered-in-error'] })
  status: string;
  @ApiProperty({ format: 'date-time' }) effectiveAt: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty() abnormal: boolean;
  @ApiProperty({ description: 'Released and not yet opened by the patient; false for staff' })
  isNew: boolean;
  @ApiProperty({ enum: ['held', 'released'] }) releaseState: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: string | null;
  @ApiProperty({ type: RecordPersonRef, nullable: true })
  orderingProvider: RecordPersonRef | null;
  @ApiProperty({ type: 'integer' }) observationCount: number;
  @ApiProperty() hasAttachment: boolean;
  @ApiProperty() corrected: boolean;
}

export class SummaryPatient {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Alex Rivera' }) displayName: string;
  @ApiProperty({ format: 'date', example: '1968-04-12' }) dateOfBirth: string;
}

export class HealthSummary {
  @ApiProperty({ type: SummaryPatient }) patient: SummaryPatient;
  @ApiProperty({ type: [SummaryCondition], description: 'Active conditions, at most 20' })
  activeConditions: SummaryCondition[];
  @ApiProperty({ type: [SummaryAllergy], description: 'Active allergies, at most 20' })
  allergies: SummaryAllergy[];
  @ApiProperty({ type: [SummaryImmunization], description: 'The 5 most recent' })
  recentImmunizations: SummaryImmunization[];
  @ApiProperty({
    type: [SummaryObservation],
    description: 'The newest measurement of each vital sign, at most 10',
  })
  latestVitals: SummaryObservation[];
  @ApiProperty({
    type: [SummaryReport],
    description: 'The 5 most recent reports (released ones only, for patients)',
  })
  recentResults: SummaryReport[];
  @ApiProperty({
    type: 'integer',
    description: 'Released reports the patient has not opened yet (0 for staff)',
  })
  newResultsCount: number;
  @ApiProperty({ type: [SummaryCarePlan], description: 'Active care plans, at most 5' })
  activeCarePlans: SummaryCarePlan[];
  @ApiProperty({ type: SummaryVisit, nullable: true }) lastVisitSummary: SummaryVisit | null;
}
