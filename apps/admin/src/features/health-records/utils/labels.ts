import type en from '../../../locales/en.json';

type Words = (typeof en)['healthRecords'];

/** Record fields that have a label. */
export type FieldName = keyof Words['fields'];
/** Status, category and severity values that have words. */
export type ValueName = keyof Words['values'];

/**
 * The key of a value that comes from the API as a plain string; a value the words do not
 * know yet is shown as it is (pass it as defaultValue).
 */
export function valueKey(value: string) {
  return `healthRecords.values.${value}` as `healthRecords.values.${ValueName}`;
}

export function flagKey(value: string) {
  return `healthRecords.flags.${value}` as `healthRecords.flags.${keyof Words['flags']}`;
}
