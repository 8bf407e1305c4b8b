import type { components } from './schema';

type Problem = components['schemas']['Problem'];
type ProblemFieldError = NonNullable<Problem['errors']>[number];

/** Codes the client itself uses when the server did not send a problem document. */
export const CLIENT_ERROR_CODES = {
  /** The response was an error but not application/problem+json (e.g. a proxy's HTML page). */
  unexpectedResponse: 'client.unexpected_response',
  /** A success response had no body where the API promises one. */
  emptyResponse: 'client.empty_response',
} as const;

/**
 * An error answer from the API, built from its RFC 9457 problem document.
 * Thrown by the client middleware so TanStack Query (and any caller) sees a rejected promise
 * instead of having to inspect `{ error }` on every call.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: readonly ProblemFieldError[];

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.status = problem.status;
    this.code = problem.code;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
  }

  /** The first message the server gave for one field, if any. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field)?.message;
  }

  /** Reads a failed response; never throws, whatever the body holds. */
  static async fromResponse(response: Response): Promise<ApiError> {
    const body = await readJson(response);
    if (isProblem(body)) {
      return new ApiError(body);
    }
    return new ApiError({
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      detail: '',
      code: CLIENT_ERROR_CODES.unexpectedResponse,
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

async function readJson(response: Response): Promise<unknown> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!/^application\/(problem\+)?json\b/i.test(contentType)) {
    return undefined;
  }
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  const errors = candidate['errors'];
  return (
    typeof candidate['status'] === 'number' &&
    typeof candidate['code'] === 'string' &&
    typeof candidate['title'] === 'string' &&
    (errors === undefined ||
      (Array.isArray(errors) &&
        errors.every(
          (item: unknown) =>
            typeof item === 'object' &&
            item !== null &&
            typeof (item as Record<string, unknown>)['field'] === 'string' &&
            typeof (item as Record<string, unknown>)['message'] === 'string',
        )))
  );
}
