import { DomainError, notFoundError } from '../../common/problem.js';

/**
 * A clinical read or change of a patient outside the caller's care relationship. The detail
 * says the way on: emergency access (POST /patients/{patientId}/emergency-access).
 */
export class CareRelationshipRequiredError extends DomainError {
  constructor() {
    super(
      403,
      'care_relationship_required',
      'This patient is not in your care',
      'This patient is not seen at any of your locations. If you need their clinical record ' +
        'for their care, you can use emergency access: give the reason, and you can open the ' +
        'record for a limited time. Emergency access is recorded and reviewed.',
    );
  }
}

export class EmergencyAccessNotFoundError extends notFoundError(
  'emergency_access_not_found',
  'No emergency access has this id.',
) {}

export class EmergencyAccessReviewedError extends DomainError {
  constructor() {
    super(
      409,
      'emergency_access_already_reviewed',
      'Already reviewed',
      'Someone has already marked this emergency access as reviewed.',
    );
  }
}

export class CannotReviewOwnEmergencyAccessError extends DomainError {
  constructor() {
    super(
      422,
      'cannot_review_own_emergency_access',
      'You cannot review your own emergency access',
      'Ask another administrator to review it.',
    );
  }
}
