/** Query keys of this feature. */
export const auditKeys = {
  events: ['audit-events'] as const,
  accessLog: (patientId: string) => ['access-log', patientId] as const,
};
