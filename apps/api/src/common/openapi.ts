import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { cookieNames } from './cookies.js';
import {
  CLINICAL_PERMISSIONS,
  PATIENT_PERMISSIONS,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  rolesHolding,
} from './permissions.js';
import { PERMISSION_EXTENSION, type PermitRule } from './permit.decorator.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';
import { PUBLIC_EXTENSION } from './public.decorator.js';
import { THROTTLED_EXTENSION } from './throttled.decorator.js';

/**
 * What buildOpenApiDocument adds to the document @nestjs/swagger derives from the code, so
 * that a third-party developer reads what the API really does, route by route. Everything
 * here is driven by route metadata (@Public, @Permit, @Throttled, the
 * parameters and bodies of each operation), so a new route is covered without a hand edit.
 */

export const SESSION_SCHEME = 'session';
/** The document-level extension with the permission table (common/permissions.ts). */
export const PERMISSIONS_EXTENSION = 'x-portal-permissions';
export const CSRF_SCHEME = 'csrf';
// The plain name; over HTTPS the cookie carries the __Host- prefix (common/cookies.ts).
const SESSION_COOKIE_NAME = cookieNames(false).session;

/** Every tag an operation may carry, with its description; an unknown tag fails the contract test. */
export const API_TAGS: Record<string, string> = {
  health: 'Liveness and readiness probes for load balancers and monitoring. No session.',
  clinic: 'Who the portal belongs to: the clinic’s name, colour and logo. No session.',
  auth: 'Signing in and out (with a second factor where the account has one), password reset, username reminders and the current session.',
  account:
    'The signed-in account’s own security settings: password, second factor, recovery codes and sessions.',
  patients: 'Patient demographics: search, registration at the front desk and updates.',
  staff: 'Staff accounts and their roles (administrators only).',
  audit:
    'The append-only audit trail: every sign-in, every read or change of patient data and every denied access; a patient sees who looked at their record.',
  invitations: 'Invitations that let a patient create their portal account.',
  registration: 'A patient creating their portal account from an invitation. No session.',
  scheduling: 'Clinic locations, providers, visit types, weekly hours and open slots.',
  appointments:
    'Booking, rescheduling and cancelling appointments, the day’s schedule and calendar files.',
  terminology: 'Code lists (conditions, allergies, vaccines, lab tests) used by the record forms.',
  records:
    'The patient’s record: conditions, allergies, immunizations, visit summaries and care plans, each with its revision history.',
  results:
    'Test results and vital signs: entry, import, review and release to the patient, trends.',
  'health record': 'The whole record as a summary, a PDF or a FHIR R4 Bundle.',
  'emergency access':
    'Minimum necessary access: staff locations, breaking the glass to reach a patient outside one’s care, and the review of those accesses.',
  messages:
    'Secure messaging between patients and their care team: conversations, attachments, live events, the staff inbox, care-team pools, routing and reply templates.',
  refills:
    'Prescription refills: the pharmacy directory and preferred pharmacy, patients’ refill requests and their timeline, the staff queue and decisions, and the turnaround report.',
  billing:
    'Each patient’s account as an append-only double-entry ledger: charges, insurance payments and adjustments, write-offs, reversals, remittance files, aging and deposit reports, statements; and the patient’s own bills.',
};

/** Error responses whose body is not a problem document (each with its reason). */
export const NON_PROBLEM_RESPONSES: Record<string, string> = {
  // Load balancers read the readiness report itself, whatever the outcome.
  'getReadiness 503': 'the readiness report (ReadinessDto), so a probe sees which check failed',
};

const DOCUMENT_DESCRIPTION = `REST API of the patient portal.

**Errors** are \`application/problem+json\` (RFC 9457): \`type\`, \`title\`, \`status\`, \`detail\`, a stable machine-readable \`code\`, for validation errors \`errors: [{ field, message }]\`, and the \`requestId\` of the request (also sent as the \`X-Request-Id\` header). 400 means the input is not valid, 401 not signed in, 403 signed in but not allowed (or the CSRF check failed), 404 not found or not yours (a patient never learns whether another patient's record exists), 409 a conflict with the current state (a stale \`version\`, a slot already taken), 413 a body too large, 415 a body that is not JSON, 422 a business rule refused, 429 too many tries (see \`Retry-After\`).

**Sessions.** Signing in (\`POST /api/v1/auth/login\`, then \`/api/v1/auth/login/verify\` when the account has a second factor) sets the \`${SESSION_COOKIE_NAME}\` cookie (\`__Host-${SESSION_COOKIE_NAME}\` on HTTPS origins; httpOnly, SameSite=Lax, Secure on HTTPS). Every operation marked with the \`${SESSION_SCHEME}\` security scheme needs it; a session ends after 15 minutes without activity and after 12 hours in any case.

**CSRF (double submit).** Every API response (health probes aside) to a request that does not carry the CSRF cookie sets one: a random, script-readable token in the csrf cookie (\`csrf_token\`, or \`__Host-csrf_token\` on HTTPS origins). Every state-changing request (POST, PUT, PATCH, DELETE) must send the cookie back and the same value in the \`X-CSRF-Token\` header, signed in or not (signing in included); otherwise the API answers 403 with code \`csrf_token_invalid\`. Read the token from the cookie the API set, never make one up; GET, HEAD and OPTIONS need no token.

**Lists** use cursor pagination: \`?limit=&cursor=\` answer \`{ items, nextCursor }\`; pass \`nextCursor\` back for the next page. **Ids** are UUIDs. **Times** are ISO 8601 in UTC; calendar dates are \`YYYY-MM-DD\`. **Request bodies** are JSON; unknown fields are refused.`;

const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Formats whose validators accept only text of a fixed shape, so their length is known. */
const FORMAT_MAX_LENGTH: Record<string, number> = {
  uuid: 36,
  date: 10,
  // An instant with nanoseconds and an offset: 2026-03-01T08:30:00.123456789+01:00.
  'date-time': 35,
};

type Json = Record<string, unknown>;
interface ResponseObject {
  description?: string;
  headers?: Json;
  content?: Record<string, { schema?: Json }>;
}
interface Operation {
  operationId?: string;
  tags?: string[];
  description?: string;
  parameters?: { in: string; name: string; schema?: Json }[];
  requestBody?: unknown;
  responses: Record<string, ResponseObject>;
  security?: Record<string, string[]>[];
  [extension: `x-${string}`]: unknown;
}

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 86400 },
  },
};

/** Documents what the API sends on each route: security, error responses and bounds. */
export function finishOpenApiDocument(
  document: OpenAPIObject,
  options: { schemas?: Record<string, SchemaObject> } = {},
): OpenAPIObject {
  document.info.description = DOCUMENT_DESCRIPTION;
  document.servers = [
    {
      url: '/',
      description:
        'The portal itself: the API is served under /api on the same origin as the patient and staff apps',
    },
  ];
  document.components ??= {};
  // Schemas no DTO class describes (the FHIR Bundle), referenced by $ref from the routes.
  document.components.schemas = { ...document.components.schemas, ...options.schemas };
  document.components.securitySchemes = {
    [SESSION_SCHEME]: {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE_NAME,
      description:
        'The session cookie set by signing in (httpOnly: a browser sends it, scripts cannot read it).',
    },
    [CSRF_SCHEME]: {
      type: 'apiKey',
      in: 'header',
      name: 'X-CSRF-Token',
      description:
        'Double-submit CSRF token: the value of the csrf cookie (csrf_token, or __Host-csrf_token on HTTPS origins) that the API set, sent back in this header on every state-changing request together with the cookie itself.',
    },
  };
  // The permission table, once for the whole document: the staff app and the SPA mocks
  // read who holds what from here, and each operation names its own permission.
  (document as OpenAPIObject & Record<string, unknown>)[PERMISSIONS_EXTENSION] = {
    permissions: PERMISSIONS,
    roles: ROLE_PERMISSIONS,
    patient: PATIENT_PERMISSIONS,
  };
  const used = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      finishOperation(method, operation);
      for (const tag of operation.tags ?? []) used.add(tag);
    }
  }
  document.tags = [...used]
    .filter((tag) => API_TAGS[tag] !== undefined)
    .sort()
    .map((name) => ({ name, description: API_TAGS[name] }));
  boundByFormat(document);
  typeNullableReferences(document);
  return document;
}

function finishOperation(method: string, operation: Operation): void {
  const isPublic = operation[PUBLIC_EXTENSION] === true;
  const rule = operation[PERMISSION_EXTENSION] as PermitRule | undefined;
  const throttled = operation[THROTTLED_EXTENSION] as { retryAfter: boolean } | undefined;
  delete operation[PUBLIC_EXTENSION];
  delete operation[THROTTLED_EXTENSION];
  const changes = STATE_CHANGING.has(method);

  const requirement: Record<string, string[]> = {};
  if (!isPublic) requirement[SESSION_SCHEME] = [];
  if (changes) requirement[CSRF_SCHEME] = [];
  operation.security = Object.keys(requirement).length ? [requirement] : [];

  const parameters = operation.parameters ?? [];
  const hasInput = operation.requestBody !== undefined || parameters.some((p) => p.in === 'query');
  const hasPathId = parameters.some((p) => p.in === 'path');
  const add = (status: string, description: string, extra: Partial<ResponseObject> = {}) => {
    const existing = operation.responses[status];
    operation.responses[status] = existing
      ? { ...extra, ...existing, description: existing.description || description }
      : { description, ...extra };
  };

  if (hasInput)
    add('400', 'The request is not valid (code validation_failed, bad_request or malformed_json)');
  if (!isPublic) add('401', 'Not signed in, or the session has ended (code unauthenticated)');
  const forbidden: string[] = [];
  if (rule) {
    const patients = PATIENT_PERMISSIONS.includes(rule.permission);
    const holders = [
      ...(patients ? [rule.patientScoped ? 'a patient (their own record only)' : 'a patient'] : []),
      ...rolesHolding(rule.permission),
    ].join(', ');
    const permission = `Permission \`${rule.permission}\` (${PERMISSIONS[rule.permission]}), held by: ${holders}.`;
    operation.description = operation.description
      ? `${operation.description}\n\n${permission}`
      : permission;
    forbidden.push(`the caller does not hold the permission ${rule.permission} (code forbidden)`);
    if (rule.patientScoped && CLINICAL_PERMISSIONS.has(rule.permission)) {
      forbidden.push(
        'the patient is not in the staff member’s care (code care_relationship_required): emergency access (createEmergencyAccess) opens the record for a while',
      );
    }
  }
  if (changes)
    forbidden.push(
      'the CSRF cookie or X-CSRF-Token header is missing or wrong (code csrf_token_invalid)',
    );
  if (forbidden.length) {
    const reason = `Not allowed: ${forbidden.join('; or ')}`;
    const existing = operation.responses['403'];
    if (existing?.description && changes && !/csrf/i.test(existing.description)) {
      existing.description = `${existing.description}; or the CSRF cookie or X-CSRF-Token header is missing or wrong (code csrf_token_invalid)`;
    }
    add('403', reason);
  }
  if (hasPathId || rule?.patientScoped)
    add('404', 'Not found, or not yours (code not_found or a more specific *_not_found)');
  if (operation.requestBody !== undefined) {
    add('413', 'The request body is larger than this route accepts (code payload_too_large)');
    add('415', 'The request body is not JSON (code unsupported_media_type)');
  }
  if (throttled) {
    add('429', "Too many tries (code too_many_sign_in_attempts or the route's own code)");
    if (throttled.retryAfter) {
      const response = operation.responses['429']!;
      response.headers = { ...response.headers, ...RETRY_AFTER };
    }
  }

  for (const [status, response] of Object.entries(operation.responses)) {
    if (!/^[45]/.test(status)) continue;
    if (NON_PROBLEM_RESPONSES[`${operation.operationId} ${status}`]) continue;
    response.content = {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } },
    };
  }
  operation.responses = Object.fromEntries(
    Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** maxLength for formats of a fixed shape, and an int32/int64 format for bounded integers. */
function boundByFormat(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) boundByFormat(child);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Json;
  if (schema.type === 'string' && typeof schema.format === 'string') {
    const max = FORMAT_MAX_LENGTH[schema.format];
    if (max !== undefined && schema.maxLength === undefined) schema.maxLength = max;
  }
  if (
    schema.type === 'integer' &&
    schema.format === undefined &&
    typeof schema.minimum === 'number' &&
    typeof schema.maximum === 'number'
  ) {
    const int32 = schema.minimum >= -(2 ** 31) && schema.maximum <= 2 ** 31 - 1;
    schema.format = int32 ? 'int32' : 'int64';
  }
  for (const child of Object.values(schema)) boundByFormat(child);
}

/**
 * @nestjs/swagger writes `nullable` beside `allOf: [{ $ref }]` for enum and nested types, but
 * OpenAPI 3.0.3 gives `nullable` meaning only next to a `type`: the referenced type is copied
 * there (and a `nullable: false`, which says nothing, is dropped).
 */
function typeNullableReferences(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Json>;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const schema = node as Json;
    if ('nullable' in schema && schema.type === undefined && Array.isArray(schema.allOf)) {
      const ref = (schema.allOf[0] as Json | undefined)?.$ref;
      const target = typeof ref === 'string' ? schemas[ref.split('/').pop()!] : undefined;
      if (schema.nullable === false) delete schema.nullable;
      else if (target?.type !== undefined) schema.type = target.type;
    }
    Object.values(schema).forEach(visit);
  };
  visit(document);
}
