import { DomainError, notFoundError, type FieldError } from '../../common/problem.js';

export class LedgerEntryNotFoundError extends notFoundError(
  'ledger_entry_not_found',
  'No such entry on this patient’s account.',
) {}

export class StatementNotFoundError extends notFoundError(
  'statement_not_found',
  'No such statement for this patient.',
) {}

export class EntryAlreadyReversedError extends DomainError {
  constructor() {
    super(
      409,
      'entry_already_reversed',
      'This entry was reversed already',
      'An entry is reversed once. Post a new entry if the correction itself was wrong.',
    );
  }
}

export class ReversalNotReversibleError extends DomainError {
  constructor() {
    super(
      422,
      'reversal_not_reversible',
      'A reversal cannot be reversed',
      'Post the entry again instead of reversing its reversal.',
    );
  }
}

export class WriteOffExceedsBalanceError extends DomainError {
  constructor(balance: string) {
    super(
      422,
      'write_off_exceeds_balance',
      'The write-off is more than is owed',
      `The account owes ${balance}; a write-off may forgive at most that.`,
      [{ field: 'amountMinor', message: `Write off at most ${balance}.` }],
    );
  }
}

export class RemittanceRejectedError extends DomainError {
  constructor(errors: FieldError[]) {
    super(
      422,
      'remittance_rejected',
      'The remittance file has rows that cannot be posted',
      `Nothing was posted. Correct the rows listed (${new Set(errors.map((e) => e.field.split('.')[1])).size} of them) and upload the whole file again.`,
      errors,
    );
  }
}

export class StatementPeriodNotOverError extends DomainError {
  constructor() {
    super(
      422,
      'statement_period_not_over',
      'The period has not ended',
      'Statements are issued for a period that has ended; choose an end day before today.',
      [{ field: 'periodEnd', message: 'Choose a day before today.' }],
    );
  }
}
