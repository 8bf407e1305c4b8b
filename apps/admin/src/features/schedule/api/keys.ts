/** Query keys of this feature; mutations invalidate by these prefixes. */
export const scheduleKeys = {
  all: ['schedule'] as const,
  locations: () => [...scheduleKeys.all, 'locations'] as const,
  providers: () => [...scheduleKeys.all, 'providers'] as const,
  visitTypes: () => [...scheduleKeys.all, 'visit-types'] as const,
  calendars: () => [...scheduleKeys.all, 'calendar'] as const,
  availability: (providerId: string) => [...scheduleKeys.all, 'availability', providerId] as const,
  conflicts: () => [...scheduleKeys.all, 'conflicts'] as const,
  slots: () => [...scheduleKeys.all, 'slots'] as const,
  appointments: () => [...scheduleKeys.all, 'appointment'] as const,
  patientAppointments: (patientId: string) =>
    [...scheduleKeys.all, 'patient-appointments', patientId] as const,
  patientSearch: (query: string) => [...scheduleKeys.all, 'patient-search', query] as const,
};
