import { DomainError, notFoundError } from '../../common/problem.js';

export class LocationNotFoundError extends notFoundError(
  'location_not_found',
  'No clinic location has this id.',
) {}

export class ProviderNotFoundError extends notFoundError(
  'provider_not_found',
  'No provider has this id.',
) {}

export class VisitTypeNotFoundError extends notFoundError(
  'visit_type_not_found',
  'No visit type that can be booked has this id.',
) {}

export class AvailabilityExceptionNotFoundError extends notFoundError(
  'availability_exception_not_found',
  'This provider has no time off or extra hours with this id.',
) {}

export class LocationNameTakenError extends DomainError {
  constructor() {
    super(
      409,
      'location_name_taken',
      'Name already used',
      'Another location already has this name.',
      [{ field: 'name', message: 'Another location already has this name. Choose another one.' }],
    );
  }
}

export class VisitTypeNameTakenError extends DomainError {
  constructor() {
    super(
      409,
      'visit_type_name_taken',
      'Name already used',
      'Another visit type already has this name.',
      [{ field: 'name', message: 'Another visit type already has this name. Choose another one.' }],
    );
  }
}

export class AccountAlreadyLinkedError extends DomainError {
  constructor() {
    super(
      409,
      'account_already_linked',
      'Account already linked',
      'This staff account already belongs to another provider.',
      [{ field: 'accountId', message: 'This staff account already belongs to another provider.' }],
    );
  }
}

export class AccountNotProviderError extends DomainError {
  constructor() {
    super(
      422,
      'account_not_provider',
      'Not a provider account',
      'Only a staff account with the provider role can be linked to a provider.',
      [{ field: 'accountId', message: 'Choose a staff account that has the provider role.' }],
    );
  }
}

export class UnknownVisitTypesError extends DomainError {
  constructor() {
    super(
      422,
      'visit_type_not_available',
      'Unknown visit type',
      'One or more of these visit types do not exist.',
      [{ field: 'visitTypeIds', message: 'Choose visit types from the list.' }],
    );
  }
}

/** A location named in a booking or in weekly hours is unknown or closed. */
export class LocationNotAvailableError extends DomainError {
  constructor(field = 'locationId') {
    super(
      422,
      'location_not_available',
      'Location not available',
      'This location does not exist or is closed.',
      [{ field, message: 'Choose an open location from the list.' }],
    );
  }
}

export class ProviderNotAvailableError extends DomainError {
  constructor() {
    super(
      422,
      'provider_not_available',
      'Provider not available',
      'This provider does not exist or is not seeing patients.',
      [{ field: 'providerId', message: 'Choose a provider from the list.' }],
    );
  }
}

export class VisitTypeNotAvailableError extends DomainError {
  constructor() {
    super(
      422,
      'visit_type_not_available',
      'Visit type not available',
      'This visit type does not exist or is no longer offered.',
      [{ field: 'visitTypeId', message: 'Choose a visit type from the list.' }],
    );
  }
}
