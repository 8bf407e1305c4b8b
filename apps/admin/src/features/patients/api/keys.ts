/** Query keys of this feature; mutations invalidate by these prefixes. */
export const patientKeys = {
  all: ['patients'] as const,
  searches: () => [...patientKeys.all, 'search'] as const,
  detail: (patientId: string) => [...patientKeys.all, 'detail', patientId] as const,
};
