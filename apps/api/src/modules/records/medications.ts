import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageOf } from '../../common/pager.js';
import {
  documented,
  presence,
  Rule,
  TextBlockField,
  TextField,
  VersionField,
} from '../../common/field-rules.js';
import { clean, notes, ref, text } from '../../common/fhir.js';
import { longDate, statusInWords } from '../../common/pdf-section.js';
import { TerminologyService } from '../terminology/terminology.service.js';
import {
  baseView,
  copy,
  DATE_KEY,
  sent,
  type BaseRow,
  type Columns,
  type PatientResource,
} from './patient-resource.js';
import {
  CodeField,
  creatable,
  DateField,
  EnumField,
  ReasonField,
  RecordListQueryWith,
  RecordViewBase,
} from './records.dto.js';
import { RecordNotFoundError } from './records.errors.js';

export const MEDICATION_STATUSES = ['active', 'stopped', 'entered-in-error'] as const;
export type MedicationStatus = (typeof MEDICATION_STATUSES)[number];
/** How the medication is taken (FHIR's common routes, in plain words). */
export const MEDICATION_ROUTES = [
  'oral',
  'sublingual',
  'inhaled',
  'nasal',
  'topical',
  'transdermal',
  'ophthalmic',
  'otic',
  'subcutaneous',
  'intramuscular',
  'intravenous',
  'rectal',
  'vaginal',
] as const;
export type MedicationRoute = (typeof MEDICATION_ROUTES)[number];
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const RXNORM_MESSAGE = 'Choose a medication from the list, like 314076 for lisinopril 10 mg.';
const MAX_REFILLS = 99;

/** A controlled substance (DEA schedule II–V): refills are never requested online. */
function ControlledField() {
  return applyDecorators(
    documented('optional', {
      type: Boolean,
      description:
        'A controlled substance: the patient is asked to call the clinic instead of requesting refills online. Default: false',
    }),
    ...presence('optional'),
    Rule('isControlled', (value) =>
      typeof value === 'boolean' ? null : 'Answer true or false for whether it is controlled.',
    ),
  );
}

function RefillsField() {
  return applyDecorators(
    documented('nullable', { type: 'integer', minimum: 0, maximum: MAX_REFILLS, example: 3 }),
    IsOptional(),
    Rule('isRefills', (value) =>
      Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_REFILLS
        ? null
        : `Enter the refills remaining as a whole number from 0 to ${MAX_REFILLS}.`,
    ),
  );
}

/** The fields a new medication and a correction share: each may be left out or cleared. */
class MedicationDetails {
  @TextField('nullable', 'the dose', 100, { example: '10 mg' })
  dose?: string | null;

  @EnumField('nullable', MEDICATION_ROUTES, 'MedicationRoute', 'the route')
  route?: MedicationRoute | null;

  @TextField('nullable', 'how often', 100, { example: 'Once a day' })
  frequency?: string | null;

  @TextBlockField('nullable', 'the instructions', 2000, {
    description: 'How to take it, for the patient',
  })
  instructions?: string | null;

  @TextField('nullable', 'the prescriber', 200, { example: 'Dr. Priya Shah' })
  prescriber?: string | null;

  @DateField('nullable', 'the end date', '2024-12-31', 'Not before the start date')
  endDate?: string | null;

  @RefillsField()
  refillsRemaining?: number | null;

  @DateField('nullable', 'the date last filled', '2024-05-01', 'Not in the future')
  lastFilledOn?: string | null;

  @TextField('nullable', 'the pharmacy', 200, { example: 'Main Street Pharmacy' })
  pharmacy?: string | null;

  @ControlledField()
  controlled?: boolean;
}

export class CreateMedicationRequest extends MedicationDetails {
  @CodeField('required', RXNORM_MESSAGE, '314076', 'An RxNorm code from the code list')
  rxnormCode: string;

  @DateField('required', 'the start date', '2024-03-01')
  startDate: string;

  @EnumField(
    'optional',
    creatable(MEDICATION_STATUSES),
    'NewMedicationStatus',
    'the status',
    'Default: active',
  )
  status?: MedicationStatus;
}

export class UpdateMedicationRequest extends MedicationDetails {
  @VersionField('record')
  version: number;

  @CodeField('optional', RXNORM_MESSAGE, '314076', 'An RxNorm code from the code list')
  rxnormCode?: string;

  @DateField('optional', 'the start date', '2024-03-01')
  startDate?: string;

  @EnumField('optional', MEDICATION_STATUSES, 'MedicationStatus', 'the status')
  status?: MedicationStatus;

  @ReasonField()
  reason?: string | null;
}

export class MedicationView extends RecordViewBase {
  @ApiProperty({ maxLength: 20, example: '314076' }) rxnormCode: string;
  @ApiProperty({ maxLength: 500, example: 'lisinopril 10 MG Oral Tablet' }) display: string;
  @ApiProperty({
    maxLength: 500,
    type: String,
    nullable: true,
    example: 'Lisinopril 10 mg tablet',
    description: 'An everyday name for the medication, when the display is a medical term',
  })
  plainName: string | null;
  @ApiProperty({ maxLength: 100, type: String, nullable: true, example: '10 mg' })
  dose: string | null;
  @ApiProperty({ enum: MEDICATION_ROUTES, enumName: 'MedicationRoute', nullable: true })
  route: MedicationRoute | null;
  @ApiProperty({ maxLength: 100, type: String, nullable: true, example: 'Once a day' })
  frequency: string | null;
  @ApiProperty({ maxLength: 2000, type: String, nullable: true }) instructions: string | null;
  @ApiProperty({ maxLength: 200, type: String, nullable: true, example: 'Dr. Priya Shah' })
  prescriber: string | null;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ enum: MEDICATION_STATUSES, enumName: 'MedicationStatus' })
  status: MedicationStatus;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_REFILLS, nullable: true })
  refillsRemaining: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lastFilledOn: string | null;
  @ApiProperty({ maxLength: 200, type: String, nullable: true }) pharmacy: string | null;
  @ApiProperty({
    description:
      'A controlled substance: refills are not requested online; the patient calls the clinic',
  })
  controlled: boolean;
}

export class MedicationPage extends PageOf(MedicationView) {}

export interface MedicationRow extends BaseRow {
  rxnorm_code: string;
  display: string;
  dose: string | null;
  route: MedicationRoute | null;
  frequency: string | null;
  instructions: string | null;
  prescriber: string | null;
  start_date: string;
  end_date: string | null;
  status: MedicationStatus;
  refills_remaining: number | null;
  last_filled_on: string | null;
  pharmacy: string | null;
  controlled: boolean;
}

const FIELDS = {
  dose: 'dose',
  route: 'route',
  frequency: 'frequency',
  instructions: 'instructions',
  prescriber: 'prescriber',
  startDate: 'start_date',
  endDate: 'end_date',
  status: 'status',
  refillsRemaining: 'refills_remaining',
  lastFilledOn: 'last_filled_on',
  pharmacy: 'pharmacy',
  controlled: 'controlled',
} as const;

/** FHIR MedicationRequest.status for ours. */
const FHIR_STATUS: Record<MedicationStatus, string> = {
  active: 'active',
  stopped: 'stopped',
  'entered-in-error': 'entered-in-error',
};

/** A patient's medication list, coded in RxNorm: entered and corrected by staff. */
export const MEDICATION: PatientResource<
  MedicationRow,
  MedicationView,
  CreateMedicationRequest,
  UpdateMedicationRequest
> = {
  table: 'medication',
  action: 'medication',
  notFound: () => new RecordNotFoundError('medication_not_found', 'medication'),
  statusColumn: 'status',
  sort: { column: 't.start_date', type: 'date', nullable: false },
  filterDate: 't.start_date',
  columns: () => `t.rxnorm_code, t.display, t.dose, t.route, t.frequency, t.instructions,
    t.prescriber, t.start_date::text AS start_date, t.end_date::text AS end_date, t.status,
    t.refills_remaining, t.last_filled_on::text AS last_filled_on, t.pharmacy, t.controlled,
    ${DATE_KEY('t.start_date')} AS sort_key`,
  toView: (row, forPatient) => ({
    ...baseView(row, forPatient),
    rxnormCode: row.rxnorm_code,
    display: row.display,
    plainName: TerminologyService.plainName('rxnorm', row.rxnorm_code),
    dose: row.dose,
    route: row.route,
    frequency: row.frequency,
    instructions: row.instructions,
    prescriber: row.prescriber,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    refillsRemaining: row.refills_remaining,
    lastFilledOn: row.last_filled_on,
    pharmacy: row.pharmacy,
    controlled: row.controlled,
  }),
  create: (body, ctx) => {
    const entry = ctx.code('rxnorm', body.rxnormCode, 'rxnormCode', RXNORM_MESSAGE);
    ctx.dates(
      [['lastFilledOn', body.lastFilledOn]],
      [['startDate', body.startDate, 'endDate', body.endDate ?? null]],
    );
    return {
      rxnorm_code: entry.code,
      display: entry.display,
      code_system_version: entry.version,
      ...Object.fromEntries(
        Object.values(FIELDS).map((column) => [column, null] as [string, unknown]),
      ),
      ...copy(body, FIELDS),
      status: body.status ?? 'active',
      controlled: body.controlled ?? false,
    };
  },
  update: (body, row, ctx) => {
    const changes: Columns = {};
    if (sent(body, 'rxnormCode')) {
      const entry = ctx.code('rxnorm', body.rxnormCode, 'rxnormCode', RXNORM_MESSAGE);
      Object.assign(changes, {
        rxnorm_code: entry.code,
        display: entry.display,
        code_system_version: entry.version,
      });
    }
    const start = body.startDate ?? row.start_date;
    const end = sent(body, 'endDate') ? (body.endDate ?? null) : row.end_date;
    ctx.dates([['lastFilledOn', body.lastFilledOn]], [['startDate', start, 'endDate', end]]);
    return Object.assign(changes, copy(body, FIELDS));
  },
  api: {
    path: 'medications',
    param: 'medicationId',
    singular: 'Medication',
    plural: 'Medications',
    noun: 'medication',
    nouns: 'medications',
    summary: 'A patient’s medications, coded in RxNorm',
    order: 'Newest first by start date; from and to filter on that date.',
    rules:
      'The medication must be in the RxNorm list; its display comes from the list. The end date is not before the start; the date last filled is not in the future.',
    listQuery: RecordListQueryWith(MEDICATION_STATUSES, 'MedicationStatus'),
    page: MedicationPage,
    view: MedicationView,
    create: CreateMedicationRequest,
    update: UpdateMedicationRequest,
  },
  pdf: {
    heading: 'Medications',
    none: 'No medications recorded.',
    columns: [
      { title: 'Medication', width: 160, wrap: true },
      { title: 'How to take', width: 140, wrap: true },
      { title: 'Since', width: 97 },
      { title: 'Status', width: 115, wrap: true },
    ],
    cells: (row) => [
      row.display,
      [row.dose, row.route, row.frequency].filter(Boolean).join(', '),
      longDate(row.start_date),
      row.status === 'stopped' && row.end_date
        ? `Stopped ${longDate(row.end_date)}`
        : statusInWords(row.status),
    ],
  },
  fhir: (row, { patientId }) => {
    const dosage = clean({
      text: [row.dose, row.route, row.frequency].filter(Boolean).join(', ') || undefined,
      patientInstruction: text(row.instructions),
      timing: row.frequency ? { code: { text: row.frequency } } : undefined,
      route: row.route ? { text: row.route } : undefined,
    });
    return [
      clean({
        resourceType: 'MedicationRequest',
        id: row.id,
        status: FHIR_STATUS[row.status],
        intent: 'order',
        medicationCodeableConcept: {
          coding: [{ system: RXNORM, code: row.rxnorm_code, display: row.display }],
          text: row.display,
        },
        subject: ref(patientId),
        authoredOn: row.recorded_at.toISOString(),
        requester: row.prescriber ? { display: row.prescriber } : undefined,
        dosageInstruction: Object.keys(dosage).length ? [dosage] : undefined,
        dispenseRequest: clean({
          validityPeriod: clean({ start: row.start_date, end: text(row.end_date) }),
          numberOfRepeatsAllowed: row.refills_remaining ?? undefined,
          performer: row.pharmacy ? { display: row.pharmacy } : undefined,
        }),
        note: notes(row.last_filled_on ? `Last filled ${row.last_filled_on}` : null),
      }),
    ];
  },
};
