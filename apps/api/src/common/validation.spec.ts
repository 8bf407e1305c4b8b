import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from '@nestjs/common';
import { flattenValidationErrors } from './validation.js';

describe('flattenValidationErrors', () => {
  it('gives one entry per failed rule with dotted paths for nested fields', () => {
    const errors: ValidationError[] = [
      {
        property: 'username',
        constraints: { isString: 'username must be a string' },
        children: [],
      },
      {
        property: 'address',
        children: [
          {
            property: 'postalCode',
            constraints: { matches: 'postalCode is not valid' },
            children: [],
          },
        ],
      },
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'username', message: 'username must be a string' },
      { field: 'address.postalCode', message: 'postalCode is not valid' },
    ]);
  });
});
