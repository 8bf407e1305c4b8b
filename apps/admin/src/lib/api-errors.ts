import { isApiError } from '@portal/api-client';

/** How a failed call should be explained to staff. */
export type FailureKind = 'forbidden' | 'notFound' | 'network' | 'server' | 'refused';

export function failureKind(error: unknown): FailureKind {
  if (!isApiError(error)) {
    // fetch itself failed: offline, DNS, the API down behind a proxy that closed the socket.
    return 'network';
  }
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status >= 500) return 'server';
  return 'refused';
}

/** The server's own explanation (problem+json `detail`), when it sent one. */
export function serverDetail(error: unknown): string | undefined {
  return isApiError(error) ? error.detail || error.title || undefined : undefined;
}

export interface FieldProblem<F extends string> {
  /** The form field the message belongs to, or undefined when it fits none. */
  field: F | undefined;
  message: string;
}

/**
 * Matches the server's `errors[].field` (dotted for nested objects: `address.city`) to the
 * form's fields. `resolve` returns the form field for a server field, or undefined.
 */
export function fieldProblems<F extends string>(
  error: unknown,
  resolve: (serverField: string) => F | undefined,
): FieldProblem<F>[] {
  if (!isApiError(error)) return [];
  return error.fieldErrors.map(({ field, message }) => ({ field: resolve(field), message }));
}
