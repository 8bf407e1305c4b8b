import {
  ApiError,
  expectData,
  type ApiClient,
  type LoginRequest,
  type LoginResult,
} from '@portal/api-client';
import { mutationOptions, useMutation, type QueryKey } from '@tanstack/react-query';
import { useAuthUi } from '../context';

/** Sign-in is paused (429): `retryAfterSeconds` comes from the Retry-After header. */
export class SignInPausedError extends ApiError {
  readonly retryAfterSeconds: number | undefined;

  constructor(error: ApiError, retryAfterSeconds: number | undefined) {
    super({
      type: error.type,
      title: error.title,
      status: error.status,
      detail: error.detail,
      code: error.code,
      errors: [...error.fieldErrors],
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Retry-After is either a number of seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim());
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

type Middleware = Parameters<ApiClient['use']>[0];

/**
 * Runs before the client's own middleware turns the answer into an ApiError, so the
 * Retry-After header (which the problem document does not carry) is not lost.
 */
const readRetryAfter: Middleware = {
  async onResponse({ response }) {
    if (response.status === 429) {
      const error = await ApiError.fromResponse(response.clone());
      throw new SignInPausedError(error, parseRetryAfter(response.headers.get('Retry-After')));
    }
    return undefined;
  },
};

/** POST /api/v1/auth/login (operationId login). */
export function loginMutationOptions(api: ApiClient, sessionQueryKey: QueryKey) {
  return mutationOptions({
    mutationKey: ['auth', 'login'],
    mutationFn: async (body: LoginRequest): Promise<LoginResult> =>
      expectData(await api.POST('/api/v1/auth/login', { body, middleware: [readRetryAfter] })),
    onSuccess: async (result, _body, _onMutateResult, { client }) => {
      if (result.status === 'signed-in') {
        // Show the new session at once, then confirm it with the server (the cookie works).
        client.setQueryData(sessionQueryKey, result.session);
        await client.invalidateQueries({ queryKey: sessionQueryKey });
      }
    },
  });
}

export function useLogin() {
  const { api, sessionQueryKey } = useAuthUi();
  return useMutation(loginMutationOptions(api, sessionQueryKey));
}
