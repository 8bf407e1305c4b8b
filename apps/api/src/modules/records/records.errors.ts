import { DomainError } from '../../common/problem.js';

/** A record of this kind with this id does not exist for the patient (or is hidden from them). */
export class RecordNotFoundError extends DomainError {
  constructor(code: string, what: string) {
    super(404, code, 'Not found', `No ${what} was found with this id.`);
  }
}

/** A correction sent with a version other than the row's current one. */
export class RecordChangedError extends DomainError {
  constructor() {
    super(
      409,
      'record_changed',
      'This record was changed meanwhile',
      'Someone changed this record after it was loaded. Load it again, then make the correction once more.',
    );
  }
}
