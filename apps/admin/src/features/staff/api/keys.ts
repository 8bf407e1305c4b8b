/** Query keys of this feature; every change to an account invalidates `all`. */
export const staffKeys = {
  all: ['staff'] as const,
  list: () => [...staffKeys.all, 'list'] as const,
};
