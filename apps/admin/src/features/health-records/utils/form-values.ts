import type { CodeEntry } from '../api/types';
import type { FieldSpec } from './kinds';
import type { FieldName } from './labels';

/** What a record form holds while it is being filled in. */
export type FormValues = Record<string, string | CodeEntry | CodeEntry[] | null>;

function text(value: unknown): string {
  return value == null ? '' : String(value);
}

/** The form's starting values: empty for a new record, the record's own for a correction. */
export function initialValues(
  fields: readonly FieldSpec[],
  record?: Record<string, unknown>,
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const current = record?.[field.name];
    if (field.type === 'code') {
      values[field.name] =
        typeof current === 'string'
          ? { code: current, display: text(record?.['display']) || current }
          : null;
    } else if (field.type === 'codes') {
      values[field.name] = Array.isArray(current) ? (current as CodeEntry[]) : [];
    } else if (field.type === 'select') {
      values[field.name] = text(current) || (field.required ? (field.options[0] ?? '') : '');
    } else {
      values[field.name] = text(current);
    }
  }
  return values;
}

function wireValue(field: FieldSpec, value: FormValues[string] | undefined): unknown {
  switch (field.type) {
    case 'code':
      return (value as CodeEntry | null)?.code ?? null;
    case 'codes':
      return ((value ?? []) as CodeEntry[]).map((entry) => ({ code: entry.code }));
    case 'lines':
      return String(value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((description) => ({ description, status: field.itemStatus }));
    case 'number':
      return value == null || value === '' ? null : Number(value);
    default:
      return value == null || value === '' ? null : String(value).trim();
  }
}

/** Fields that must be filled and are not. */
export function missingFields(fields: readonly FieldSpec[], values: FormValues): FieldName[] {
  return fields
    .filter((field) => 'required' in field && field.required)
    .filter((field) => {
      const value = values[field.name];
      return value == null || (typeof value === 'string' && value.trim() === '');
    })
    .map((field) => field.name);
}

/** The body of a create call: every filled field (optional empty ones are left out). */
export function createBody(fields: readonly FieldSpec[], values: FormValues) {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = wireValue(field, values[field.name]);
    if (value !== null && !(Array.isArray(value) && value.length === 0 && field.type === 'lines')) {
      body[field.name] = value;
    }
  }
  return body;
}

/** The changed fields of a correction; an emptied optional field becomes null. */
export function changedFields(
  fields: readonly FieldSpec[],
  values: FormValues,
  original: FormValues,
) {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.type === 'lines') continue;
    const next = wireValue(field, values[field.name]);
    const before = wireValue(field, original[field.name]);
    if (JSON.stringify(next) !== JSON.stringify(before)) body[field.name] = next;
  }
  return body;
}

/** The form field a server error names: `diagnoses[0].code` → `diagnoses`. */
export function formFieldOf(serverField: string): string {
  return serverField.split(/[.[]/)[0] ?? serverField;
}
