/**
 * Query keys. Every appointment list and record of a patient sits under
 * ['patients', patientId, 'appointments'], so one invalidation after a change refreshes them
 * all (the home page's "next appointment" too); open times sit under ['scheduling', 'slots'].
 */
export const appointmentKeys = {
  all: (patientId: string) => ['patients', patientId, 'appointments'] as const,
  list: (patientId: string, when: 'upcoming' | 'past') =>
    [...appointmentKeys.all(patientId), 'list', when] as const,
  detail: (patientId: string, appointmentId: string) =>
    [...appointmentKeys.all(patientId), 'detail', appointmentId] as const,
};

export const schedulingKeys = {
  visitTypes: ['scheduling', 'visit-types'] as const,
  providers: (visitTypeId: string) => ['scheduling', 'providers', visitTypeId] as const,
  locations: ['scheduling', 'locations'] as const,
  allSlots: ['scheduling', 'slots'] as const,
};
