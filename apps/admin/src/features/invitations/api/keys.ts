/** Query keys of this feature; every invitation change invalidates `all`. */
export const invitationKeys = {
  all: ['invitations'] as const,
  list: (filter: { status?: string; patientId?: string }) =>
    [...invitationKeys.all, 'list', filter] as const,
};
