import { notFoundError } from '../../common/problem.js';

export class CodeSystemNotFoundError extends notFoundError(
  'code_system_not_found',
  'No code list has this name. Use icd10cm, cvx or loinc.',
) {}
