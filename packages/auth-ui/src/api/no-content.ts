import { mutationOptions } from '@tanstack/react-query';

/**
 * A mutation whose answer carries nothing (204): keyed ['auth', key]; `send` makes the call.
 * openapi-fetch throws for a problem answer, so only success resolves.
 */
export function noContentMutationOptions<Body>(
  key: string,
  send: (body: Body) => Promise<unknown>,
) {
  return mutationOptions({
    mutationKey: ['auth', key],
    mutationFn: async (body: Body): Promise<void> => {
      await send(body);
    },
  });
}
