/** Query keys of this feature; mutations invalidate by these prefixes. */
export const clinicKeys = {
  all: ['clinic-settings'] as const,
  locations: () => [...clinicKeys.all, 'locations'] as const,
  providers: () => [...clinicKeys.all, 'providers'] as const,
  visitTypes: () => [...clinicKeys.all, 'visit-types'] as const,
  providerAccounts: () => [...clinicKeys.all, 'provider-accounts'] as const,
};
