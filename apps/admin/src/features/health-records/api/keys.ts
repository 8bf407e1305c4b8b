/** Query keys of this feature; mutations invalidate by these prefixes. */
export const healthRecordKeys = {
  all: ['health-records'] as const,
  records: (patientId: string, kind: string) =>
    [...healthRecordKeys.all, 'records', patientId, kind] as const,
  history: (path: string) => [...healthRecordKeys.all, 'history', path] as const,
};
