import type { FieldError } from '../../common/problem.js';
import { DomainError, notFoundError } from '../../common/problem.js';

export class ResultNotFoundError extends notFoundError(
  'result_not_found',
  'No test result was found with this id.',
) {}

export class ObservationNotFoundError extends notFoundError(
  'observation_not_found',
  'No value was found with this id.',
) {}

export class AttachmentNotFoundError extends notFoundError(
  'attachment_not_found',
  'This result has no attached document.',
) {}

export class RecordChangedError extends DomainError {
  constructor() {
    super(
      409,
      'record_changed',
      'This result was changed meanwhile',
      'Someone changed this result after it was loaded. Load it again, then try once more.',
    );
  }
}

export class AlreadyReleasedError extends DomainError {
  constructor() {
    super(409, 'already_released', 'Already released', 'The patient can already see this result.');
  }
}

export class ImportTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super(
      413,
      'import_too_large',
      'The file is too large',
      `Import files of at most ${Math.round(maxBytes / 1024 / 1024)} MB; split larger ones.`,
    );
  }
}

export class ImportRejectedError extends DomainError {
  constructor(errors: FieldError[], total: number) {
    super(
      400,
      'import_rejected',
      'The file was not imported',
      `Nothing was imported: ${total} ${total === 1 ? 'problem was' : 'problems were'} found` +
        (total > errors.length ? ` (the first ${errors.length} are listed)` : '') +
        '. Correct the file and import it again.',
      errors,
    );
  }
}
