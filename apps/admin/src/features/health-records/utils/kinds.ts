import type { RecordKind } from '../api/records';
import type { CodeSystem } from '../api/types';
import type { FieldName, ValueName } from './labels';

/** One field of a record form; labels come from healthRecords.fields.<name>. */
export type FieldSpec =
  | { name: FieldName; type: 'code'; system: CodeSystem; required: true }
  | { name: FieldName; type: 'codes'; system: CodeSystem }
  | {
      name: FieldName;
      type: 'select';
      options: readonly ValueName[];
      required: boolean;
      /** Set by the API on creation; only a correction changes it. */
      editOnly?: boolean;
    }
  | { name: FieldName; type: 'date'; required: boolean }
  | { name: FieldName; type: 'text'; required: boolean; multiline?: boolean }
  | { name: FieldName; type: 'number'; required: false; min: number; max: number }
  /** One item a line, entered when the record is created (care plan goals, activities). */
  | { name: FieldName; type: 'lines'; itemStatus: string };

export interface KindSpec {
  kind: RecordKind;
  /** Field holding the status shown in the table and used by the filter. */
  statusField: 'clinicalStatus' | 'status';
  fields: readonly FieldSpec[];
}

const CLINICAL: ValueName[] = [
  'active',
  'recurrence',
  'inactive',
  'remission',
  'resolved',
  'entered-in-error',
];

const ROUTES: ValueName[] = [
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
];

export const KIND_SPECS: readonly KindSpec[] = [
  {
    kind: 'conditions',
    statusField: 'clinicalStatus',
    fields: [
      { name: 'code', type: 'code', system: 'icd10cm', required: true },
      { name: 'clinicalStatus', type: 'select', options: CLINICAL, required: true },
      { name: 'onsetDate', type: 'date', required: false },
      { name: 'abatementDate', type: 'date', required: false },
      { name: 'note', type: 'text', required: false, multiline: true },
    ],
  },
  {
    kind: 'allergies',
    statusField: 'clinicalStatus',
    fields: [
      { name: 'substance', type: 'text', required: true },
      {
        name: 'category',
        type: 'select',
        options: ['medication', 'food', 'environment', 'biologic'],
        required: true,
      },
      { name: 'reaction', type: 'text', required: false },
      {
        name: 'severity',
        type: 'select',
        options: ['mild', 'moderate', 'severe'],
        required: false,
      },
      {
        name: 'clinicalStatus',
        type: 'select',
        options: ['active', 'inactive', 'resolved', 'entered-in-error'],
        required: true,
      },
      { name: 'onsetDate', type: 'date', required: false },
      { name: 'note', type: 'text', required: false, multiline: true },
    ],
  },
  {
    kind: 'immunizations',
    statusField: 'status',
    fields: [
      { name: 'cvxCode', type: 'code', system: 'cvx', required: true },
      { name: 'occurredOn', type: 'date', required: true },
      { name: 'doseNumber', type: 'number', required: false, min: 1, max: 20 },
      { name: 'lotNumber', type: 'text', required: false },
      { name: 'site', type: 'text', required: false },
      {
        name: 'status',
        type: 'select',
        options: ['completed', 'not-done', 'entered-in-error'],
        required: true,
      },
      { name: 'note', type: 'text', required: false, multiline: true },
    ],
  },
  {
    kind: 'visit-summaries',
    statusField: 'status',
    fields: [
      { name: 'visitDate', type: 'date', required: true },
      { name: 'diagnoses', type: 'codes', system: 'icd10cm' },
      { name: 'instructions', type: 'text', required: true, multiline: true },
      { name: 'followUp', type: 'text', required: false },
      {
        name: 'status',
        type: 'select',
        options: ['final', 'amended', 'entered-in-error'],
        required: true,
        editOnly: true,
      },
    ],
  },
  {
    kind: 'care-plans',
    statusField: 'status',
    fields: [
      { name: 'title', type: 'text', required: true },
      { name: 'description', type: 'text', required: false, multiline: true },
      {
        name: 'status',
        type: 'select',
        options: ['draft', 'active', 'on-hold', 'completed', 'revoked', 'entered-in-error'],
        required: true,
      },
      { name: 'periodStart', type: 'date', required: true },
      { name: 'periodEnd', type: 'date', required: false },
      { name: 'goals', type: 'lines', itemStatus: 'proposed' },
      { name: 'activities', type: 'lines', itemStatus: 'not-started' },
    ],
  },
  {
    kind: 'medications',
    statusField: 'status',
    fields: [
      { name: 'rxnormCode', type: 'code', system: 'rxnorm', required: true },
      { name: 'dose', type: 'text', required: false },
      { name: 'route', type: 'select', options: ROUTES, required: false },
      { name: 'frequency', type: 'text', required: false },
      { name: 'instructions', type: 'text', required: false, multiline: true },
      { name: 'prescriber', type: 'text', required: false },
      { name: 'startDate', type: 'date', required: true },
      { name: 'endDate', type: 'date', required: false },
      {
        name: 'status',
        type: 'select',
        options: ['active', 'stopped', 'entered-in-error'],
        required: true,
      },
      { name: 'refillsRemaining', type: 'number', required: false, min: 0, max: 99 },
      { name: 'lastFilledOn', type: 'date', required: false },
      { name: 'pharmacy', type: 'text', required: false },
    ],
  },
];
