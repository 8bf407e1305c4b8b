import { DomainError, notFoundError } from '../../common/problem.js';

export class AppointmentNotFoundError extends notFoundError(
  'appointment_not_found',
  'No appointment was found with this id.',
) {}

/** Raised from the exclusion constraint's refusal, never only from a check made before. */
export class SlotTakenError extends DomainError {
  constructor() {
    super(
      409,
      'slot_taken',
      'That time is no longer available',
      'Someone else booked it a moment ago. Choose another time.',
    );
  }
}

export class AppointmentChangedError extends DomainError {
  constructor() {
    super(
      409,
      'appointment_changed',
      'This appointment was changed meanwhile',
      'Someone changed this appointment after it was loaded. Load it again, then try once more.',
    );
  }
}

export class InPastError extends DomainError {
  constructor() {
    super(422, 'in_past', 'That time has already passed', 'Choose a time later than now.', [
      { field: 'startsAt', message: 'Choose a time later than now.' },
    ]);
  }
}

export class BeyondHorizonError extends DomainError {
  constructor(days: number) {
    const detail = `Appointments can be booked online up to ${days} days ahead. For a later date, call the clinic.`;
    super(422, 'beyond_horizon', 'That time is too far ahead', detail, [
      { field: 'startsAt', message: detail },
    ]);
  }
}

export class OutsideHoursError extends DomainError {
  constructor() {
    const detail =
      'The provider does not see patients at this location at that time. Choose one of the open times.';
    super(422, 'outside_hours', 'The provider is not available then', detail, [
      { field: 'startsAt', message: detail },
    ]);
  }
}

export class TooManyBookingsError extends DomainError {
  constructor(max: number) {
    super(
      422,
      'too_many_bookings',
      'You already have the most upcoming appointments allowed online',
      `You can have up to ${max} upcoming appointments booked online at a time. Cancel one you no ` +
        'longer need, or call the clinic to book this one.',
    );
  }
}

export class OverlapsOwnAppointmentError extends DomainError {
  constructor(forPatient: boolean) {
    super(
      422,
      'overlaps_own_appointment',
      forPatient
        ? 'You already have an appointment at that time'
        : 'The patient already has an appointment at that time',
      forPatient
        ? 'This time overlaps another of your appointments. Choose another time.'
        : 'This time overlaps another appointment of this patient. Choose another time.',
      [{ field: 'startsAt', message: 'Choose a time that does not overlap another appointment.' }],
    );
  }
}

export class NotBookableOnlineError extends DomainError {
  constructor() {
    super(
      422,
      'not_bookable_online',
      'This kind of visit cannot be booked online',
      'Call the clinic to book this kind of visit.',
      [{ field: 'visitTypeId', message: 'Choose a kind of visit that can be booked online.' }],
    );
  }
}

export class ProviderDoesNotOfferVisitTypeError extends DomainError {
  constructor() {
    super(
      422,
      'provider_does_not_offer_visit_type',
      'This provider does not offer this kind of visit',
      'Choose another provider, or another kind of visit.',
      [{ field: 'providerId', message: 'Choose a provider who offers this kind of visit.' }],
    );
  }
}

export class NewPatientsOnlyError extends DomainError {
  constructor() {
    super(
      422,
      'new_patients_only',
      'This kind of visit is for new patients',
      'You have been seen here before, so choose a kind of visit for returning patients, or ' +
        'call the clinic.',
      [{ field: 'visitTypeId', message: 'Choose a kind of visit for returning patients.' }],
    );
  }
}

export class EstablishedPatientsOnlyError extends DomainError {
  constructor() {
    super(
      422,
      'established_patients_only',
      'This kind of visit is for returning patients',
      'It is for patients who have had a visit here before. Choose a kind of visit for new ' +
        'patients, or call the clinic.',
      [{ field: 'visitTypeId', message: 'Choose a kind of visit for new patients.' }],
    );
  }
}

export class InsideCutoffError extends DomainError {
  constructor(hours: number, location: { name: string; phone: string }) {
    super(
      422,
      'inside_cutoff',
      'It is too late to change this appointment online',
      `Appointments can be changed or cancelled online until ${hours} hours before they start. ` +
        `Please call ${location.name} at ${location.phone}.`,
    );
  }
}

const NOT_CHANGEABLE: Record<string, string> = {
  cancelled: 'It was already cancelled.',
  completed: 'The visit has already taken place.',
  'no-show': 'The visit time has passed and it was marked as missed.',
  arrived: 'The patient has already arrived for it.',
};

export class NotCancellableError extends DomainError {
  constructor(status: string) {
    super(
      422,
      'not_cancellable',
      'This appointment can no longer be changed',
      NOT_CHANGEABLE[status] ?? 'It can no longer be changed.',
    );
  }
}

export class StatusNotAllowedError extends DomainError {
  constructor(detail: string) {
    super(422, 'status_not_allowed', 'That status cannot be set now', detail, [
      { field: 'status', message: detail },
    ]);
  }
}
