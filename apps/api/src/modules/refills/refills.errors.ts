import { DomainError, notFoundError } from '../../common/problem.js';
import { STATUS_WORDS, type RefillStatus } from './refills.rules.js';

export class RefillRequestNotFoundError extends notFoundError(
  'refill_request_not_found',
  'No such refill request was found.',
) {}

export class PharmacyNotFoundError extends notFoundError(
  'pharmacy_not_found',
  'No such pharmacy is in the directory.',
) {}

/** A medication that already has an open request: the answer names that request. */
export class RefillAlreadyRequestedError extends DomainError {
  constructor(
    readonly medicationId: string,
    readonly openRequestId: string,
    field: string,
  ) {
    super(
      409,
      'refill_already_requested',
      'A refill of this medication is already requested',
      `Refill request ${openRequestId} for this medication is still open. Follow it, or cancel it before asking again.`,
      [
        {
          field,
          message: `Already requested: refill request ${openRequestId} is open.`,
        },
      ],
    );
  }
}

export class ControlledSubstanceError extends DomainError {
  constructor(clinicPhone: string, field: string) {
    super(
      422,
      'controlled_substance',
      'Refills of this medication cannot be requested online',
      `This is a controlled substance. Call the clinic at ${clinicPhone} to ask for a refill.`,
      [{ field, message: `Call the clinic at ${clinicPhone} for this medication.` }],
    );
  }
}

export class MedicationStoppedError extends DomainError {
  constructor(field: string) {
    super(
      422,
      'medication_not_active',
      'This medication is not one you take now',
      'Only medications on your current list can be refilled. Message your care team about a stopped one.',
      [{ field, message: 'This medication is stopped.' }],
    );
  }
}

export class PharmacyRequiredError extends DomainError {
  constructor() {
    super(
      422,
      'pharmacy_required',
      'Choose a pharmacy',
      'Choose the pharmacy that should fill the prescription, or set a preferred pharmacy first.',
      [{ field: 'pharmacyId', message: 'Choose a pharmacy.' }],
    );
  }
}

/**
 * A move the request's state does not allow (approving a cancelled one), or one that lost
 * to another change made at the same time: the answer says the state it is in now.
 */
export class RefillStateConflictError extends DomainError {
  constructor(current: { status: RefillStatus; version: number }) {
    super(
      409,
      'refill_state_conflict',
      'This request has changed',
      `The request is now “${STATUS_WORDS[current.status]}” (status ${current.status}, version ${current.version}); it cannot be changed that way. Load it again.`,
    );
  }
}
