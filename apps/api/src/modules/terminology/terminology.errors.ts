import { DomainError } from '../../common/problem.js';

export class CodeSystemNotFoundError extends DomainError {
  constructor() {
    super(
      404,
      'code_system_not_found',
      'Not found',
      'No code list has this name. Use icd10cm, cvx or loinc.',
    );
  }
}
