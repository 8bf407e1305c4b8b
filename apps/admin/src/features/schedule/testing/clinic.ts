import {
  appointmentRecordFactory,
  availabilityRuleFactory,
  locationFactory,
  providerFactory,
  visitTypeFactory,
  type MockAppointmentRecord,
} from '@portal/api-mocks';
import { answer, page, signInStaff, type Answer } from '../../../testing/api';
import { patientFactory, problem } from '../../../testing/factories';

/** Monday 30 November 2026, 9:00 AM in New York: the clock every schedule test runs at. */
export const NOW = Date.parse('2026-11-30T14:00:00.000Z');

/** Freezes Date.now() (timers keep running, so user-event and MSW work as usual). */
export function freezeClock(now = NOW): void {
  jest.spyOn(Date, 'now').mockReturnValue(now);
}

/**
 * A small clinic: North Clinic in New York (tests run in UTC, so every time shown must be
 * converted), South Clinic in Chicago, Dr. Priya Patel at North on weekdays 9–5, two patients.
 */
export function clinicFixture() {
  const north = locationFactory({ name: 'North Clinic', timeZone: 'America/New_York' });
  const south = locationFactory({
    name: 'South Clinic',
    timeZone: 'America/Chicago',
    address: {
      line1: '9 South Street',
      city: 'Chicago',
      region: 'IL',
      postalCode: '60605',
      country: 'US',
    },
  });
  const followUp = visitTypeFactory({ name: 'Follow-up visit', durationMinutes: 30 });
  const newPatient = visitTypeFactory({ name: 'New patient visit', durationMinutes: 60 });
  const patel = providerFactory({
    displayName: 'Dr. Priya Patel',
    visitTypeIds: [followUp.id, newPatient.id],
    locationIds: [north.id],
  });
  const kim = providerFactory({
    displayName: 'Dr. Sam Kim',
    specialty: 'Pediatrics',
    visitTypeIds: [followUp.id],
    locationIds: [south.id],
  });
  const alex = patientFactory({ givenName: 'Alexandra', familyName: 'Rivera' });
  const jordan = patientFactory({
    givenName: 'Jordan',
    familyName: 'Lee',
    preferredName: null,
    dateOfBirth: '1990-06-01',
  });
  const rules = {
    [patel.id]: [1, 2, 3, 4, 5].map((weekday) =>
      availabilityRuleFactory({
        locationId: north.id,
        weekday,
        startTime: '09:00',
        endTime: '17:00',
      }),
    ),
    [kim.id]: [1, 3].map((weekday) =>
      availabilityRuleFactory({
        locationId: south.id,
        weekday,
        startTime: '08:00',
        endTime: '12:00',
      }),
    ),
  };
  /** Tuesday 1 December 2026, 9:30–10:00 AM EST. */
  const alexVisit = appointmentRecordFactory({
    patientId: alex.id,
    providerId: patel.id,
    locationId: north.id,
    visitTypeId: followUp.id,
    startsAt: '2026-12-01T14:30:00.000Z',
    endsAt: '2026-12-01T15:00:00.000Z',
    reason: 'Blood pressure check',
    createdAt: '2026-11-20T15:00:00.000Z',
  });
  return { north, south, followUp, newPatient, patel, kim, alex, jordan, rules, alexVisit };
}

export type Clinic = ReturnType<typeof clinicFixture>;

type Appointment = Answer<'getAppointment'>;
type ScheduleAppointment = Answer<'listSchedule'>['items'][number];
type OpenSlot = Answer<'findOpenSlots'>['items'][number];

/** An appointment of this clinic as the API answers with it (nested views, not ids). */
export function appointmentView(
  clinic: Clinic,
  record: MockAppointmentRecord,
  reminders: Appointment['reminders'] = [],
): Appointment {
  const provider = [clinic.patel, clinic.kim].find((p) => p.id === record.providerId)!;
  const type = [clinic.followUp, clinic.newPatient].find((v) => v.id === record.visitTypeId)!;
  const location = [clinic.north, clinic.south].find((l) => l.id === record.locationId)!;
  const changeableUntil = new Date(Date.parse(record.startsAt) - 24 * 3_600_000);
  const { reminders: _stated, ...rest } = record;
  return {
    ...rest,
    provider: { id: provider.id, displayName: provider.displayName, specialty: provider.specialty },
    location,
    visitType: { id: type.id, name: type.name, durationMinutes: type.durationMinutes },
    changeableUntil: changeableUntil.toISOString(),
    canChangeOnline: record.status === 'booked' && NOW < changeableUntil.getTime(),
    reminders: record.reminders ?? reminders,
  } as Appointment;
}

/** An appointment as the schedule lists it: the view plus who the patient is. */
export function scheduleView(clinic: Clinic, record: MockAppointmentRecord): ScheduleAppointment {
  const { reminders: _reminders, ...view } = appointmentView(clinic, record);
  const patient = [clinic.alex, clinic.jordan].find((p) => p.id === record.patientId)!;
  return {
    ...view,
    patient: {
      id: patient.id,
      displayName: `${patient.givenName} ${patient.familyName}`,
      mrn: patient.mrn,
    },
  } as ScheduleAppointment;
}

/** Open times of `minutes` each starting at these instants, with this provider at this place. */
export function openSlots(
  provider: Clinic['patel'],
  location: Clinic['north'],
  minutes: number,
  starts: string[],
): OpenSlot[] {
  return starts.map((startsAt) => {
    const start = Date.parse(startsAt);
    return {
      startsAt,
      endsAt: new Date(start + minutes * 60_000).toISOString(),
      provider: {
        id: provider.id,
        displayName: provider.displayName,
        specialty: provider.specialty,
      },
      location: { id: location.id, name: location.name, timeZone: location.timeZone },
      changeableUntil: new Date(start - 24 * 3_600_000).toISOString(),
      canChangeOnline: NOW < start - 24 * 3_600_000,
    };
  });
}

/**
 * Signs staff in and states the clinic's catalogue (locations, providers, visit types) and
 * its two patients; each test states the schedule answers it needs on top.
 */
export function answerClinic(roles: string[], clinic: Clinic, accountId?: string) {
  signInStaff(roles, { accountId });
  const patients = [clinic.alex, clinic.jordan];
  answer(
    'getPatient',
    ({ params }) =>
      patients.find((patient) => patient.id === params['patientId']) ??
      problem(404, 'patient_not_found', 'No patient was found with this id.'),
  );
  const searches = answer('searchPatients', ({ query }) =>
    page(query.get('query') === 'Lee' ? [clinic.jordan] : []),
  );
  answer('listLocations', page([clinic.north, clinic.south]));
  answer('listProviders', page([clinic.patel, clinic.kim]));
  answer('listVisitTypes', page([clinic.followUp, clinic.newPatient]));
  return { searches };
}
