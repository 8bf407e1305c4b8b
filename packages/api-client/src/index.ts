import type { components, operations, paths } from './schema';

export type { components, operations, paths };

export {
  createApiClient,
  expectData,
  portalMiddleware,
  CSRF_COOKIES,
  CSRF_HEADER,
  type ApiClient,
  type ApiClientOptions,
} from './client';
export { ApiError, isApiError, CLIENT_ERROR_CODES } from './errors';
export { readCookie } from './cookies';

/** The JSON body an operation answers with for one status code. */
export type JsonResponse<
  Op extends keyof operations,
  Status extends keyof operations[Op]['responses'],
> = operations[Op]['responses'][Status] extends { content: { 'application/json': infer Body } }
  ? Body
  : never;

/** The JSON body an operation takes. */
export type JsonRequestBody<Op extends keyof operations> =
  NonNullable<operations[Op]['requestBody']> extends { content: { 'application/json': infer Body } }
    ? Body
    : never;

// Aliases come from operations (by operationId) rather than schema names, so renaming a DTO
// class in the API does not break the SPAs; only Problem is looked up by its schema name.
export type Liveness = JsonResponse<'getLiveness', 200>;
export type Readiness = JsonResponse<'getReadiness', 200>;
export type Session = JsonResponse<'getSession', 200>;
export type SessionUser = Session['user'];
export type UserKind = SessionUser['kind'];
export type LoginRequest = JsonRequestBody<'login'>;
export type LoginResult = JsonResponse<'login', 200>;
export type LoginSignedIn = Extract<LoginResult, { status: 'signed-in' }>;
export type LoginSecondFactorRequired = Extract<LoginResult, { status: 'second-factor-required' }>;
export type SecondFactorMethod = LoginSecondFactorRequired['methods'][number];
export type Problem = components['schemas']['Problem'];
export type ProblemFieldError = NonNullable<Problem['errors']>[number];
export {
  PERMISSIONS,
  ROLE_PERMISSIONS,
  PATIENT_PERMISSIONS,
  OPERATION_PERMISSIONS,
  permissionsOf,
  type Permission,
  type StaffRole,
  type OperationPermission,
} from './permissions';
