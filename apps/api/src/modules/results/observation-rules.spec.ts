import { describe, expect, it } from '@jest/globals';
import type { FieldError } from '../../common/problem.js';
import { checkObservation, interpret, type LoincCatalog } from './observation-rules.js';

const catalog: LoincCatalog = {
  find: (code) =>
    code === '2345-7'
      ? {
          code,
          display: 'Glucose',
          version: '2.80',
          category: 'laboratory',
          panel: false,
          unit: 'mg/dL',
          referenceLow: 70,
          referenceHigh: 99,
        }
      : null,
  unitAllowed: (_code, unit) => unit === 'mg/dL' || unit === 'mmol/L',
  units: () => ['mg/dL', 'mmol/L'],
};

describe('interpret', () => {
  it('says L below the range, H above it and N inside, however far outside', () => {
    expect(interpret(69, 70, 99)).toBe('L');
    expect(interpret(100, 70, 99)).toBe('H');
    expect(interpret(70, 70, 99)).toBe('N');
    expect(interpret(30, 70, 99)).toBe('L');
    expect(interpret(200, 70, 99)).toBe('H');
    expect(interpret(250, null, 200)).toBe('H');
    expect(interpret(5, null, null)).toBeNull();
    expect(interpret(null, 70, 99)).toBeNull();
  });
});

describe('checkObservation', () => {
  it('fills the range from the list and interprets the value', () => {
    const errors: FieldError[] = [];
    const draft = checkObservation(
      { code: '2345-7', valueQuantity: 120, unit: 'mg/dL' },
      (name) => name,
      catalog,
      errors,
    );
    expect(errors).toEqual([]);
    expect(draft).toMatchObject({ referenceLow: 70, referenceHigh: 99, interpretation: 'H' });
  });

  it('names every problem with the caller’s field names', () => {
    const errors: FieldError[] = [];
    const draft = checkObservation(
      { code: '2345-7', valueQuantity: 'high', unit: 'kg', status: 'done' },
      (name) => `observations[2].${name}`,
      catalog,
      errors,
    );
    expect(draft).toBeNull();
    expect(errors.map((e) => e.field)).toEqual([
      'observations[2].valueQuantity',
      'observations[2].unit',
      'observations[2].status',
    ]);
  });

  it('needs a value, and a unit with a number', () => {
    const errors: FieldError[] = [];
    checkObservation({ code: '2345-7' }, (name) => name, catalog, errors);
    checkObservation({ code: '2345-7', valueQuantity: 1 }, (name) => name, catalog, errors);
    expect(errors.map((e) => e.field)).toEqual(['valueQuantity', 'unit']);
  });
});
