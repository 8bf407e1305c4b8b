/** Query keys of this feature; a review mark invalidates `all`. */
export const emergencyAccessKeys = {
  all: ['emergency-access'] as const,
  list: (query: object) => [...emergencyAccessKeys.all, 'list', query] as const,
};
