import { isApiError } from '@portal/api-client';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { markSignedOut, sessionQueryKey } from './session';

const MAX_RETRIES = 2;

/** Retry only what may pass next time: network failures and server errors, not 4xx answers. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status < 500 && error.status !== 408) {
    return false;
  }
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  // Any 401 means the session ended (idle logoff, signed out elsewhere): mark the visitor as
  // signed out so the route guard sends them to sign in.
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && queryClient.getQueryData(sessionQueryKey)) {
      markSignedOut(queryClient);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: options.retry === false ? false : shouldRetry,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
